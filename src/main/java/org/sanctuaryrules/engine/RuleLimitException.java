package org.sanctuaryrules.engine;

/**
 * Judging one act stopped at one of its limits — time, firings, stack, memory, the length of a text a rule built —
 * or because the rules failed with an {@link Error}. It is an error on that act (and so on its case) only: the
 * engine stays usable and every other act is judged as before.
 */
public class RuleLimitException extends IllegalStateException {
    /** Which limit stopped the act. */
    public enum Limit {
        /** The act's time budget ({@link JudgingLimits#time()}). */
        TIME,
        /** The most rule firings per act ({@link JudgingLimits#firings()}). */
        FIRINGS,
        /** The stack ran out: rules that recurse. */
        STACK,
        /** Memory ran out while the act was judged. */
        MEMORY,
        /** A rule built a text longer than {@link RuleGuard#MAX_TEXT} characters. */
        TEXT,
        /** The rules failed with another error. */
        FAILURE
    }

    private final Limit limit;

    RuleLimitException(Limit limit, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }

    static RuleLimitException time(String actId, JudgingLimits limits) {
        return new RuleLimitException(Limit.TIME, "judging act '" + actId + "' took longer than its time budget of "
                + limits.time().toMillis() + " ms; the rules do too much work for one act", null);
    }

    static RuleLimitException text(String actId, String detail) {
        return new RuleLimitException(Limit.TEXT, "judging act '" + actId + "' stopped: " + detail, null);
    }

    static RuleLimitException memory(String actId) {
        return new RuleLimitException(Limit.MEMORY, "memory ran out while judging act '" + actId
                + "'; the rules build too much for one act", null);
    }

    static RuleLimitException failure(String actId, Error error) {
        return new RuleLimitException(Limit.FAILURE, "the rules failed while judging act '" + actId + "': "
                + error.getClass().getSimpleName(), null);
    }
}
