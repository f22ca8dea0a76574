package org.sanctuaryrules.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Agency;

/**
 * One output line of {@code audit}: deliberately no personal data (no dates, no convictions, no free text), only
 * where the act is in the log, the verdict and the provisions that decided it.
 */
@JsonPropertyOrder({"line", "act", "verdict", "provisions", "rules_version"})
record AuditedAct(long line, String act, Verdict verdict, List<String> provisions,
                         @JsonProperty("rules_version") String rulesVersion, @JsonIgnore Agency agency) {
    public AuditedAct {
        provisions = List.copyOf(provisions);
    }
}
