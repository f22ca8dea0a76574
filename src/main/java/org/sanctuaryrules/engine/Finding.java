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
 * @param decisive    whether the finding decided the act's outcome it belongs to: the verdict for a provision of law,
 *                    the policy outcome for a department order (see {@code binding})
 * @param lifts       for an exception, the rule whose prohibition it lifts
 * @param missingFact for {@link Effect#NEEDS_FACT}, the scenario field that would settle it
 * @param binding     whether the provision is law or department policy (a department order's findings never decide
 *                    the legal verdict)
 */
public record Finding(String rule, String provision, String citation, Effect effect, String explanation,
                      List<String> notes, boolean decisive, String lifts, String missingFact, Binding binding) {
    public Finding {
        notes = List.copyOf(notes);
        binding = binding == null ? Binding.LAW : binding;
    }

    /** A finding under a provision of law. */
    public Finding(String rule, String provision, String citation, Effect effect, String explanation,
                   List<String> notes, boolean decisive, String lifts, String missingFact) {
        this(rule, provision, citation, effect, explanation, notes, decisive, lifts, missingFact, Binding.LAW);
    }

    /** Whether the finding is under a department order rather than a provision of law. */
    public boolean departmentPolicy() {
        return binding == Binding.DEPARTMENT_POLICY;
    }
}
