package org.sanctuaryrules.internal.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * Pairs two runs of the same scenario files act by act. An act counts as changed when its verdict changes or when
 * the provisions its <em>decisive</em> findings cite change: those are the reasons for the verdict. Findings that
 * decide nothing (definitions, notes) are left out, so a variant that only adds a side remark is not a change.
 */
public final class RunComparison {
    private RunComparison() {
    }

    public static Comparison compare(RunReport baseline, RunReport candidate, LocalDate asOf) {
        Map<String, ScenarioResult> candidateByFile = new LinkedHashMap<>();
        candidate.results().forEach(r -> candidateByFile.put(r.file().toString(), r));
        List<ActChange> compared = new ArrayList<>();
        List<NotCompared> notCompared = new ArrayList<>();
        for (ScenarioResult before : baseline.results()) {
            ScenarioResult after = candidateByFile.get(before.file().toString());
            if (before.assessment() == null || after == null || after.assessment() == null) {
                List<org.sanctuaryrules.engine.Problem> problems = new ArrayList<>(before.problems());
                if (after != null) {
                    after.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
                }
                notCompared.add(new NotCompared(before.name(), before.file(), problems));
                continue;
            }
            for (ActAssessment actBefore : before.assessment().acts()) {
                after.assessment().acts().stream().filter(a -> a.actId().equals(actBefore.actId())).findFirst()
                        .ifPresent(actAfter -> compared.add(new ActChange(before.name(), before.scenario().title(),
                                before.file(), actBefore, actAfter)));
            }
        }
        return new Comparison(new Comparison.RuleSetLabel(baseline.ruleSetOrigin(), baseline.ruleSetVersion()),
                new Comparison.RuleSetLabel(candidate.ruleSetOrigin(), candidate.ruleSetVersion()), asOf, compared,
                notCompared);
    }

    /** The provision ids the act's decisive findings cite, sorted. */
    static Set<String> decisiveProvisions(ActAssessment act) {
        Set<String> ids = new TreeSet<>();
        act.decisiveFindings().stream().map(Finding::provision).filter(p -> p != null).forEach(ids::add);
        return ids;
    }
}
