package org.sanctuaryrules.internal.completion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ways of filling in every missing fact of a situation. Facts are filled one after another, each from the values
 * it can take given those filled before it (a look-back date depends on the convictions): the record search first,
 * then the convictions' own fields, then the arrest date, then the rest.
 *
 * <p>All of them when there are at most {@code bound}; otherwise {@code bound} drawn at random with the given seed
 * (so a run can be repeated), each fact's value drawn uniformly: with a few values per fact that covers every pair of
 * values of every two facts with high probability, which is the strength the oracle's checks rely on.
 */
public final class Completions {
    private Completions() {
    }

    /** Every completion if there are at most {@code bound}, else a sample of {@code bound}. */
    public static List<Situation> of(Situation s, int bound, long seed) {
        return of(s, f -> true, bound, seed);
    }

    /**
     * Every way of filling in just the missing facts that {@code which} accepts (others stay missing), if there are at
     * most {@code bound}, else a sample of {@code bound}.
     */
    public static List<Situation> of(Situation s, Predicate<Fact> which, int bound, long seed) {
        if (count(s, which, bound) <= bound) {
            List<Situation> all = new ArrayList<>();
            every(s, which, all);
            return all;
        }
        Random random = new Random(seed);
        Set<Situation> sample = new LinkedHashSet<>();
        for (int tries = 0; sample.size() < bound && tries < bound * 4; tries++) {
            sample.add(draw(s, which, random));
        }
        return new ArrayList<>(sample);
    }

    /**
     * The missing facts a partial answer may fill in now, in the order completions fill them: every fact whose values do
     * not depend on other missing facts, and, of those that do (the records search, then the convictions' own fields,
     * then the arrest date), only the first. Filling in facts in this order keeps every completion of the answered
     * situation a completion of the original one, so a table of answers built this way covers the completions.
     */
    public static List<Fact> fillableNow(Situation s) {
        List<Fact> out = new ArrayList<>();
        Fact dependent = next(s, f -> rank(f) < 3);
        if (dependent != null) {
            out.add(dependent);
        }
        for (Fact f : Fact.missing(s)) {
            if (rank(f) == 3) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether {@link #of} would enumerate every completion rather than sample. */
    public static boolean exhaustive(Situation s, int bound) {
        return count(s, f -> true, bound) <= bound;
    }

    /** The number of completions, or a number above {@code bound} once it passes it. */
    static long count(Situation s, Predicate<Fact> which, int bound) {
        Fact next = next(s, which);
        if (next == null) {
            return 1;
        }
        long total = 0;
        for (Object v : next.values(s)) {
            total += count(next.with(s, v), which, bound);
            if (total > bound) {
                return total;
            }
        }
        return total;
    }

    private static void every(Situation s, Predicate<Fact> which, List<Situation> out) {
        Fact next = next(s, which);
        if (next == null) {
            out.add(s);
            return;
        }
        for (Object v : next.values(s)) {
            every(next.with(s, v), which, out);
        }
    }

    private static Situation draw(Situation s, Predicate<Fact> which, Random random) {
        for (Fact next = next(s, which); next != null; next = next(s, which)) {
            List<Object> values = next.values(s);
            s = next.with(s, values.get(random.nextInt(values.size())));
        }
        return s;
    }

    /** The next fact to fill: the record search, then conviction fields, then the arrest date, then the others. */
    private static Fact next(Situation s, Predicate<Fact> which) {
        List<Fact> missing = Fact.missing(s);
        Fact best = null;
        for (Fact f : missing) {
            if (!which.test(f)) {
                continue;
            }
            if (best == null || rank(f) < rank(best)) {
                best = f;
            }
        }
        return best;
    }

    private static int rank(Fact f) {
        if (f.component().equals("convictions")) {
            return 0;
        }
        if (f.where() == Fact.Where.CONVICTION) {
            return 1;
        }
        return f.component().equals("currentArrestDate") ? 2 : 3;
    }
}
