package org.sanctuaryrules.internal.audit;

import java.util.List;

import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Agency;

/**
 * One act judged by {@code audit}: deliberately no personal data (no dates, no convictions, no free text), only
 * where the act is in the log, the legal verdict, the department-policy outcome beside it, the provisions that
 * decided the verdict and the hash of the line's case. The output line adds what the whole audit shares (rule set,
 * as-of date, time, tool: {@link Auditor}); docs/json.md.
 *
 * @param policy      what department orders say of the act, kept apart from the legal verdict
 * @param inputSha256 the line's case hashed as decision records hash it ({@code CanonicalInput})
 * @param agency      for the summary only; not written
 */
record AuditedAct(long line, String act, Verdict verdict, PolicyOutcome policy, List<String> provisions,
                  String inputSha256, Agency agency) {
    public AuditedAct {
        provisions = List.copyOf(provisions);
    }
}
