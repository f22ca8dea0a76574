package org.sanctuaryrules.internal.workbench;

import java.util.List;

import org.sanctuaryrules.engine.Problem;

/**
 * Which rules a set of scenarios fires.
 *
 * @param rules     every rule of the rule set, in file and line order
 * @param scenarios number of scenarios judged
 * @param problems  scenario files that could not be read or judged (they count for nothing)
 */
public record CoverageResult(String origin, String version, List<RuleCoverage> rules, int scenarios,
                             List<Problem> problems) {
    public CoverageResult {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    public long covered() {
        return rules.stream().filter(RuleCoverage::covered).count();
    }

    public List<RuleCoverage> uncovered() {
        return rules.stream().filter(r -> !r.covered()).toList();
    }

    /** Percentage of rules fired by at least one scenario (100 for an empty rule set). */
    public double percent() {
        return rules.isEmpty() ? 100.0 : 100.0 * covered() / rules.size();
    }
}
