package org.sanctuaryrules.internal.workbench;

import java.time.LocalDate;
import java.util.List;

import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.settle.ActSettlement;
import org.sanctuaryrules.settle.Settlement;

/**
 * The reasoning behind a scenario's verdict, as a tree a lawyer can check against the rules: each act, the findings
 * that decided it, every prohibition with the exceptions that could lift it, and what the engine cannot say.
 *
 * @param asOf the date whose law was applied, or {@code null} for each act's own date
 */
public record ExplainedCase(String id, String title, String file, String ruleSetOrigin, String ruleSetVersion,
                            LocalDate asOf, Verdict verdict, List<ActNode> acts) {
    public ExplainedCase {
        acts = List.copyOf(acts);
    }

    /** The same tree with each act's settlement (matched by act id) added. */
    public ExplainedCase withSettlement(Settlement settlement) {
        List<ActNode> settled = acts.stream().map(a -> new ActNode(a.id(), a.agency(), a.kind(), a.date(), a.verdict(),
                a.decidedBy(), a.prohibitions(), a.otherFindings(), a.missingFacts(), a.notInForce(), a.notes(),
                a.policy(), a.policyDecidedBy(), a.policyMissingFacts(), settlement.act(a.id()))).toList();
        return new ExplainedCase(id, title, file, ruleSetOrigin, ruleSetVersion, asOf, verdict, settled);
    }

    /**
     * One act.
     *
     * @param decidedBy     the findings that decided the verdict
     * @param prohibitions  every prohibition that applied, with its exceptions
     * @param otherFindings the remaining findings (terms established, notes, permissions not decisive)
     * @param missingFacts  the facts that would settle an indeterminate act
     * @param notInForce    rules that matched but whose provision was not in force on the date
     * @param notes         interpretation notes and assumptions the findings rest on
     * @param policy        what department orders say of the act, apart from the verdict (not law)
     * @param policyDecidedBy    the department-order findings that decided the policy outcome
     * @param policyMissingFacts the facts that would settle an indeterminate policy outcome
     * @param settle        what would settle it (INDETERMINATE) or make it lawful (VIOLATION); null until
     *                      {@link ExplainedCase#withSettlement} adds it
     */
    public record ActNode(String id, Agency agency, ActKind kind, LocalDate date, Verdict verdict,
                          List<Step> decidedBy, List<ProhibitionNode> prohibitions, List<Step> otherFindings,
                          List<String> missingFacts, List<NotInForce> notInForce, List<String> notes,
                          PolicyOutcome policy, List<Step> policyDecidedBy, List<String> policyMissingFacts,
                          ActSettlement settle) {
        public ActNode {
            policyDecidedBy = List.copyOf(policyDecidedBy);
            policyMissingFacts = List.copyOf(policyMissingFacts);
            decidedBy = List.copyOf(decidedBy);
            prohibitions = List.copyOf(prohibitions);
            otherFindings = List.copyOf(otherFindings);
            missingFacts = List.copyOf(missingFacts);
            notInForce = List.copyOf(notInForce);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One finding and the rule behind it.
     *
     * @param file    the rule's file, or {@code null} when the rule set does not know the rule
     * @param line    the rule's line in it (0 when not known)
     * @param matched the facts the rule's firings matched, described without personal data
     */
    public record Step(String rule, String file, int line, String provision, String citation, Effect effect,
                       String explanation, List<String> matched) {
        public Step {
            matched = List.copyOf(matched);
        }

        /** {@code file:line}, or {@code ?} when not known. */
        public String place() {
            return ExplainedCase.place(file, line);
        }
    }

    /** The outcome of a prohibition for the act. */
    public enum Outcome {
        /** An exception lifted it. */
        LIFTED,
        /** No exception lifted it, and none is waiting on a missing fact: the act violates it. */
        STANDS,
        /** No exception lifted it yet; a missing fact could. */
        OPEN
    }

    /**
     * A prohibition and the exceptions that name it in {@code @lifts}.
     *
     * @param open missing-fact findings about this prohibition not tied to one exception
     */
    public record ProhibitionNode(Step prohibition, Outcome outcome, List<ExceptionNode> exceptions, List<Step> open) {
        public ProhibitionNode {
            exceptions = List.copyOf(exceptions);
            open = List.copyOf(open);
        }
    }

    /**
     * An exception to a prohibition and whether it lifted it.
     *
     * @param status     FIRED, NOT_IN_FORCE (matched but its provision was not in force) or DID_NOT_FIRE
     * @param lifted     the finding, when it fired
     * @param why        what the engine can say about the outcome, in words
     * @param conditions the exception's conditions as written ("line: text"), when it did not fire
     * @param terms      the legal terms its conditions name and whether each holds for the act
     * @param factsRead  the act and person fields its conditions name, with their values in the scenario
     * @param openFacts  missing-fact findings of rules citing the same provision about this prohibition
     */
    public record ExceptionNode(String rule, String file, int line, String provision, String status, Step lifted,
                                String why, List<String> conditions, List<String> terms, List<String> factsRead,
                                List<Step> openFacts) {
        public ExceptionNode {
            conditions = List.copyOf(conditions);
            terms = List.copyOf(terms);
            factsRead = List.copyOf(factsRead);
            openFacts = List.copyOf(openFacts);
        }

        public String place() {
            return ExplainedCase.place(file, line);
        }
    }

    /** A rule that matched the act but did not fire, because its provision was not in force on the date. */
    public record NotInForce(String rule, String file, int line, String provision, String inForce) {
        public String place() {
            return ExplainedCase.place(file, line);
        }
    }

    private static String place(String file, int line) {
        return file == null ? "?" : file + ":" + line;
    }
}
