package org.sanctuaryrules.engine;

import java.util.List;

/**
 * One match of one rule against the facts of an act.
 *
 * @param rule  the rule's name
 * @param facts the facts the rule's patterns matched, in pattern order (facts under {@code exists} or {@code not}
 *              are not part of a match, so they are not listed)
 */
public record Firing(String rule, List<Object> facts) {
    public Firing {
        facts = List.copyOf(facts);
    }
}
