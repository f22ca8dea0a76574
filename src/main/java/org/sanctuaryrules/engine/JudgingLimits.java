package org.sanctuaryrules.engine;

import java.time.Duration;

/**
 * How much work judging one act may take. An act that needs more is stopped with a {@link RuleLimitException}, an
 * error on that act alone. The shipped rules judge an act in tens of microseconds with a few dozen firings.
 *
 * @param time    the wall-clock time from the start of the act, checked before every rule firing, at every match
 *                and, in analyst rules, on entry to every consequence, constraint and function and on every loop
 * @param firings the most rule firings
 */
public record JudgingLimits(Duration time, int firings) {
    /** Ten seconds and 10,000 firings: far above what any sound rule set needs, far below a hung run. */
    public static final JudgingLimits DEFAULT = new JudgingLimits(Duration.ofSeconds(10),
            SanctuaryEngine.MAX_FIRINGS_PER_ACT);

    public JudgingLimits {
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive");
        }
        if (firings < 1) {
            throw new IllegalArgumentException("the firing budget must be at least 1");
        }
    }
}
