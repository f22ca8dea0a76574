package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/** A provision expressly allows the act, or takes it outside every prohibition. */
public record Permitted(Act act, String rule, String provision, String explanation) implements Conclusion {
}
