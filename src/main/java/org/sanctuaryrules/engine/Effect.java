package org.sanctuaryrules.engine;

/** What a finding does to the verdict. */
public enum Effect {
    PROHIBITS, LIFTS, PERMITS, NEEDS_FACT, NOTE, ESTABLISHES
}
