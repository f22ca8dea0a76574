package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

import org.sanctuaryrules.scenario.RunReport;
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

    /** How a report starts writing a run on a stream. */
    @FunctionalInterface
    interface Start {
        RunWriter start(Writer out, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf) throws IOException;
    }

    /** A whole run written by {@code start} into one string: the same text the report streams. */
    static String render(RunReport report, Start start) {
        StringWriter out = new StringWriter();
        try {
            RunWriter writer = start.start(out, report.ruleSetOrigin(), report.ruleSetVersion(), report.asOf());
            for (ScenarioResult r : report.results()) {
                writer.add(r);
            }
            writer.finish(report.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
