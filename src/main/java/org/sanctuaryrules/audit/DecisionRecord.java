package org.sanctuaryrules.audit;

import java.util.List;

import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Case;

/**
 * What was decided about one case, for an audit trail: the verdicts, the rule-set version that reached them, the
 * rules and provisions behind them, and a SHA-256 of the canonical input. It holds no fact about the person — no
 * conviction, charge, date, role or free text, and no finding explanation (explanations quote those facts) — so the
 * log can be kept longer and shown more widely than the scenarios. Case and act ids are kept to join a record to
 * its run: they are labels the analyst chooses and must not name people (docs/security.md).
 *
 * @param caseId         the case (scenario) id
 * @param verdict        the worst verdict among the acts
 * @param ruleSetVersion content hash of the rule set that judged the case
 * @param inputSha256    SHA-256 of the case's canonical text ({@link CanonicalInput})
 * @param acts           each act's verdict and findings
 */
public record DecisionRecord(String caseId, Verdict verdict, String ruleSetVersion, String inputSha256,
                             List<ActDecision> acts) {

    public DecisionRecord {
        acts = List.copyOf(acts);
    }

    /**
     * One act's verdict and the findings behind it.
     *
     * @param policy what department orders say of the act, apart from the verdict (a breach is not a violation of law)
     */
    public record ActDecision(String actId, Verdict verdict, List<FindingRef> findings, PolicyOutcome policy) {
        public ActDecision {
            findings = List.copyOf(findings);
            policy = policy == null ? PolicyOutcome.NOT_ADDRESSED : policy;
        }

        public ActDecision(String actId, Verdict verdict, List<FindingRef> findings) {
            this(actId, verdict, findings, PolicyOutcome.NOT_ADDRESSED);
        }
    }

    /** A finding by rule, provision and effect only. */
    public record FindingRef(String rule, String provision, Effect effect, boolean decisive) {
    }

    /** The record of an assessment of the case. */
    public static DecisionRecord of(Case aCase, Assessment assessment) {
        if (!aCase.id().equals(assessment.caseId())) {
            throw new IllegalArgumentException("the assessment is of case " + assessment.caseId() + ", not " + aCase.id());
        }
        List<ActDecision> acts = assessment.acts().stream()
                .map(a -> new ActDecision(a.actId(), a.verdict(), a.findings().stream()
                        .map(f -> new FindingRef(f.rule(), f.provision(), f.effect(), f.decisive())).toList(),
                        a.policy()))
                .toList();
        return new DecisionRecord(aCase.id(), assessment.verdict(), assessment.ruleSetVersion(),
                CanonicalInput.sha256(aCase), acts);
    }
}
