package org.sanctuaryrules.engine;

/**
 * The rules did not settle for one act: they kept firing past {@link SanctuaryEngine#MAX_FIRINGS_PER_ACT}
 * (rules that re-trigger each other), or a function recursed until the stack ran out.
 */
public final class RuleLoopException extends IllegalStateException {
    private RuleLoopException(String message, Throwable cause) {
        super(message, cause);
    }

    public RuleLoopException(String actId, int limit) {
        this("the rules fired " + limit + " times for act '" + actId + "' without settling; "
                + "some rules re-trigger each other endlessly", null);
    }

    /** A rule or function called itself until the stack ran out. */
    public static RuleLoopException recursion(String actId, StackOverflowError cause) {
        return new RuleLoopException("the rules recursed without end while judging act '" + actId
                + "' (the stack ran out); a rule or function calls itself", cause);
    }
}
