package org.sanctuaryrules.engine;

/** The rules kept firing for one act past {@link SanctuaryEngine#MAX_FIRINGS_PER_ACT}: they re-trigger each other. */
public final class RuleLoopException extends IllegalStateException {
    public RuleLoopException(String actId, int limit) {
        super("the rules fired " + limit + " times for act '" + actId + "' without settling; "
                + "some rules re-trigger each other endlessly");
    }
}
