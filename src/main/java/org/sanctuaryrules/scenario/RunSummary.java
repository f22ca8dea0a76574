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
        Tally tally = new Tally();
        results.forEach(tally::add);
        return tally.summary();
    }

    /** 2 if any scenario could not be run, else 1 if any failed, else 0 (as {@link RunReport#exitCode()}). */
    public int exitCode() {
        return errors > 0 ? 2 : failed > 0 ? 1 : 0;
    }

    /** Counts results one at a time, for runs that do not keep them. Not thread-safe. */
    public static final class Tally {
        private final int[] byStatus = new int[ScenarioResult.Status.values().length];
        private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        private int scenarios;

        public Tally() {
            for (Verdict v : Verdict.values()) {
                verdicts.put(v, 0);
            }
        }

        public void add(ScenarioResult r) {
            scenarios++;
            byStatus[r.status().ordinal()]++;
            if (r.assessment() != null) {
                verdicts.merge(r.assessment().verdict(), 1, Integer::sum);
            }
        }

        public RunSummary summary() {
            return new RunSummary(scenarios, byStatus[ScenarioResult.Status.PASSED.ordinal()],
                    byStatus[ScenarioResult.Status.FAILED.ordinal()], byStatus[ScenarioResult.Status.ERROR.ordinal()],
                    byStatus[ScenarioResult.Status.NO_EXPECTATION.ordinal()], verdicts);
        }
    }

    /** {@code 38 passed, 1 failed, 1 errors, 2 without expectation}. */
    public String line() {
        return passed + " passed, " + failed + " failed, " + errors + " errors, " + noExpectation
                + " without expectation";
    }
}
