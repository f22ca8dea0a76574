package org.sanctuaryrules.engine;

/**
 * What kind of rule a provision is, and so which outcome its prohibitions decide. A breach of department policy is
 * reported apart from a violation of law and never makes an act's legal verdict a violation.
 */
public enum Binding {
    /** Law binding the city: statutes, local laws, mayoral executive orders, court decisions. Decides the verdict. */
    LAW,
    /**
     * An order of a department binding its own members (NYPD Operations Order No. 4 of 2025), not a law of the city.
     * Decides the act's policy outcome, not its verdict.
     */
    DEPARTMENT_POLICY
}
