package org.sanctuaryrules.internal.watch;

import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.internal.report.TextReport;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * One watch round as text: rule errors, what changed since the last run, what still fails, the summary. Verbose, each
 * failing scenario is shown as a verbose run shows it: every act with all its findings and the rules that fired.
 */
public final class WatchRoundText {
    private final boolean verbose;

    public WatchRoundText() {
        this(false);
    }

    public WatchRoundText(boolean verbose) {
        this.verbose = verbose;
    }

    public String render(WatchRound round) {
        StringBuilder out = new StringBuilder();
        out.append("--- run ").append(round.number());
        if (round.report() != null) {
            out.append(" (rules version ").append(round.report().ruleSetVersion())
                    .append(round.rulesReloaded() && round.number() > 1 ? ", reloaded" : "").append(')');
        }
        out.append('\n');
        if (!round.ruleProblems().isEmpty()) {
            out.append(round.report() == null ? "the rules do not compile; waiting for a fix:\n"
                    : "the saved rules do not compile; judged with the last rules that did:\n");
            round.ruleProblems().forEach(p -> out.append("    ").append(p).append('\n'));
        }
        if (round.report() == null) {
            return out.toString();
        }
        if (round.number() > 1) {
            out.append(round.changes().isEmpty() ? "no scenario changed since the last run\n"
                    : "changed since the last run:\n");
            round.changes().forEach(c -> out.append("    ").append(PrintableText.oneLine(c.line())).append('\n'));
        }
        TextReport full = verbose ? new TextReport(round.rules(), true) : null;
        for (ScenarioResult r : round.report().results()) {
            if (r.status() != ScenarioResult.Status.FAILED && r.status() != ScenarioResult.Status.ERROR) {
                continue;
            }
            if (full != null) {
                out.append(full.scenario(r));
                continue;
            }
            out.append(r.status() == ScenarioResult.Status.FAILED ? "FAIL  " : "ERROR ")
                    .append(PrintableText.oneLine(r.name())).append('\n');
            r.mismatches().forEach(m -> out.append("    mismatch: ").append(PrintableText.oneLine(m)).append('\n'));
            r.problems().forEach((Problem p) -> out.append("    ").append(p).append('\n'));
        }
        if (round.report().asOf() != null) {
            out.append(round.report().asOfLine()).append('\n');
        }
        out.append(round.report().summary().line()).append('\n');
        return out.toString();
    }
}
