package org.sanctuaryrules.model;

/** Who asked the city to act, or who receives what the city gives. */
public enum Requester {
    /** ICE Enforcement and Removal Operations: civil removal. */
    ICE_ERO,
    /** ICE Homeland Security Investigations: criminal investigations, still part of ICE. */
    ICE_HSI,
    /** ICE without saying which directorate. */
    ICE,
    /** Customs and Border Protection. */
    CBP,
    /** Another part of the Department of Homeland Security. */
    DHS_OTHER,
    FBI,
    /** A joint federal task force (FBI-led, HSI gang task force, …). */
    JOINT_TASK_FORCE,
    OTHER_FEDERAL,
    /** A New York State agency (for example DCJS, which takes booking fingerprints). */
    STATE_AGENCY,
    /** The Police Department, as the one who asks or receives (for example a shelter giving NYPD an address). */
    NYPD,
    /** Another city agency (other than NYPD). */
    CITY_AGENCY,
    /** Nobody asked: the agency acted on its own. */
    NONE;

    /** Part of ICE, whatever the directorate: "anyone acting for ICE" (§ 9-131(a)). */
    public boolean isIce() {
        return this == ICE_ERO || this == ICE_HSI || this == ICE;
    }

    /**
     * Known to be a federal immigration authority (§ 9-131(a)): any part of ICE, or Customs and Border Protection (taken
     * to be a part of DHS charged with enforcing the civil INA). {@link #DHS_OTHER} may be one; see
     * {@link #mayBeFederalImmigrationAuthority()}.
     */
    public boolean isFederalImmigrationAuthority() {
        return isIce() || this == CBP;
    }

    /** A part of DHS other than ICE or CBP: a federal immigration authority only if it enforces the civil INA. */
    public boolean mayBeFederalImmigrationAuthority() {
        return this == DHS_OTHER;
    }

    /** A city body: NYPD or another city agency (not non-local law enforcement, § 4-210, § 10-178(d)). */
    public boolean isCity() {
        return this == NYPD || this == CITY_AGENCY;
    }

    /** A body outside the city: every value but {@link #NONE} and the city's own. */
    public boolean isOutsideCity() {
        return this != NONE && !isCity();
    }
}
