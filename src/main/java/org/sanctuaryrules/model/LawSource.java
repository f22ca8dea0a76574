package org.sanctuaryrules.model;

/**
 * What kind of law requires an act. Most exceptions accept any law ("required by law", "required by law or treaty");
 * § 10-178(e) only compliance with federal law.
 */
public enum LawSource {
    /** A federal statute, regulation or treaty, or the order of a federal court. */
    FEDERAL,
    /** New York State law, or the order of a state court. */
    STATE,
    /** City law: the Charter, the Administrative Code, a rule of a city agency. */
    CITY
}
