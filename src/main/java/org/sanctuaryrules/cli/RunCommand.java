package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.sanctuaryrules.audit.DecisionLog;
import org.sanctuaryrules.audit.DecisionRecord;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.report.HtmlReport;
import org.sanctuaryrules.report.JsonReport;
import org.sanctuaryrules.report.JunitReport;
import org.sanctuaryrules.report.TextReport;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioFiles;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioRunner;
import org.sanctuaryrules.settle.SettleLimits;
import org.sanctuaryrules.settle.Settlement;
import org.sanctuaryrules.settle.Settler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run}: judges scenario files and checks each against what it expects. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Judges scenario files and checks each verdict against the one the file expects.",
                "Exit code: 0 all passed, 1 some failed, 2 some could not be run (or the rules do not compile)."})
final class RunCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, JUNIT }

    @Mixin
    RuleOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or junit (JUnit XML for CI servers).")
    Format format;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the run as one self-contained HTML page, filterable by verdict and provision.")
    Path htmlFile;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--watch",
            description = "Run again on every save of a rule, data or scenario file and show what changed; "
                    + "Ctrl-C ends. Text output only; with --decision-log, every round appends its records.")
    boolean watch;

    @Option(names = {"-v", "--verbose"}, description = "Show every finding, not only the decisive ones, and what would "
            + "settle each INDETERMINATE act or make each VIOLATION compliant (also on the --html page).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Show only the scenarios that failed or could not be run, and the summary (text output).")
    boolean quiet;

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append a decision record per judged scenario to FILE (JSON Lines): verdicts, rule-set "
                    + "version, SHA-256 of the input, findings by rule and provision; no facts about the person.")
    Path decisionLog;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched for *.yaml and *.yml.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (quiet && format != Format.TEXT) {
            err.println("sanctuary-rules run: --quiet shortens the text report; drop it or --format "
                    + format.name().toLowerCase());
            return Main.EXIT_ERROR;
        }
        if (watch) {
            return WatchMode.run(rules, paths, asOf.date, format == Format.TEXT && htmlFile == null, verbose,
                    decisionLog, out, err);
        }
        // Building the rules takes most of a short run; load the scenario files meanwhile (they need no rules).
        CompletableFuture<SanctuaryEngine> building = CompletableFuture.supplyAsync(
                () -> EngineLoader.loadReporting(rules, failureReport(), out, err), RunCommand::inOwnThread);
        ScenarioLoader loader = new ScenarioLoader();
        ScenarioFiles scenarios = ScenarioFiles.load(loader, paths);
        SanctuaryEngine engine = building.join();
        if (engine == null) {
            return Main.EXIT_ERROR;
        }
        ScenarioRunner runner = new ScenarioRunner(engine, loader, asOf.date);
        if (format == Format.JSON && htmlFile == null) {
            return streamJson(runner, scenarios, engine, out, err);
        }
        RunReport report = runner.runAll(scenarios);
        report.results().stream().filter(r -> r.status() == ScenarioResult.Status.ERROR)
                .forEach(r -> Diagnostics.print(r.problems(), err));
        err.flush(); // diagnostics before the report, so the summary line stays last on a terminal
        // What would settle each act: shown by the verbose text report and the page, and only computed for them.
        Map<Path, Settlement> settled = (verbose && format == Format.TEXT) || htmlFile != null
                ? settleAll(engine, report) : Map.of();
        out.print(switch (format) {
            case JSON -> new JsonReport().render(report);
            case JUNIT -> new JunitReport().render(report);
            case TEXT -> new TextReport(engine.ruleSet().rules(), verbose, quiet,
                    verbose ? settled : Map.of()).render(report);
        });
        // Not short-circuited: a page that cannot be written must not keep the decision log from being written.
        boolean written = (htmlFile == null || writeHtml(report, settled, err))
                & (decisionLog == null || report(appendDecisionLog(decisionLog, report), err));
        if (!written) {
            return Main.EXIT_ERROR;
        }
        return report.exitCode();
    }

    /** For output read by a program (JSON, JUnit), rules that do not compile are reported in that format too. */
    private BiFunction<String, List<Problem>, String> failureReport() {
        return switch (format) {
            case JSON -> new JsonReport()::renderRuleSetFailure;
            case JUNIT -> new JunitReport()::renderRuleSetFailure;
            case TEXT -> null;
        };
    }

    /**
     * {@code --format json} written scenario by scenario as each is judged, keeping none: a run of big files (three of
     * 4,500 acts make 70 MB of JSON) needs memory for a few results, not for the whole report. (With {@code --html}
     * the page needs every result, so the run is kept whole.)
     */
    private int streamJson(ScenarioRunner runner, ScenarioFiles scenarios, SanctuaryEngine engine, PrintWriter out,
                           PrintWriter err) {
        List<DecisionRecord> records = new ArrayList<>();
        RunSummary summary;
        try {
            JsonReport.Streamed json = new JsonReport().start(out, engine.ruleSet().origin(),
                    engine.ruleSet().version(), asOf.date);
            summary = runner.runEach(scenarios, r -> {
                if (r.status() == ScenarioResult.Status.ERROR) {
                    Diagnostics.print(r.problems(), err);
                }
                if (decisionLog != null && r.scenario() != null && r.assessment() != null) {
                    records.add(DecisionRecord.of(r.scenario().aCase(), r.assessment()));
                }
                try {
                    json.add(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.finish(summary);
        } catch (IOException | UncheckedIOException e) {
            err.println("sanctuary-rules run: cannot write the report: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        if (decisionLog != null && !report(appendDecisionLog(decisionLog, records), err)) {
            return Main.EXIT_ERROR;
        }
        return summary.exitCode();
    }

    /** Not the common pool: on two cores it has one thread, which the scenario loading wants. */
    private static void inOwnThread(Runnable task) {
        Thread thread = new Thread(task, "rule-build");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Settles the acts of every judged scenario that is not wholly COMPLIANT, on every core, each act within
     * {@link SettleLimits#RUN}. A scenario whose completions make a rule fail is left without a settlement.
     */
    private Map<Path, Settlement> settleAll(SanctuaryEngine engine, RunReport report) {
        Settler settler = new Settler(engine, SettleLimits.RUN);
        Map<Path, Settlement> settled = new ConcurrentHashMap<>();
        report.results().parallelStream()
                .filter(r -> r.assessment() != null && r.assessment().verdict() != Verdict.COMPLIANT)
                .forEach(r -> {
                    try {
                        settled.put(r.file(), settler.settle(r.scenario().aCase(), asOf.date));
                    } catch (RuntimeException e) {
                        // Already reported if judging the scenario itself failed; a completion's failure is not.
                    }
                });
        return settled;
    }

    private boolean writeHtml(RunReport report, Map<Path, Settlement> settled, PrintWriter err) {
        try {
            Files.writeString(htmlFile, new HtmlReport(settled).render(report), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println(htmlFile + ": error: --html: cannot write the page: " + OutputFiles.why(htmlFile, e));
            return false;
        }
    }

    /**
     * Appends a decision record for each judged scenario of the run to {@code log}.
     *
     * @return why the log could not be written, or {@code null}
     */
    static String appendDecisionLog(Path log, RunReport report) {
        return appendDecisionLog(log, report.results().stream()
                .filter(r -> r.scenario() != null && r.assessment() != null)
                .map(r -> DecisionRecord.of(r.scenario().aCase(), r.assessment())).toList());
    }

    /** @return why the log could not be written, or {@code null} */
    static String appendDecisionLog(Path log, List<DecisionRecord> records) {
        try {
            new DecisionLog().append(log, records);
            return null;
        } catch (IOException e) {
            return log + ": error: --decision-log: cannot write the decision log: " + OutputFiles.why(log, e);
        }
    }

    private static boolean report(String problem, PrintWriter err) {
        if (problem != null) {
            err.println(problem);
        }
        return problem == null;
    }
}
