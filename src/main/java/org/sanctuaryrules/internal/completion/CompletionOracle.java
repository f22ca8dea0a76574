package org.sanctuaryrules.internal.completion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Case;

/**
 * Judges a situation under the ways of filling in its missing facts, which gives INDETERMINATE its meaning: an act is
 * indeterminate exactly when filling in its missing facts in different ways gives different verdicts. Tests use it to
 * check the engine's verdicts on incomplete cases against that meaning; it is also what a "what would settle it"
 * feature builds on. Thread-safe (the engine is); the work per call is bounded by {@code bound} judgments (times the
 * values of a fact, for {@link #factsThatMatter}).
 */
final class CompletionOracle {
    /** Completions tried per situation unless told otherwise: all of them when there are no more than this. */
    public static final int DEFAULT_BOUND = 256;

    private final SanctuaryEngine engine;
    private final int bound;

    public CompletionOracle(SanctuaryEngine engine) {
        this(engine, DEFAULT_BOUND);
    }

    public CompletionOracle(SanctuaryEngine engine, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1");
        }
        this.engine = engine;
        this.bound = bound;
    }

    /** The engine's assessment of the situation's act. */
    public ActAssessment judge(Situation s) {
        return engine.assess(s.asCase("completion")).acts().get(0);
    }

    /**
     * The engine's assessments of the situations' acts, in their order: the same as {@link #judge} on each, with the
     * situations shared among the cores ({@link SanctuaryEngine#assessAll}).
     */
    public List<ActAssessment> judgeAll(List<Situation> situations) {
        List<Case> cases = new ArrayList<>(situations.size());
        for (Situation s : situations) {
            cases.add(s.asCase("completion"));
        }
        List<ActAssessment> acts = new ArrayList<>(cases.size());
        for (Assessment a : engine.assessAll(cases)) {
            acts.add(a.acts().get(0));
        }
        return acts;
    }

    /**
     * The verdicts of the situation's completions.
     *
     * @param seed draws the sample when there are more completions than the bound
     */
    public Outcome complete(Situation s, long seed) {
        List<Situation> completions = Completions.of(s, bound, seed);
        List<Verdict> verdicts = new ArrayList<>(completions.size());
        for (ActAssessment a : judgeAll(completions)) {
            verdicts.add(a.verdict());
        }
        return new Outcome(completions, verdicts, Completions.exhaustive(s, bound));
    }

    /**
     * The missing facts whose value changes the verdict: for up to {@code samples} completions of the others, the
     * fact is set to each of its values, and it matters if that moves the verdict. A fact found to matter surely
     * does; one not found may still matter in a completion the sample did not draw.
     */
    public Set<Fact> factsThatMatter(Situation s, int samples, long seed) {
        Set<Fact> matter = new LinkedHashSet<>();
        for (Fact f : Fact.missing(s)) {
            if (matters(s, f, samples, seed)) {
                matter.add(f);
            }
        }
        return matter;
    }

    /** Whether setting {@code fact} differently, with the other facts filled in one of {@code samples} ways, moves the verdict. */
    public boolean matters(Situation s, Fact fact, int samples, long seed) {
        return matters(s, fact, List.of(), samples, seed);
    }

    /**
     * Like {@link #matters(Situation, Fact, int, long)}, searching harder where the fact is likely to interact: every
     * way of filling in the {@code focus} facts (up to {@code samples}), the rest each time filled at random. A fact
     * that matters only when five others take particular values is found this way, where plain sampling could miss it.
     */
    public boolean matters(Situation s, Fact fact, List<Fact> focus, int samples, long seed) {
        List<Situation> bases = focus.isEmpty() ? Completions.of(s, samples, seed)
                : Completions.of(s, f -> !f.equals(fact) && focus.contains(f), samples, seed);
        // Each way of filling the focus is completed at random as often as the budget allows: at least once.
        List<Situation> completions = new ArrayList<>();
        int perBase = focus.isEmpty() ? 1 : Math.max(1, samples / bases.size());
        long draw = seed;
        for (Situation base : bases) {
            completions.addAll(focus.isEmpty() ? List.of(base) : Completions.of(base, perBase, ++draw));
        }
        for (Situation c : completions) {
            Situation open = fact.without(c);
            Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
            for (Object v : fact.values(open)) {
                seen.add(judge(fact.with(open, v)).verdict());
                if (seen.size() > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The completions tried and their verdicts.
     *
     * @param exhaustive whether these are all the completions, not a sample
     */
    public record Outcome(List<Situation> completions, List<Verdict> verdicts, boolean exhaustive) {
        public Outcome {
            completions = List.copyOf(completions);
            verdicts = List.copyOf(verdicts);
        }

        public Set<Verdict> distinct() {
            return verdicts.isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(verdicts);
        }

        /** The verdict every completion gives, or INDETERMINATE when they differ. */
        public Verdict settled() {
            Set<Verdict> d = distinct();
            return d.size() == 1 ? d.iterator().next() : Verdict.INDETERMINATE;
        }

        /** A completion that gives {@code verdict}, or null. */
        public Situation witness(Verdict verdict) {
            int i = verdicts.indexOf(verdict);
            return i < 0 ? null : completions.get(i);
        }
    }
}
