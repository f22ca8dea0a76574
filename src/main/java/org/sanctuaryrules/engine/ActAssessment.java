package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.List;

import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;

/**
 * The verdict on one act and the findings behind it.
 *
 * @param missingFacts the facts that would settle an indeterminate act
 * @param notInForce   provisions whose rules matched the act but were not in force on its date
 */
public record ActAssessment(String actId, Agency agency, ActKind kind, LocalDate date, Verdict verdict,
                            List<Finding> findings, List<String> missingFacts, List<String> notInForce) {
    public ActAssessment {
        findings = List.copyOf(findings);
        missingFacts = List.copyOf(missingFacts);
        notInForce = List.copyOf(notInForce);
    }

    public List<Finding> decisiveFindings() {
        return findings.stream().filter(Finding::decisive).toList();
    }

    /** Provision ids cited by any finding. */
    public List<String> citedProvisions() {
        return findings.stream().map(Finding::provision).filter(p -> p != null).distinct().toList();
    }
}
