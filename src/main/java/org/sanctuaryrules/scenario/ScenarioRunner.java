package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.kie.api.runtime.rule.ConsequenceException;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.SanctuaryEngine;

/** Judges scenarios with an engine and checks each against what it expects. */
public final class ScenarioRunner {
    private final SanctuaryEngine engine;
    private final ScenarioLoader loader;
    private final LocalDate asOf;

    public ScenarioRunner(SanctuaryEngine engine) {
        this(engine, new ScenarioLoader());
    }

    public ScenarioRunner(SanctuaryEngine engine, ScenarioLoader loader) {
        this(engine, loader, null);
    }

    /** @param asOf judge every act by the law in force on this day instead of its own date; {@code null}: own date */
    public ScenarioRunner(SanctuaryEngine engine, ScenarioLoader loader, LocalDate asOf) {
        this.engine = engine;
        this.loader = loader;
        this.asOf = asOf;
    }

    /** Judges one scenario. A provision id the rule set does not know makes the result an ERROR. */
    public ScenarioResult run(Scenario scenario) {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        Set<String> unknownCites = new LinkedHashSet<>();
        Expectation expected = scenario.expectation();
        if (expected != null) {
            for (int i = 0; i < expected.cites().size(); i++) {
                String id = expected.cites().get(i);
                if (engine.ruleSet().provisions().find(id).isEmpty()) {
                    unknownCites.add(id);
                    problems.add(scenario.errorAt(FieldPath.of("expect").key("cites").index(i),
                            "'" + id + "' is not a provision id of the rule set (" + engine.ruleSet().origin()
                                    + "); see its provisions.yaml"));
                }
            }
        }
        Assessment assessment;
        try {
            assessment = engine.assess(scenario.aCase(), asOf);
        } catch (RuntimeException e) {
            // A rule that throws is a bug in the rules; report it on this scenario and let the others run.
            problems.add(scenario.errorAt(FieldPath.ROOT, "the rules failed while judging this scenario: "
                    + failingRule(e) + rootMessage(e)));
            return ScenarioResult.error(scenario, scenario.file(), problems);
        }
        List<String> mismatches = expected == null ? List.of()
                : ExpectationCheck.mismatches(expected, assessment, unknownCites);
        ScenarioResult.Status status = !problems.isEmpty() ? ScenarioResult.Status.ERROR
                : expected == null ? ScenarioResult.Status.NO_EXPECTATION
                : mismatches.isEmpty() ? ScenarioResult.Status.PASSED : ScenarioResult.Status.FAILED;
        return new ScenarioResult(scenario, scenario.file(), assessment, status, mismatches, problems,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Finds, loads and judges every scenario under the paths. A file that does not load is an ERROR result and the
     * rest still run; so is every file of a group sharing one scenario id ({@link ScenarioIds}).
     */
    public RunReport runAll(List<Path> paths) {
        return runAll(ScenarioFiles.load(loader, paths));
    }

    /** Judges scenario files already loaded; as {@link #runAll(List)}. */
    public RunReport runAll(ScenarioFiles scenarioFiles) {
        List<Path> files = scenarioFiles.files();
        List<Path> paths = scenarioFiles.paths();
        List<ScenarioResult> results = new ArrayList<>();
        if (files.isEmpty()) {
            Path where = paths.isEmpty() ? Path.of(".") : paths.get(0);
            results.add(ScenarioResult.error(null, where, List.of(Problem.error(where.toString(), 0, 0, "",
                    "no scenario files (*.yaml, *.yml) found in " + paths))));
        }
        // Judging uses every core (the engine is thread-safe); the results keep the files' order, so a run reads the
        // same however the work was shared.
        List<LoadResult> loads = scenarioFiles.loads();
        List<Problem> clashes = ScenarioIds.clashes(loads.stream().map(LoadResult::scenario).toList());
        List<Supplier<ScenarioResult>> outcomes = new ArrayList<>(); // judged later, on every core
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            LoadResult loaded = loads.get(i);
            if (!loaded.ok()) {
                ScenarioResult error = ScenarioResult.error(null, file, loaded.problems());
                outcomes.add(() -> error);
                continue;
            }
            Scenario scenario = loaded.scenario();
            if (clashes.get(i) != null) {
                ScenarioResult error = ScenarioResult.error(scenario, file, List.of(clashes.get(i)));
                outcomes.add(() -> error);
                continue;
            }
            outcomes.add(() -> run(scenario));
        }
        results.addAll(outcomes.parallelStream().map(Supplier::get).toList());
        return new RunReport(results, engine.ruleSet().origin(), engine.ruleSet().version(), asOf);
    }

    /** {@code rule "X" (file:line) threw: } when a rule's consequence threw, else nothing. */
    private String failingRule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException ce && ce.getMatch() != null && ce.getMatch().getRule() != null) {
                String name = ce.getMatch().getRule().getName();
                RuleInfo info = engine.ruleSet().rules().get(name);
                return "rule \"" + name + "\"" + (info == null ? "" : " (" + info.place() + ")") + " threw: ";
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
