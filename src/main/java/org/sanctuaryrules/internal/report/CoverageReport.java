package org.sanctuaryrules.internal.report;

import java.util.List;
import java.util.Locale;

import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.internal.workbench.CoverageResult;
import org.sanctuaryrules.internal.workbench.RuleCoverage;

/** The output of {@code coverage}: each rule with the scenarios that fire it, the rules none fires, the percentage. */
public final class CoverageReport {
    /** How many scenario ids to list for a rule before "… and N more". */
    private static final int SHOWN = 3;

    public String text(CoverageResult result) {
        StringBuilder out = new StringBuilder();
        String file = null;
        for (RuleCoverage r : result.rules()) {
            if (!r.file().equals(file)) {
                file = r.file();
                out.append(PrintableText.oneLine(file)).append('\n');
            }
            out.append(String.format("  %4d  %-6s \"%s\"", r.line(), r.covered() ? r.firedBy().size() + "x" : "NEVER",
                    PrintableText.oneLine(r.rule())));
            if (r.covered()) {
                out.append("  ").append(ids(r.firedBy()));
            } else if (!r.blockedIn().isEmpty()) {
                out.append("  (matched only when not in force: ").append(ids(r.blockedIn())).append(')');
            }
            out.append('\n');
        }
        List<RuleCoverage> uncovered = result.uncovered();
        if (!uncovered.isEmpty()) {
            out.append("\nrules no scenario fires:\n");
            uncovered.forEach(r -> out.append("  ").append(PrintableText.oneLine(r.place())).append("  \"")
                    .append(PrintableText.oneLine(r.rule())).append("\"\n"));
        }
        out.append("\nrules: ").append(result.origin()).append(" (version ").append(result.version()).append(")\n");
        out.append(summary(result)).append('\n');
        return out.toString();
    }

    public static String summary(CoverageResult result) {
        return String.format(Locale.ROOT, "coverage: %d of %d rules fired by %d scenarios (%.1f%%)",
                result.covered(), result.rules().size(), result.scenarios(), result.percent());
    }

    public String json(CoverageResult r) {
        List<RuleJson> rules = r.rules().stream().map(c -> new RuleJson(c.rule(), c.file(), c.line(), c.provision(),
                c.covered(), c.firedBy(), c.blockedIn())).toList();
        return new JsonWriter().document(r.origin(), r.version(), new CoverageJson(rules,
                r.uncovered().stream().map(RuleCoverage::rule).toList(),
                new SummaryJson(r.rules().size(), r.covered(), r.scenarios(),
                        Math.round(r.percent() * 10) / 10.0),
                r.problems().stream().map(JsonWriter.ProblemJson::of).toList()));
    }

    private static String ids(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())));
        return ids.size() > SHOWN ? shown + ", … and " + (ids.size() - SHOWN) + " more" : shown;
    }

    private record CoverageJson(List<RuleJson> rules, List<String> uncovered,
                                SummaryJson summary, List<JsonWriter.ProblemJson> problems) {
    }

    private record RuleJson(String rule, String file, int line, String provision, boolean covered,
                            List<String> firedBy, List<String> blockedIn) {
    }

    private record SummaryJson(int rules, long covered, int scenarios, double percent) {
    }
}
