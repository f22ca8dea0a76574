package org.sanctuaryrules.engine;

/**
 * The rules did not settle for one act: they kept firing past the firing budget ({@link JudgingLimits#firings()},
 * rules that re-trigger each other), or recursed until the stack ran out.
 */
public final class RuleLoopException extends RuleLimitException {
    private RuleLoopException(Limit limit, String message, Throwable cause) {
        super(limit, message, cause);
    }

    public RuleLoopException(String actId, int limit) {
        this(Limit.FIRINGS, "the rules fired " + limit + " times for act '" + actId + "' without settling; "
                + "some rules re-trigger each other endlessly", null);
    }

    /** A rule or function called itself until the stack ran out. */
    public static RuleLoopException recursion(String actId, StackOverflowError cause) {
        return new RuleLoopException(Limit.STACK, "the rules recursed without end while judging act '" + actId
                + "' (the stack ran out); a rule or function calls itself", null);
    }
}
