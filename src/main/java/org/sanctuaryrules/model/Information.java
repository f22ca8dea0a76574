package org.sanctuaryrules.model;

/** Kinds of information an act gives out. */
public enum Information {
    IMMIGRATION_STATUS,
    /** Whether a person is in custody. */
    INCARCERATION_STATUS,
    RELEASE_DATE,
    COURT_DATE,
    ARREST_RECORD,
    CONVICTION_RECORD,
    ADDRESS,
    BIOMETRICS,
    VICTIM_OR_WITNESS_STATUS,
    PUBLIC_ASSISTANCE,
    /** Anything else that alone or combined identifies or locates a person (§ 23-1201). */
    OTHER_IDENTIFYING
}
