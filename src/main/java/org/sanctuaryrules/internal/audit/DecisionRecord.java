package org.sanctuaryrules.internal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.internal.report.JsonHeader;
import org.sanctuaryrules.internal.report.ToolVersion;
import org.sanctuaryrules.scenario.CanonicalInput;
import org.sanctuaryrules.scenario.Scenario;

/**
 * What was decided about one case, for an audit trail, with what it takes to explain the decision later: the rule
 * set (origin and content hash), the day whose law was applied, when it was decided and by which build of the tool,
 * and a hash of the input ({@link CanonicalInput}). The same input judged with and without {@code --as-of} gives
 * the same {@code input_sha256} and different {@code as_of}. It holds no fact about the person — no conviction,
 * charge, date, role or free text, and no finding explanation (explanations quote those facts) — so the log can be
 * kept longer and shown more widely than the scenarios. Case and act ids are kept to join a record to its run: they
 * are labels the analyst chooses and must not name people (docs/security.md). Format: docs/json.md.
 *
 * @param formatVersion {@link JsonHeader#FORMAT_VERSION}
 * @param tool          the build that decided
 * @param ruleSet       the rule set that judged the case
 * @param asOf          the day whose law judged every act, or null when each act was judged by its own date's law
 * @param decidedAt     when the case was judged (UTC, to the millisecond)
 * @param caseId        the case (scenario) id
 * @param inputSha256   SHA-256 of the scenario document's canonical JSON ({@link CanonicalInput})
 * @param verdict       the worst verdict among the acts (law only)
 * @param policy        what department policy says of the case, kept apart from the legal verdict
 * @param acts          each act's verdict and findings
 */
@JsonPropertyOrder({"format_version", "tool", "rule_set", "as_of", "decided_at", "case_id", "input_sha256", "verdict",
        "policy", "acts"})
public record DecisionRecord(int formatVersion, ToolVersion tool, JsonHeader.RuleSetRef ruleSet, LocalDate asOf,
                             Instant decidedAt, String caseId, String inputSha256, Verdict verdict,
                             PolicyOutcome policy, List<ActDecision> acts) {

    public DecisionRecord {
        acts = List.copyOf(acts);
    }

    /**
     * The circumstances of a judgement that the assessment itself does not hold.
     *
     * @param ruleSetOrigin where the rules came from ({@code RuleSet.origin()})
     * @param asOf          the {@code asOf} the case was assessed with, or null
     * @param decidedAt     when
     */
    public record Context(String ruleSetOrigin, LocalDate asOf, Instant decidedAt) {
        public Context {
            decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * One act's verdict and the findings behind it.
     *
     * @param policy what department orders say of the act, apart from the verdict (a breach is not a violation of law)
     */
    public record ActDecision(String actId, Verdict verdict, PolicyOutcome policy, List<FindingRef> findings) {
        public ActDecision {
            findings = List.copyOf(findings);
            policy = policy == null ? PolicyOutcome.NOT_ADDRESSED : policy;
        }
    }

    /** A finding by rule, provision and effect only. */
    public record FindingRef(String rule, String provision, Effect effect, boolean decisive) {
    }

    /** The record of an assessment of a scenario read by the scenario loader. */
    public static DecisionRecord of(Scenario scenario, Assessment assessment, Context context) {
        if (scenario.inputSha256() == null) {
            throw new IllegalArgumentException("the scenario was not read by the loader: it has no input hash");
        }
        return of(scenario.id(), scenario.inputSha256(), assessment, context);
    }

    /**
     * The record of an assessment of a case; {@code inputSha256} is {@link CanonicalInput#sha256} of the scenario
     * document the case was built from.
     */
    public static DecisionRecord of(String caseId, String inputSha256, Assessment assessment, Context context) {
        if (!caseId.equals(assessment.caseId())) {
            throw new IllegalArgumentException("the assessment is of case " + assessment.caseId() + ", not " + caseId);
        }
        List<ActDecision> acts = assessment.acts().stream()
                .map(a -> new ActDecision(a.actId(), a.verdict(), a.policy(), a.findings().stream()
                        .map(f -> new FindingRef(f.rule(), f.provision(), f.effect(), f.decisive())).toList()))
                .toList();
        return new DecisionRecord(JsonHeader.FORMAT_VERSION, ToolVersion.current(),
                new JsonHeader.RuleSetRef(context.ruleSetOrigin(), assessment.ruleSetVersion()), context.asOf(),
                context.decidedAt(), caseId, inputSha256, assessment.verdict(), assessment.policy(), acts);
    }
}
