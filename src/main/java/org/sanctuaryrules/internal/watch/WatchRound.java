package org.sanctuaryrules.internal.watch;

import java.util.List;
import java.util.Map;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.scenario.RunReport;

/**
 * What one re-run found.
 *
 * @param number           1 for the first run
 * @param rulesReloaded    whether the rules were compiled again in this round (and compiled)
 * @param ruleProblems     errors of a rule save that does not compile (the last good rules judged instead)
 * @param report           the run, or {@code null} when no rule set has ever compiled
 * @param changes          scenarios whose status or verdict changed since the last run (empty on the first)
 * @param rules            the rules that judged the round, by name (to show where a rule is written); empty when none
 */
public record WatchRound(int number, boolean rulesReloaded, List<Problem> ruleProblems, RunReport report,
                         List<ScenarioChange> changes, Map<String, RuleInfo> rules) {
    public WatchRound {
        ruleProblems = List.copyOf(ruleProblems);
        changes = List.copyOf(changes);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public WatchRound(int number, boolean rulesReloaded, List<Problem> ruleProblems, RunReport report,
                      List<ScenarioChange> changes) {
        this(number, rulesReloaded, ruleProblems, report, changes, Map.of());
    }

    /** True when a rule save was rejected and the previous rules were used. */
    public boolean keptLastGoodRules() {
        return !ruleProblems.isEmpty() && report != null;
    }
}
