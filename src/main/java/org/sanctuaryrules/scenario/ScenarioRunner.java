package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
        } catch (OutOfMemoryError e) {
            // This scenario's assessment did not fit; what it allocated is garbage again, so the others can still run.
            problems.add(scenario.errorAt(FieldPath.ROOT, "ran out of memory judging this scenario ("
                    + scenario.aCase().acts().size() + " acts); give the JVM more heap (-Xmx) or split the file"));
            return ScenarioResult.error(scenario, scenario.file(), problems);
        } catch (RuntimeException | VirtualMachineError | LinkageError e) {
            // A rule that throws is a bug in the rules; report it on this scenario and let the others run. The engine
            // turns what the rules raise into a RuleLimitException; an Error here is one it could not see.
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
        List<ScenarioResult> results = new ArrayList<>();
        runEach(scenarioFiles, results::add);
        return new RunReport(results, engine.ruleSet().origin(), engine.ruleSet().version(), asOf);
    }

    /**
     * Judges scenario files already loaded and hands each result to {@code each} in file order, as soon as it and
     * every earlier one are done, keeping none: a caller that writes each result and drops it (JSON reports) needs
     * memory for a few results at a time, not for the run. Files are judged on every core, at most a few at once.
     *
     * @return the counts of the run
     */
    public RunSummary runEach(ScenarioFiles scenarioFiles, Consumer<ScenarioResult> each) {
        List<Path> files = scenarioFiles.files();
        List<Path> paths = scenarioFiles.paths();
        RunSummary.Tally tally = new RunSummary.Tally();
        Consumer<ScenarioResult> counted = r -> {
            tally.add(r);
            each.accept(r);
        };
        if (files.isEmpty()) {
            Path where = paths.isEmpty() ? Path.of(".") : paths.get(0);
            counted.accept(ScenarioResult.error(null, where, List.of(Problem.error(where.toString(), 0, 0, "",
                    "no scenario files (*.yaml, *.yml) found in " + paths))));
        }
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
        inOrder(outcomes, counted);
        return tally.summary();
    }

    /**
     * Runs the suppliers on every core, a window of a few at a time, and hands the results on in the suppliers'
     * order; so a run reads the same however the work was shared, and only the window's results are held.
     */
    private static void inOrder(List<Supplier<ScenarioResult>> outcomes, Consumer<ScenarioResult> each) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores == 1 || outcomes.size() < 2) {
            outcomes.forEach(o -> each.accept(o.get()));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "scenario-judge");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<CompletableFuture<ScenarioResult>> window = new ArrayDeque<>();
            int next = 0;
            while (next < outcomes.size() || !window.isEmpty()) {
                while (next < outcomes.size() && window.size() < 2 * cores) {
                    window.add(CompletableFuture.supplyAsync(outcomes.get(next++), pool));
                }
                each.accept(window.poll().join());
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
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
