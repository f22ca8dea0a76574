package org.sanctuaryrules.model;

/** The city agency that did, or proposes to do, the act. */
public enum Agency {
    /** Police Department: detainers under Admin. Code § 14-154. */
    NYPD,
    /** Department of Correction: detainers, information and offices under § 9-131. */
    DOC,
    /** Department of Probation: detainers under § 9-205. */
    PROBATION,
    /** Any other city agency (shelters, schools, benefits offices, …). */
    OTHER_CITY_AGENCY
}
