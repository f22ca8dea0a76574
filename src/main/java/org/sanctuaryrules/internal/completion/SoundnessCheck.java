package org.sanctuaryrules.internal.completion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Verdict;

/**
 * Checks the engine's verdicts on incomplete facts against the meaning of INDETERMINATE, using the
 * {@link CompletionOracle}. For an act, the act as written and the act with each given fact removed in turn (one
 * variant per fact) are judged, and so are their completions. Each variant must be
 * <ul>
 *   <li><b>sound</b>: a VIOLATION or COMPLIANT is what every completion gives, and what the full act gives when its
 *       value of the removed fact is one a completion could choose;</li>
 *   <li><b>precise</b>: INDETERMINATE only when completions give different verdicts (or the law itself is not
 *       encoded, so that every completion is indeterminate too);</li>
 *   <li><b>honestly named</b>: an INDETERMINATE names at least one missing fact; each fact it names is missing and
 *       changes the verdict for some completion of the others (looked for in every way, up to {@link #NAME_SAMPLES},
 *       of filling in the other named facts, the rest drawn at random each time, and, before a flaw is claimed, up to
 *       {@link #NAME_CONFIRM});</li>
 *   <li><b>answerable</b>: answering the named facts, in each way (up to {@link #ANSWERS}), gives a verdict that every
 *       completion agreeing with the answers gives, or an INDETERMINATE naming other facts. Facts that matter only
 *       once a named fact is answered (a court order, once the record is known to be sealed) may wait until then;
 *       asking for what is named always leads to a sound verdict;</li>
 * </ul>
 * and a completion, which gives every fact, never names one as missing.
 *
 * <p>Bounded: per variant, at most the oracle's bound of completions, plus {@link #NAME_SAMPLES} times the values of
 * each named fact, plus {@link #ANSWERS} judgments. Samples are seeded by the act and the variant, so a run repeats.
 */
final class SoundnessCheck {
    public static final int NAME_SAMPLES = 48;
    /**
     * A named fact that no sampled completion shows to matter is searched again, in every way of filling in the other
     * named facts up to this many, before it is called a red herring: a fact that matters in one completion in a
     * hundred is easily missed by {@link #NAME_SAMPLES} draws, and a flaw must not be claimed on a sample's luck.
     */
    public static final int NAME_CONFIRM = 1024;
    public static final int ANSWERS = 16;

    /** What kind of promise a flaw breaks. */
    public enum Kind { UNSOUND, IMPRECISE, UNNAMED, WRONG_NAME, RED_HERRING, NOT_ANSWERABLE, STILL_MISSING }

    /** A broken promise, on one variant of one act. */
    public record Flaw(Kind kind, String act, String variant, String message) {
        @Override
        public String toString() {
            return "act " + act + " " + variant + ": " + kind + " " + message;
        }
    }

    private final CompletionOracle oracle;

    public SoundnessCheck(CompletionOracle oracle) {
        this.oracle = Objects.requireNonNull(oracle, "oracle");
    }

    /** Every flaw found with the act as written and with each given fact removed; {@code seedName} seeds samples. */
    public List<Flaw> check(Situation full, String seedName) {
        List<Flaw> flaws = new ArrayList<>();
        ActAssessment fullAssessment = oracle.judge(full);
        flaws.addAll(checkVariant(full, "as written", (seedName + full.act().id()).hashCode()));
        for (Fact f : Fact.given(full)) {
            Situation variant = f.without(full);
            String label = "without " + f;
            flaws.addAll(checkVariant(variant, label, (seedName + full.act().id() + f).hashCode()));
            ActAssessment a = oracle.judge(variant);
            if (a.verdict() != Verdict.INDETERMINATE && f.values(variant).contains(f.value(full))
                    && a.verdict() != fullAssessment.verdict()) {
                flaws.add(new Flaw(Kind.UNSOUND, full.act().id(), label, a.verdict() + ", but the act as written ("
                        + f + " = " + f.value(full) + ") is " + fullAssessment.verdict()));
            }
        }
        return flaws;
    }

    /** The flaws of one situation as it stands (no facts removed). */
    public List<Flaw> checkVariant(Situation s, String label, long seed) {
        List<Flaw> flaws = new ArrayList<>();
        String act = s.act().id();
        ActAssessment a = oracle.judge(s);
        CompletionOracle.Outcome out = oracle.complete(s, seed);
        Set<Verdict> verdicts = out.distinct();
        List<Fact> missing = Fact.missing(s);
        if (a.verdict() != Verdict.INDETERMINATE && !verdicts.equals(Set.of(a.verdict()))) {
            Verdict other = verdicts.stream().filter(v -> v != a.verdict()).findFirst().orElseThrow();
            flaws.add(new Flaw(Kind.UNSOUND, act, label, a.verdict() + ", yet " + contradiction(s, out.witness(other), other)));
        }
        if (a.verdict() == Verdict.INDETERMINATE && verdicts.size() == 1 && !verdicts.contains(Verdict.INDETERMINATE)) {
            flaws.add(new Flaw(Kind.IMPRECISE, act, label, "INDETERMINATE (naming " + a.missingFacts()
                    + "), yet every one of " + out.verdicts().size() + (out.exhaustive() ? "" : " sampled")
                    + " completions gives " + verdicts.iterator().next()));
        }
        Set<String> vocabulary = Fact.all(s).stream().map(Fact::field).collect(Collectors.toSet());
        if (a.verdict() == Verdict.INDETERMINATE && a.missingFacts().isEmpty()) {
            flaws.add(new Flaw(Kind.UNNAMED, act, label, "INDETERMINATE without naming a missing fact"));
        }
        if (a.verdict() == Verdict.INDETERMINATE && verdicts.size() > 1) {
            List<Fact> named = missing.stream().filter(f -> a.missingFacts().contains(f.field())).toList();
            for (String field : a.missingFacts()) {
                List<Fact> facts = named.stream().filter(f -> f.field().equals(field)).toList();
                if (vocabulary.contains(field) && facts.isEmpty()) {
                    flaws.add(new Flaw(Kind.WRONG_NAME, act, label, "names " + field + " as missing, but the case gives it"));
                } else if (!facts.isEmpty()
                        && facts.stream().noneMatch(f -> oracle.matters(s, f, named, NAME_SAMPLES, seed))
                        && facts.stream().noneMatch(f -> oracle.matters(s, f, named, NAME_CONFIRM, seed + 1))) {
                    flaws.add(new Flaw(Kind.RED_HERRING, act, label, "names " + field + ", which changes no verdict in "
                            + NAME_CONFIRM + " ways of filling in the other named facts"));
                }
            }
            flaws.addAll(answeringTheNamedFacts(s, named, out, label));
        }
        for (int i = 0; i < out.completions().size(); i++) {
            if (out.verdicts().get(i) == Verdict.INDETERMINATE) {
                Situation c = out.completions().get(i);
                List<String> named = oracle.judge(c).missingFacts().stream().filter(vocabulary::contains).toList();
                if (!named.isEmpty()) {
                    flaws.add(new Flaw(Kind.STILL_MISSING, act, label, "a completion that gives every fact still names "
                            + named + " (" + describe(c, missing) + ")"));
                    break;
                }
            }
        }
        return flaws;
    }

    private List<Flaw> answeringTheNamedFacts(Situation s, List<Fact> named, CompletionOracle.Outcome out, String label) {
        List<Flaw> flaws = new ArrayList<>();
        List<Situation> answered = new ArrayList<>(List.of(s));
        for (Fact f : named) {
            List<Situation> next = new ArrayList<>();
            for (Situation partial : answered) {
                if (!f.missingIn(partial)) {
                    next.add(partial);
                    continue;
                }
                for (Object v : f.values(partial)) {
                    next.add(f.with(partial, v));
                }
            }
            answered = next.size() > ANSWERS ? new ArrayList<>(next.subList(0, ANSWERS)) : next;
        }
        for (Situation partial : answered) {
            ActAssessment a = oracle.judge(partial);
            if (a.verdict() == Verdict.INDETERMINATE) {
                List<String> again = named.stream().map(Fact::field).distinct().filter(a.missingFacts()::contains).toList();
                if (!again.isEmpty()) {
                    flaws.add(new Flaw(Kind.NOT_ANSWERABLE, s.act().id(), label, "after answering "
                            + describe(partial, named) + " it still names " + again));
                }
                continue;
            }
            for (int i = 0; i < out.completions().size(); i++) {
                Situation c = out.completions().get(i);
                boolean agrees = named.stream().allMatch(f -> Objects.equals(f.value(c), f.value(partial)));
                if (agrees && out.verdicts().get(i) != a.verdict()) {
                    flaws.add(new Flaw(Kind.NOT_ANSWERABLE, s.act().id(), label, "after answering "
                            + describe(partial, named) + " it is " + a.verdict() + ", yet "
                            + contradiction(partial, c, out.verdicts().get(i))));
                    break;
                }
            }
        }
        return flaws;
    }

    /**
     * A completion that contradicts a verdict, shrunk to the few facts that do it: starting from all the facts the
     * completion fills in, each is left out again if the verdict {@code contradicting} still follows without it.
     */
    String contradiction(Situation s, Situation completion, Verdict contradicting) {
        List<Fact> needed = new ArrayList<>(Fact.missing(s));
        for (Fact f : List.copyOf(needed)) {
            List<Fact> fewer = new ArrayList<>(needed);
            fewer.remove(f);
            if (oracle.judge(fill(s, completion, fewer)).verdict() == contradicting) {
                needed = fewer;
            }
        }
        return "with " + describe(completion, needed) + " it is " + contradicting;
    }

    private static Situation fill(Situation s, Situation completion, List<Fact> facts) {
        for (Fact f : facts) {
            s = f.with(s, f.value(completion));
        }
        return s;
    }

    /** The values a completion chose for the given facts. */
    static String describe(Situation completion, List<Fact> facts) {
        if (completion == null) {
            return "none";
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Fact f : facts) {
            chosen.put(f.toString(), f.value(completion));
        }
        return chosen.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
