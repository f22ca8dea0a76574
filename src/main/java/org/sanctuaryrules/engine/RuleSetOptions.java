package org.sanctuaryrules.engine;

/**
 * How a rule set is compiled.
 *
 * @param allowUnsafeRules compile rule files that {@link UnsafeRuleCheck} would refuse (calls outside the model,
 *                         loops that need not end); only for rule files as trusted as the program itself
 */
public record RuleSetOptions(boolean allowUnsafeRules) {
    /** The default: rule files that reach outside the model are refused. */
    public static final RuleSetOptions SAFE = new RuleSetOptions(false);
    /** Opt-in for trusted rule files. */
    public static final RuleSetOptions ALLOW_UNSAFE_RULES = new RuleSetOptions(true);
}
