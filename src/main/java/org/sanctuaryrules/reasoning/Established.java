package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/** A defined legal term holds for the act (the building blocks prohibitions and exceptions are made of). */
public record Established(Act act, Term term, String rule, String provision, String explanation) implements Conclusion {
}
