package org.sanctuaryrules.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * The results of a run, in the order the files were found, with the rule set that judged them.
 *
 * @param ruleSetOrigin  where the rules came from (a directory, or "shipped rules")
 * @param ruleSetVersion content hash of the rule set
 * @param asOf           the day whose law judged every act ({@code run --as-of}), or {@code null} when each act was
 *                       judged by the law of its own date
 */
public record RunReport(List<ScenarioResult> results, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf) {
    public RunReport {
        results = List.copyOf(results);
    }

    public RunReport(List<ScenarioResult> results, String ruleSetOrigin, String ruleSetVersion) {
        this(results, ruleSetOrigin, ruleSetVersion, null);
    }

    /** {@code judged as of 2013-06-01 (not each scenario's own date)}, or empty when acts kept their own dates. */
    public String asOfLine() {
        return asOfLine(asOf);
    }

    /** As {@link #asOfLine()}, for a run written as it goes (no report is kept). */
    public static String asOfLine(LocalDate asOf) {
        return asOf == null ? "" : "judged as of " + asOf + " (not each scenario's own date: expectations written "
                + "for the scenario's date may fail)";
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
