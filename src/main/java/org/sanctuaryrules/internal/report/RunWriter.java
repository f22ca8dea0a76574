package org.sanctuaryrules.internal.report;

import java.io.IOException;

import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * A run report written as the results come: {@link #add} each scenario in run order, as soon as it is judged, then
 * {@link #finish} with the counts. A writer keeps no result once it is written (at most counts and the set of
 * provisions cited), so a run of many big files needs memory for a few results, not for the run.
 */
public interface RunWriter {
    void add(ScenarioResult result) throws IOException;

    /** Writes what comes after the last scenario and flushes; the caller's stream stays open. */
    void finish(RunSummary summary) throws IOException;
}
