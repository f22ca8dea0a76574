package org.sanctuaryrules.model;

/** How the person the act is about stands toward the city. */
public enum PersonRole {
    VICTIM, WITNESS,
    /** Came to the police or another agency for help. */
    SEEKING_HELP,
    ARRESTEE, DEFENDANT, INMATE, PROBATIONER,
    /** Suspected of illegal activity other than mere immigration status, without (yet) being arrested or charged. */
    SUSPECT,
    /** Party or potential witness in a court proceeding (Civil Rights Law § 28). */
    COURT_PARTY_OR_WITNESS,
    /** Family or household member of a party or witness going to court. */
    COURT_PARTY_FAMILY,
    OTHER
}
