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
    CITY_AGENCY,
    /** Nobody asked: the agency acted on its own. */
    NONE;

    /** Part of ICE, whatever the directorate: "anyone acting for ICE" (§ 9-131(a)). */
    public boolean isIce() {
        return this == ICE_ERO || this == ICE_HSI || this == ICE;
    }
}
