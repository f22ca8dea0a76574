package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.sanctuaryrules.engine.Problem;

/**
 * The outcome of reading one scenario file: either the scenario, or the problems that kept it from loading.
 *
 * @param file     the file as given
 * @param scenario the scenario, or {@code null} when there are problems
 * @param problems empty when the scenario loaded, otherwise every problem found
 */
public record LoadResult(Path file, Scenario scenario, List<Problem> problems) {
    public LoadResult {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
        if ((scenario == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a load result holds a scenario or problems, not both or neither");
        }
    }

    public static LoadResult loaded(Scenario scenario) {
        return new LoadResult(scenario.file(), scenario, List.of());
    }

    public static LoadResult failed(Path file, List<Problem> problems) {
        return new LoadResult(file, null, problems);
    }

    public boolean ok() {
        return scenario != null;
    }
}
