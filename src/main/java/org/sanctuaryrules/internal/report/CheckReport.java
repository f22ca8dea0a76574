package org.sanctuaryrules.internal.report;

import java.util.List;

import org.sanctuaryrules.internal.workbench.CheckResult;

/** The output of {@code check}: one {@code file:line:column: severity: …} line per problem, then a summary. */
public final class CheckReport {
    public String text(CheckResult result) {
        StringBuilder out = new StringBuilder();
        result.problems().forEach(p -> out.append(p).append('\n'));
        out.append("rules: ").append(result.origin())
                .append(result.version() == null ? " (did not compile)" : " (version " + result.version() + ")")
                .append('\n');
        out.append(result.summary()).append('\n');
        return out.toString();
    }

    public String json(CheckResult r) {
        return new JsonWriter().document(r.origin(), r.version(), new CheckJson(
                new ContentsJson(r.ruleFiles(), r.rules(), r.provisions(), r.felonySections()),
                r.scenarios(), r.problems().stream().map(JsonWriter.ProblemJson::of).toList(),
                new SummaryJson(r.errors(), r.warnings())));
    }

    private record CheckJson(ContentsJson contents, int scenarioFiles, List<JsonWriter.ProblemJson> problems,
                             SummaryJson summary) {
    }

    /** What the rule set holds (all 0 when it did not compile). */
    private record ContentsJson(int ruleFiles, int rules, int provisions, int felonySections) {
    }

    private record SummaryJson(long errors, long warnings) {
    }
}
