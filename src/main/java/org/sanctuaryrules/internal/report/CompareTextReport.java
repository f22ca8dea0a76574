package org.sanctuaryrules.internal.report;

import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.internal.whatif.ActChange;
import org.sanctuaryrules.internal.whatif.Comparison;
import org.sanctuaryrules.internal.whatif.NotCompared;

/**
 * A comparison as a person reads it: one before/after block per changed act (blocks rather than two columns, since
 * explanations are long sentences), then the summary. Unchanged acts are only counted.
 */
public final class CompareTextReport {
    private static final String INDENT = "    ";
    private static final String REASON = "      ";

    public String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        out.append("baseline:  ").append(label(comparison.baseline())).append('\n');
        out.append("candidate: ").append(label(comparison.candidate())).append('\n');
        if (comparison.asOf() != null) {
            out.append("judged as of ").append(comparison.asOf()).append(" (not each scenario's own date)\n");
        }
        out.append('\n');
        for (ActChange change : comparison.changes()) {
            block(out, change);
            out.append('\n');
        }
        for (NotCompared n : comparison.notCompared()) {
            out.append("NOT COMPARED  ").append(n.name()).append('\n');
            n.problems().forEach(p -> out.append(INDENT).append(p).append('\n'));
            out.append('\n');
        }
        out.append(comparison.summaryLine()).append('\n');
        return out.toString();
    }

    private static void block(StringBuilder out, ActChange c) {
        out.append("CHANGED  ").append(c.scenarioId()).append(" / ").append(c.actId()).append("  ")
                .append(c.verdictBefore()).append(" -> ").append(c.verdictAfter()).append('\n');
        out.append(INDENT).append(PrintableText.oneLine(c.scenarioTitle())).append('\n');
        out.append(INDENT).append(PrintableText.oneLine(String.valueOf(c.file()))).append('\n');
        if (c.citationsChanged()) {
            out.append(INDENT).append("decisive provisions: ").append(ids(c.citesBefore())).append(" -> ")
                    .append(ids(c.citesAfter())).append('\n');
        }
        reasons(out, "before", c.verdictBefore().toString(), c.reasonsBefore());
        reasons(out, "after", c.verdictAfter().toString(), c.reasonsAfter());
    }

    private static void reasons(StringBuilder out, String side, String verdict, List<Finding> findings) {
        out.append(INDENT).append(side).append(" (").append(verdict).append("):\n");
        if (findings.isEmpty()) {
            out.append(REASON).append("(no decisive finding: nothing prohibits the act)\n");
        }
        for (Finding f : findings) {
            out.append(REASON).append(f.provision() == null ? "(no provision)" : PrintableText.oneLine(f.provision()))
                    .append(": ").append(PrintableText.oneLine(f.explanation())).append('\n');
        }
    }

    private static String ids(Set<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }

    private static String label(Comparison.RuleSetLabel label) {
        return label.origin() + " (version " + label.version() + ")";
    }
}
