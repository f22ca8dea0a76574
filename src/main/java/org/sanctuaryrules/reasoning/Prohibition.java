package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/** A provision forbids the act, unless an exception lifts the prohibition. */
public record Prohibition(Act act, String rule, String provision, String explanation) implements Conclusion {
}
