package org.sanctuaryrules.internal.watch;

import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * A scenario whose status or verdict differs from the last run. The {@code before} side is null for a scenario new
 * in this run; the {@code after} side is null for one that is gone. A verdict is null when the scenario could not
 * be judged.
 */
record ScenarioChange(String name, ScenarioResult.Status statusBefore, Verdict verdictBefore,
                             ScenarioResult.Status statusAfter, Verdict verdictAfter) {

    /** {@code seed-3-x: PASSED VIOLATION -> FAILED COMPLIANT}. */
    public String line() {
        return name + ": " + side(statusBefore, verdictBefore, "(new)") + " -> "
                + side(statusAfter, verdictAfter, "(gone)");
    }

    private static String side(ScenarioResult.Status status, Verdict verdict, String absent) {
        if (status == null) {
            return absent;
        }
        return verdict == null ? status.name() : status + " " + verdict;
    }
}
