package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/** Something an analyst should know that does not change the verdict, such as a federal-preemption tension. */
public record Note(Act act, String rule, String provision, String explanation) implements Conclusion {
}
