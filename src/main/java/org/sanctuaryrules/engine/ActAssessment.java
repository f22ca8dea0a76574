package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.List;

import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;

/**
 * The verdict on one act and the findings behind it.
 *
 * @param verdict            the legal verdict: decided by provisions of law only
 * @param missingFacts       the facts that would settle an indeterminate act
 * @param notInForce         provisions whose rules matched the act but were not in force on its date
 * @param policy             what department orders (provisions of {@link Binding#DEPARTMENT_POLICY}) say of the act,
 *                           kept apart from the verdict: a breach of department policy is not a violation of law
 * @param policyMissingFacts the facts that would settle an indeterminate policy outcome
 */
public record ActAssessment(String actId, Agency agency, ActKind kind, LocalDate date, Verdict verdict,
                            List<Finding> findings, List<String> missingFacts, List<String> notInForce,
                            PolicyOutcome policy, List<String> policyMissingFacts) {
    public ActAssessment {
        findings = List.copyOf(findings);
        missingFacts = List.copyOf(missingFacts);
        notInForce = List.copyOf(notInForce);
        policy = policy == null ? PolicyOutcome.NOT_ADDRESSED : policy;
        policyMissingFacts = policyMissingFacts == null ? List.of() : List.copyOf(policyMissingFacts);
    }

    /** An assessment no department order speaks to. */
    public ActAssessment(String actId, Agency agency, ActKind kind, LocalDate date, Verdict verdict,
                         List<Finding> findings, List<String> missingFacts, List<String> notInForce) {
        this(actId, agency, kind, date, verdict, findings, missingFacts, notInForce, PolicyOutcome.NOT_ADDRESSED,
                List.of());
    }

    /** The findings that decided the legal verdict. */
    public List<Finding> decisiveFindings() {
        return findings.stream().filter(f -> f.decisive() && !f.departmentPolicy()).toList();
    }

    /** The findings of department orders that decided the policy outcome. */
    public List<Finding> decisivePolicyFindings() {
        return findings.stream().filter(f -> f.decisive() && f.departmentPolicy()).toList();
    }

    /** Provision ids cited by any finding. */
    public List<String> citedProvisions() {
        return findings.stream().map(Finding::provision).filter(p -> p != null).distinct().toList();
    }
}
