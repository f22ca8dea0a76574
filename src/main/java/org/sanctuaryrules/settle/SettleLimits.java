package org.sanctuaryrules.settle;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work {@link Settler} may do for one act. When a bound is reached it stops and says which facts matter
 * most instead of finishing the table, so a case with many unknown facts still answers in time.
 *
 * @param completions completions judged at each step of the table: all of them when there are no more, else a seeded
 *                    sample of this many
 * @param judgments   judgments of the engine per act, at most (the table and the path to compliance together)
 * @param depth       conditions per line of the table, at most
 * @param changes     changes per path to compliance, at most
 * @param time        wall-clock time per act, at most; an act's judgment already started is finished, so the bound
 *                    is this plus one judgment (itself bounded by the engine's {@code JudgingLimits})
 */
public record SettleLimits(int completions, int judgments, int depth, int changes, Duration time) {
    /**
     * The bounds of {@code explain}, {@code interview} and the library: 64 completions a step, 20,000 judgments and
     * 10 seconds an act. A warm engine judges an act in well under a millisecond, so the shipped acts settle in well
     * under a second; the time bound is for a cold command on a busy machine (judgments then take 10 ms and more).
     */
    public static final SettleLimits DEFAULT = new SettleLimits(64, 20_000, 6, 3, Duration.ofSeconds(10));
    /**
     * The bounds of {@code run --verbose} and {@code run --html}, which settle every act of a run: 32 completions a
     * step, 2,000 judgments and 2 seconds an act, paths of at most two changes.
     */
    public static final SettleLimits RUN = new SettleLimits(32, 2_000, 5, 2, Duration.ofSeconds(2));

    public SettleLimits {
        Objects.requireNonNull(time, "time");
        if (completions < 1 || judgments < 1 || depth < 1 || changes < 0 || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("settle limits must be positive (changes may be 0)");
        }
    }

    public SettleLimits withTime(Duration value) {
        return new SettleLimits(completions, judgments, depth, changes, value);
    }

    public SettleLimits withJudgments(int value) {
        return new SettleLimits(completions, value, depth, changes, time);
    }

    public SettleLimits withCompletions(int value) {
        return new SettleLimits(value, judgments, depth, changes, time);
    }
}
