package org.sanctuaryrules.internal.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.internal.whatif.ActChange;
import org.sanctuaryrules.internal.whatif.Comparison;

/** A comparison as JSON: both rule sets, every changed act with its before and after side, and the counts. */
public final class CompareJsonReport {
    private final JsonWriter json = new JsonWriter();

    public String render(Comparison c) {
        List<ChangeJson> changes = c.changes().stream().map(CompareJsonReport::change).toList();
        List<NotComparedJson> notCompared = c.notCompared().stream()
                .map(n -> new NotComparedJson(n.name(), n.file().toString(),
                        n.problems().stream().map(JsonWriter.ProblemJson::of).toList())).toList();
        long verdicts = c.changes().stream().filter(ActChange::verdictChanged).count();
        return json.document(c.candidate().origin(), c.candidate().version(), new ComparisonJson(
                new JsonHeader.RuleSetRef(c.baseline().origin(), c.baseline().version()), c.asOf(), changes, notCompared,
                new SummaryJson(c.compared().size(), c.changes().size(), (int) verdicts, c.notCompared().size())));
    }

    private static ChangeJson change(ActChange c) {
        return new ChangeJson(c.scenarioId(), c.scenarioTitle(), c.file().toString(), c.actId(), c.verdictChanged(),
                c.citationsChanged(), side(c.verdictBefore(), c.citesBefore(), c.reasonsBefore()),
                side(c.verdictAfter(), c.citesAfter(), c.reasonsAfter()));
    }

    private static SideJson side(Verdict verdict, Set<String> cites, List<Finding> reasons) {
        return new SideJson(verdict, List.copyOf(cites), reasons.stream()
                .map(f -> new ReasonJson(f.rule(), f.provision(), f.citation(), f.effect(), f.explanation(), f.notes()))
                .toList());
    }

    // The JSON shape; component names become snake-case keys.

    /** @param baselineRuleSet the rule set compared against; the header's {@code rule_set} is the other one */
    private record ComparisonJson(JsonHeader.RuleSetRef baselineRuleSet, LocalDate asOf,
                                  List<ChangeJson> changes, List<NotComparedJson> notCompared, SummaryJson summary) {
    }

    private record ChangeJson(String scenario, String title, String file, String act, boolean verdictChanged,
                              boolean citationsChanged, SideJson before, SideJson after) {
    }

    private record SideJson(Verdict verdict, List<String> decisiveProvisions, List<ReasonJson> reasons) {
    }

    private record ReasonJson(String rule, String provision, String citation, Effect effect, String explanation,
                              List<String> notes) {
    }

    private record NotComparedJson(String scenario, String file, List<JsonWriter.ProblemJson> problems) {
    }

    private record SummaryJson(int actsCompared, int changed, int verdictsChanged, int scenariosNotCompared) {
    }
}
