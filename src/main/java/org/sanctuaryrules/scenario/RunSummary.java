package org.sanctuaryrules.scenario;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryrules.engine.Verdict;

/**
 * Counts over a run.
 *
 * @param verdicts how many judged scenarios got each verdict (every verdict present, zero if none)
 */
public record RunSummary(int scenarios, int passed, int failed, int errors, int noExpectation,
                         Map<Verdict, Integer> verdicts) {
    public RunSummary {
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
    }

    public static RunSummary of(List<ScenarioResult> results) {
        int[] byStatus = new int[ScenarioResult.Status.values().length];
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0);
        }
        for (ScenarioResult r : results) {
            byStatus[r.status().ordinal()]++;
            if (r.assessment() != null) {
                verdicts.merge(r.assessment().verdict(), 1, Integer::sum);
            }
        }
        return new RunSummary(results.size(), byStatus[ScenarioResult.Status.PASSED.ordinal()],
                byStatus[ScenarioResult.Status.FAILED.ordinal()], byStatus[ScenarioResult.Status.ERROR.ordinal()],
                byStatus[ScenarioResult.Status.NO_EXPECTATION.ordinal()], verdicts);
    }

    /** {@code 38 passed, 1 failed, 1 errors, 2 without expectation}. */
    public String line() {
        return passed + " passed, " + failed + " failed, " + errors + " errors, " + noExpectation
                + " without expectation";
    }
}
