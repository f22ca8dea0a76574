package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/**
 * The outcome turns on a fact the case does not give.
 *
 * @param fact        the missing fact, named as a scenario field (for example {@code person.convictions})
 * @param prohibition the prohibition the fact could lift, or {@code null} when the fact decides whether a
 *                    prohibition applies at all
 */
public record Unknown(Act act, String fact, Prohibition prohibition, String rule, String provision,
                      String explanation) implements Conclusion {
}
