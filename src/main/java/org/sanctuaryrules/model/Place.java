package org.sanctuaryrules.model;

/** Where the act happens. */
public enum Place {
    /** Rikers Island or any other property of the Department of Correction. */
    DOC_PROPERTY,
    /** Other city property: shelters, schools, offices, precincts. */
    CITY_PROPERTY,
    /** A courthouse, or on the way to or from one. */
    COURTHOUSE,
    /** Anywhere else. */
    ELSEWHERE
}
