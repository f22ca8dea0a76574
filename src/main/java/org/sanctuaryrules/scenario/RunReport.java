package org.sanctuaryrules.scenario;

import java.util.List;

/**
 * The results of a run, in the order the files were found, with the rule set that judged them.
 *
 * @param ruleSetOrigin  where the rules came from (a directory, or "shipped rules")
 * @param ruleSetVersion content hash of the rule set
 */
public record RunReport(List<ScenarioResult> results, String ruleSetOrigin, String ruleSetVersion) {
    public RunReport {
        results = List.copyOf(results);
    }

    public RunSummary summary() {
        return RunSummary.of(results);
    }

    /** 2 if any scenario could not be run, else 1 if any failed, else 0. */
    public int exitCode() {
        if (results.stream().anyMatch(r -> r.status() == ScenarioResult.Status.ERROR)) {
            return 2;
        }
        return results.stream().anyMatch(r -> r.status() == ScenarioResult.Status.FAILED) ? 1 : 0;
    }
}
