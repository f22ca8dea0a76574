package org.sanctuaryrules.internal.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioResult;

/** The scenarios whose status or verdict changed between two runs, matched by file. */
final class RunDiff {
    private RunDiff() {
    }

    public static List<ScenarioChange> between(RunReport before, RunReport after) {
        Map<String, ScenarioResult> old = new LinkedHashMap<>();
        before.results().forEach(r -> old.put(r.file().toString(), r));
        List<ScenarioChange> changes = new ArrayList<>();
        for (ScenarioResult now : after.results()) {
            ScenarioResult was = old.remove(now.file().toString());
            if (was == null) {
                changes.add(new ScenarioChange(now.name(), null, null, now.status(), verdict(now)));
            } else if (was.status() != now.status() || !Objects.equals(verdict(was), verdict(now))) {
                changes.add(new ScenarioChange(now.name(), was.status(), verdict(was), now.status(), verdict(now)));
            }
        }
        old.values().forEach(gone -> changes.add(new ScenarioChange(gone.name(), gone.status(), verdict(gone), null,
                null)));
        return changes;
    }

    private static Verdict verdict(ScenarioResult r) {
        return r.assessment() == null ? null : r.assessment().verdict();
    }
}
