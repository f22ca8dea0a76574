package org.sanctuaryrules.reasoning;

/** Legal terms that definition rules establish and other rules use. */
public enum Term {
    /** The request comes from federal immigration authorities (§ 9-131(a)). */
    FEDERAL_IMMIGRATION_AUTHORITIES,
    /** The act serves immigration enforcement as § 10-178(a) defines it. */
    IMMIGRATION_ENFORCEMENT,
    /** The act honors a civil immigration detainer: holding past release or notifying of release (§§ 9-131, 14-154, 9-205). */
    HONORS_CIVIL_DETAINER,
    /** A judicial warrant for the person was presented. */
    JUDICIAL_WARRANT,
    /** A conviction for a violent or serious crime within the five-year look-back (§ 9-131(a)(2), § 14-154(a)(2)). */
    CONVICTED_WITHIN_LOOK_BACK,
    /** A conviction for a violent or serious crime at any time (§ 14-154(b)(2)). */
    EVER_CONVICTED,
    /** A possible match in the terrorist screening database. */
    TERRORIST_DATABASE_MATCH,
    /** The information given out is identifying information under § 23-1201. */
    IDENTIFYING_INFORMATION,
    /** The information given out is confidential information under Executive Order 41. */
    CONFIDENTIAL_INFORMATION
}
