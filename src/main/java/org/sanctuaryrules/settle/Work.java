package org.sanctuaryrules.settle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sanctuaryrules.internal.completion.Completions;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;

/**
 * The work of settling one act: the engine's judgments (each situation judged once), counted against the act's
 * bounds. Not thread-safe: one per act and call, on the calling thread.
 */
final class Work {
    /** Completions tried per named fact when a sample agrees but the engine still names the fact. */
    private static final int NAMED_SEARCH = 32;
    /** Facts an open line names at most. */
    private static final int MATTERS_MOST = 5;

    /** One judgment, kept: the verdict and what decided it. */
    record Judged(Verdict verdict, List<String> provisions, List<String> citations, List<String> missingFacts) {
        static Judged of(ActAssessment a) {
            Set<String> provisions = new LinkedHashSet<>();
            Set<String> citations = new LinkedHashSet<>();
            for (Finding f : a.decisiveFindings()) {
                if (f.provision() != null) {
                    provisions.add(f.provision());
                    citations.add(f.citation() != null ? f.citation() : f.provision());
                }
            }
            return new Judged(a.verdict(), List.copyOf(provisions), List.copyOf(citations), a.missingFacts());
        }

        /** The missing facts named that no completion can fill: law not encoded ({@code law: …}) and the like. */
        List<String> beyond(Set<String> vocabulary) {
            return missingFacts.stream().filter(m -> !vocabulary.contains(m)).toList();
        }
    }

    private final SanctuaryEngine engine;
    private final LocalDate asOf;
    private final SettleLimits limits;
    private final long deadline;
    private final Map<Situation, Judged> judged = new HashMap<>();
    private int judgments;
    private boolean bounded;

    Work(SanctuaryEngine engine, LocalDate asOf, SettleLimits limits) {
        this.engine = engine;
        this.asOf = asOf;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.time().toNanos();
    }

    int judgments() {
        return judgments;
    }

    boolean bounded() {
        return bounded;
    }

    /** Whether a bound is reached: no more judgments may start. */
    boolean spent() {
        if (judgments >= limits.judgments() || System.nanoTime() - deadline > 0) {
            bounded = true;
        }
        return bounded;
    }

    Judged judge(Situation s) {
        Judged j = judged.get(s);
        if (j == null) {
            judgments++;
            j = Judged.of(engine.assess(s.asCase("settle"), asOf).acts().get(0));
            judged.put(s, j);
        }
        return j;
    }

    /** The decision tree over the missing facts {@code allowed} accepts (the others are left to the completions). */
    Tree.Node tree(Situation s, Predicate<Fact> allowed, long seed) {
        return node(s, allowed, 0, seed);
    }

    private Tree.Node node(Situation p, Predicate<Fact> allowed, int depth, long seed) {
        List<Situation> completions = Completions.of(p, limits.completions(), seed);
        List<Situation> seen = new ArrayList<>();
        List<Judged> verdicts = new ArrayList<>();
        for (Situation c : completions) {
            if (spent()) {
                break;
            }
            seen.add(c);
            verdicts.add(judge(c));
        }
        List<Fact> candidates = Completions.fillableNow(p).stream()
                .filter(f -> allowed.test(f) && f.values(p).size() > 1).toList();
        if (seen.size() < completions.size()) {
            return open(p, candidates, seen, verdicts);
        }
        Set<Verdict> distinct = EnumSet.noneOf(Verdict.class);
        verdicts.forEach(j -> distinct.add(j.verdict()));
        if (distinct.size() == 1) {
            boolean all = Completions.exhaustive(p, limits.completions());
            Fact missed = all ? null : missedBySample(p, candidates, seed);
            if (missed == null) {
                return leaf(p, verdicts, all);
            }
            return split(p, missed, allowed, depth, seed);
        }
        if (depth >= limits.depth() || candidates.isEmpty()) {
            if (depth >= limits.depth()) {
                bounded = true;
            }
            return open(p, candidates, seen, verdicts);
        }
        List<Fact> order = ranked(p, candidates, seen, verdicts);
        if (Completions.exhaustive(p, limits.completions())) {
            Tree.Node smallest = smallest(p, seen, verdicts, allowed, order, depth);
            if (smallest != null) {
                return smallest;
            }
        }
        return split(p, order.get(0), allowed, depth, seed);
    }

    /**
     * The table with the fewest lines (then the fewest conditions) over every order of splitting, when every
     * completion of {@code p} is judged already: each split is then tried on the judgments at hand, no new one. Among
     * tables as small, the one whose first split comes first in {@code order} (most decisive). Null where a line
     * would be longer than the depth bound allows, or a part of the table has no fact left to split on or a value no
     * judged completion has: the greedy split then decides.
     */
    private Tree.Node smallest(Situation p, List<Situation> completions, List<Judged> verdicts,
                               Predicate<Fact> allowed, List<Fact> order, int depth) {
        Tree.Node best = smallest(p, completions, verdicts, allowed, order, new HashMap<>());
        return best != null && Tree.depth(best) <= limits.depth() - depth ? best : null;
    }

    /** {@code completions} are those of {@code q}, judged: a value's are picked from them, not enumerated again. */
    private Tree.Node smallest(Situation q, List<Situation> completions, List<Judged> verdicts, Predicate<Fact> allowed,
                               List<Fact> order, Map<Situation, Tree.Node> memo) {
        if (memo.containsKey(q)) {
            return memo.get(q);
        }
        Tree.Node best = null;
        if (verdicts.stream().map(Judged::verdict).distinct().count() == 1) {
            best = leaf(q, verdicts, true);
        } else {
            List<Fact> candidates = Completions.fillableNow(q).stream()
                    .filter(f -> allowed.test(f) && f.values(q).size() > 1)
                    .sorted(Comparator.comparingInt((Fact f) -> order.contains(f) ? order.indexOf(f) : order.size())
                            .thenComparingDouble(f -> -gain(f, completions, verdicts)))
                    .toList();
            int[] bestSize = null;
            for (Fact f : candidates) {
                List<Object> values = f.values(q);
                List<Tree.Node> nodes = new ArrayList<>();
                for (Object v : values) {
                    List<Situation> some = new ArrayList<>();
                    List<Judged> theirs = new ArrayList<>();
                    for (int i = 0; i < completions.size(); i++) {
                        if (v.equals(f.value(completions.get(i)))) {
                            some.add(completions.get(i));
                            theirs.add(verdicts.get(i));
                        }
                    }
                    Tree.Node child = some.isEmpty() ? null
                            : smallest(f.with(q, v), some, theirs, allowed, order, memo);
                    if (child == null) {
                        memo.put(q, null);
                        return null; // a value no completion has: leave this part to the greedy split
                    }
                    nodes.add(child);
                }
                Tree.Node t = Tree.split(f, values, nodes);
                int[] size = Tree.size(t);
                if (best == null || size[0] < bestSize[0] || size[0] == bestSize[0] && size[1] < bestSize[1]) {
                    best = t;
                    bestSize = size;
                }
            }
        }
        memo.put(q, best);
        return best;
    }

    private Tree.Open open(Situation p, List<Fact> candidates, List<Situation> seen, List<Judged> verdicts) {
        Judged here = judge(p);
        List<Fact> matter = here.verdict() == Verdict.INDETERMINATE || !verdicts.isEmpty()
                ? mattersMost(p, ranked(p, candidates, seen, verdicts), seen, verdicts) : List.of();
        return new Tree.Open(here.verdict(), here.provisions(), here.citations(), matter);
    }

    private Tree.Node split(Situation p, Fact fact, Predicate<Fact> allowed, int depth, long seed) {
        List<Object> values = fact.values(p);
        List<Tree.Node> nodes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            nodes.add(node(fact.with(p, values.get(i)), allowed, depth + 1, seed * 31 + i + 1));
        }
        return Tree.split(fact, values, nodes);
    }

    private Tree.Leaf leaf(Situation p, List<Judged> verdicts, boolean all) {
        // The decisive provisions every completion shares; failing that, those of the first.
        List<String> provisions = new ArrayList<>(verdicts.get(0).provisions());
        List<String> citations = new ArrayList<>(verdicts.get(0).citations());
        for (Judged j : verdicts) {
            for (int i = provisions.size() - 1; i >= 0; i--) {
                if (!j.provisions().contains(provisions.get(i))) {
                    provisions.remove(i);
                    citations.remove(i);
                }
            }
        }
        if (provisions.isEmpty()) {
            provisions = verdicts.get(0).provisions();
            citations = verdicts.get(0).citations();
        }
        return new Tree.Leaf(verdicts.get(0).verdict(), provisions, citations, all, verdicts.size(),
                verdicts.get(0).verdict() == Verdict.INDETERMINATE
                        ? verdicts.get(0).beyond(Fact.all(p).stream().map(Fact::field).collect(Collectors.toSet()))
                        : List.of());
    }

    /**
     * Where a sample of completions all agree but the engine, judging the partial situation, still names a missing
     * fact: looks for completions of the others in which that fact moves the verdict. The first such fact, or null.
     */
    private Fact missedBySample(Situation p, List<Fact> candidates, long seed) {
        if (spent()) {
            return null;
        }
        Judged here = judge(p);
        if (here.verdict() != Verdict.INDETERMINATE) {
            return null;
        }
        for (Fact f : candidates) {
            if (!here.missingFacts().contains(f.field())) {
                continue;
            }
            for (Situation c : Completions.of(p, g -> !g.equals(f), NAMED_SEARCH, seed ^ f.hashCode())) {
                Set<Verdict> moved = EnumSet.noneOf(Verdict.class);
                for (Object v : f.values(c)) {
                    if (spent()) {
                        return null;
                    }
                    moved.add(judge(f.with(c, v)).verdict());
                }
                if (moved.size() > 1) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The candidate facts, most decisive first: by how much knowing the fact tells of the verdict among the judged
     * completions (information gain), then those the engine names, then in the vocabulary's order.
     */
    private List<Fact> ranked(Situation p, List<Fact> candidates, List<Situation> completions, List<Judged> verdicts) {
        // One judgment even past a bound, so that an open line can still say what matters.
        Set<String> named = new LinkedHashSet<>(judge(p).missingFacts());
        Map<Fact, Double> gain = new LinkedHashMap<>();
        for (Fact f : candidates) {
            gain.put(f, gain(f, completions, verdicts));
        }
        // The engine's named facts that move the verdict come first: it knows which facts matter only once another
        // is answered (a court order, once the record is sealed), which a sample's gains cannot tell apart.
        List<Fact> order = new ArrayList<>(candidates);
        order.sort(Comparator.<Fact>comparingInt(f -> gain.get(f) > 0 && named.contains(f.field()) ? 0 : 1)
                .thenComparingDouble(f -> -gain.get(f))
                .thenComparing(f -> named.contains(f.field()) ? 0 : 1));
        return order;
    }

    /** What an open line says matters most: the facts that moved the verdict among the judged, else those named. */
    private List<Fact> mattersMost(Situation p, List<Fact> ranked, List<Situation> completions, List<Judged> verdicts) {
        Set<String> named = new LinkedHashSet<>(judge(p).missingFacts());
        List<Fact> moving = ranked.stream().filter(f -> gain(f, completions, verdicts) > 0).toList();
        List<Fact> chosen = moving.isEmpty() ? ranked.stream().filter(f -> named.contains(f.field())).toList() : moving;
        chosen = chosen.isEmpty() ? ranked : chosen;
        return chosen.subList(0, Math.min(MATTERS_MOST, chosen.size()));
    }

    private static double gain(Fact f, List<Situation> completions, List<Judged> verdicts) {
        if (completions.isEmpty()) {
            return 0;
        }
        Map<Object, EnumMap<Verdict, Integer>> byValue = new HashMap<>();
        EnumMap<Verdict, Integer> total = new EnumMap<>(Verdict.class);
        for (int i = 0; i < completions.size(); i++) {
            Verdict v = verdicts.get(i).verdict();
            byValue.computeIfAbsent(f.value(completions.get(i)), k -> new EnumMap<>(Verdict.class)).merge(v, 1, Integer::sum);
            total.merge(v, 1, Integer::sum);
        }
        double n = completions.size();
        double after = 0;
        for (EnumMap<Verdict, Integer> counts : byValue.values()) {
            int size = counts.values().stream().mapToInt(Integer::intValue).sum();
            after += size / n * entropy(counts, size);
        }
        return entropy(total, (int) n) - after;
    }

    private static double entropy(EnumMap<Verdict, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double q = c / (double) n;
            h -= q * Math.log(q);
        }
        return h;
    }
}
