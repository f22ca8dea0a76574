package org.sanctuaryrules.engine;

/** The outcome for an act, ordered from best to worst; a case takes its worst act's verdict. */
public enum Verdict {
    /** Nothing prohibits the act, or an exception lifts every prohibition. */
    COMPLIANT,
    /** The outcome depends on a fact the case does not give. */
    INDETERMINATE,
    /** A prohibition applies and no exception lifts it. */
    VIOLATION;

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
