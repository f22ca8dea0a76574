package org.sanctuaryrules.engine;

/**
 * What department policy (a provision with {@link Binding#DEPARTMENT_POLICY}, such as NYPD Operations Order No. 4 of
 * 2025) says of an act, kept apart from its legal {@link Verdict}: a breach of a department order binds the
 * department's members, it is not a violation of law. Ordered from best to worst.
 */
public enum PolicyOutcome {
    /** No department order's prohibition applies to the act. */
    NOT_ADDRESSED,
    /** A department order's prohibition applied and an exception of the order lifts it. */
    COMPLIANT,
    /** Whether the act breaches a department order turns on a fact the case does not give. */
    INDETERMINATE,
    /** The act breaches a department order: a breach of department policy, not a violation of law. */
    BREACH;

    public PolicyOutcome worse(PolicyOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
