package org.sanctuaryrules.engine;

import java.util.List;

/**
 * One conclusion of one rule about one act, as reported.
 *
 * @param rule        the rule's name
 * @param provision   the provision id the rule cites
 * @param citation    the provision's citation from the register
 * @param effect      what the finding does to the verdict
 * @param explanation plain-English account built from the facts
 * @param notes       interpretation notes and named assumptions the finding rests on
 * @param decisive    whether the finding decided the act's verdict
 * @param lifts       for an exception, the rule whose prohibition it lifts
 * @param missingFact for {@link Effect#NEEDS_FACT}, the scenario field that would settle it
 */
public record Finding(String rule, String provision, String citation, Effect effect, String explanation,
                      List<String> notes, boolean decisive, String lifts, String missingFact) {
    public Finding {
        notes = List.copyOf(notes);
    }
}
