package org.sanctuaryrules.model;

/** What the agency did or proposes to do. */
public enum ActKind {
    /** Keep a person in custody past the time they would otherwise be released. */
    HOLD_PAST_RELEASE,
    /** Tell federal authorities when a person will be released. */
    NOTIFY_RELEASE,
    /** Hand a person over to federal custody. */
    TRANSFER_CUSTODY,
    /** Give out a record (arrest report, case file, database entry). */
    SHARE_RECORD,
    /** Tell someone a person's citizenship or immigration status. */
    DISCLOSE_IMMIGRATION_STATUS,
    /** Tell someone when a person is due in court. */
    DISCLOSE_COURT_DATE,
    /** Ask a person, or about a person, their immigration status. */
    ASK_IMMIGRATION_STATUS,
    /** Let outside law-enforcement agents into an area of city property. */
    ALLOW_ACCESS,
    /** Let federal immigration authorities keep an office or quarters on city property. */
    HOST_OFFICE,
    /** Lend officers, vehicles, equipment or systems to an enforcement action. */
    OPERATIONAL_SUPPORT,
    /** Assign officers to a joint task force with a non-local agency. */
    JOIN_TASK_FORCE,
    /** Put officers under the direction of DHS, as a 287(g) agreement does. */
    ENTER_287G_AGREEMENT,
    /** Send booking fingerprints to the state, which forwards them to the FBI (and so to DHS). */
    SEND_BOOKING_FINGERPRINTS,
    /** Help a civil arrest happen (for example of someone coming to or leaving court). */
    ASSIST_CIVIL_ARREST
}
