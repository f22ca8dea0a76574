package org.sanctuaryrules.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.whatif.ActChange;
import org.sanctuaryrules.whatif.Comparison;

/** A comparison as JSON: both rule sets, every changed act with its before and after side, and the counts. */
public final class CompareJsonReport {
    private final JsonWriter json = new JsonWriter();

    public String render(Comparison c) {
        List<ChangeJson> changes = c.changes().stream().map(CompareJsonReport::change).toList();
        List<NotComparedJson> notCompared = c.notCompared().stream()
                .map(n -> new NotComparedJson(n.name(), n.file().toString(),
                        n.problems().stream().map(Object::toString).toList())).toList();
        long verdicts = c.changes().stream().filter(ActChange::verdictChanged).count();
        return json.write(new ComparisonJson(
                new RuleSetJson(c.baseline().origin(), c.baseline().version()),
                new RuleSetJson(c.candidate().origin(), c.candidate().version()), c.asOf(), changes, notCompared,
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

    private record ComparisonJson(RuleSetJson baseline, RuleSetJson candidate, LocalDate asOf,
                                  List<ChangeJson> changes, List<NotComparedJson> notCompared, SummaryJson summary) {
    }

    private record RuleSetJson(String origin, String version) {
    }

    private record ChangeJson(String scenario, String title, String file, String act, boolean verdictChanged,
                              boolean citationsChanged, SideJson before, SideJson after) {
    }

    private record SideJson(Verdict verdict, List<String> decisiveProvisions, List<ReasonJson> reasons) {
    }

    private record ReasonJson(String rule, String provision, String citation, Effect effect, String explanation,
                              List<String> notes) {
    }

    private record NotComparedJson(String scenario, String file, List<String> problems) {
    }

    private record SummaryJson(int actsCompared, int changed, int verdictsChanged, int scenariosNotCompared) {
    }
}
