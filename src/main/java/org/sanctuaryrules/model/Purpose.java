package org.sanctuaryrules.model;

/**
 * What an act was for. A request's stated purpose and the purpose the analyst finds the act actually served
 * are kept apart: § 10-178(e) turns on the act's primary intent, not on the label on the request.
 */
public enum Purpose {
    /** Enforcing civil provisions of the Immigration and Nationality Act: removal, immigration detention. */
    CIVIL_IMMIGRATION_ENFORCEMENT,
    /** Prosecuting presence in, entry into or re-entry into the United States (a crime, yet immigration enforcement). */
    IMMIGRATION_ENTRY_CRIME,
    /** Prosecuting being found in the country, failure to depart, registration, travel-document or supervision violations. */
    OTHER_IMMIGRATION_CRIME,
    /** Enforcing a federal law the mayor has found is used as a proxy for civil immigration enforcement. */
    MAYOR_DESIGNATED_PROXY,
    /** Investigating or prosecuting a crime that is not itself about presence, entry or status. */
    CRIMINAL_INVESTIGATION,
    /** The agency's own mission (providing a service, running a jail), with no enforcement aim. */
    AGENCY_MISSION,
    /** Not known. */
    UNKNOWN
}
