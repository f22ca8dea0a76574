package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Problem;

/**
 * The outcome of running one scenario file.
 *
 * @param scenario   the scenario, or {@code null} when the file did not load
 * @param file       the file
 * @param assessment what the rules concluded, or {@code null} when the scenario could not be judged
 * @param mismatches how the conclusion differs from the expectation, one line each
 * @param problems   what kept the scenario from running cleanly (load errors, unknown provision ids, …)
 * @param elapsed    how long judging and checking it took (zero when it was not judged); for reports such as JUnit's
 */
public record ScenarioResult(Scenario scenario, Path file, Assessment assessment, Status status,
                             List<String> mismatches, List<Problem> problems, Duration elapsed) {

    public enum Status {
        /** The rules concluded what the scenario expects. */
        PASSED,
        /** The rules concluded something else. */
        FAILED,
        /** The scenario could not be run or checked as written. */
        ERROR,
        /** The scenario was judged but expects nothing. */
        NO_EXPECTATION
    }

    public ScenarioResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        mismatches = List.copyOf(mismatches);
        problems = List.copyOf(problems);
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** A result whose time was not measured. */
    public ScenarioResult(Scenario scenario, Path file, Assessment assessment, Status status, List<String> mismatches,
                          List<Problem> problems) {
        this(scenario, file, assessment, status, mismatches, problems, Duration.ZERO);
    }

    /** A file that could not be run at all. */
    public static ScenarioResult error(Scenario scenario, Path file, List<Problem> problems) {
        return new ScenarioResult(scenario, file, null, Status.ERROR, List.of(), problems);
    }

    /** The scenario id, or the file name when the file did not load. */
    public String name() {
        return scenario != null ? scenario.id() : file.toString();
    }
}
