package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sanctuaryrules.engine.Problem;

/**
 * Scenario ids must be unique across a run. When two files share one, which is "the real one" cannot be told, and
 * picking by the order files sort in turns the real file into an error whenever a copy sorts first; so every file
 * of the group is an error, naming the others. The id itself is not quoted (ids are the analyst's, but logs travel).
 */
public final class ScenarioIds {
    private ScenarioIds() {
    }

    /**
     * For each scenario (null entries: files that did not load), the error at its id if another scenario of the list
     * has the same id, else null; in the order given.
     */
    public static List<Problem> clashes(List<Scenario> scenarios) {
        Map<String, List<Path>> filesById = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            if (s != null) {
                filesById.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(s.file());
            }
        }
        List<Problem> clashes = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            List<Path> same = s == null ? List.of() : filesById.get(s.id());
            if (same.size() < 2) {
                clashes.add(null);
                continue;
            }
            String others = same.stream().filter(f -> !f.equals(s.file())).map(Path::toString)
                    .collect(Collectors.joining(", "));
            clashes.add(s.errorAt(FieldPath.of("id"), "the same scenario id is used by " + others
                    + "; scenario ids must be unique across a run, so none of these files is judged — give each its own"));
        }
        return clashes;
    }
}
