package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.sanctuaryrules.internal.audit.DecisionLog;
import org.sanctuaryrules.internal.audit.DecisionRecord;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.internal.report.HtmlReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.internal.report.JunitReport;
import org.sanctuaryrules.internal.report.RunWriter;
import org.sanctuaryrules.internal.report.TextReport;
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

    @Option(names = "--settle-acts", paramLabel = "N", defaultValue = "200", converter = Numbers.NonNegative.class,
            description = "With --verbose or --html: settle at most N acts in the run (default: ${DEFAULT-VALUE}); the rest "
                    + "are judged and reported without a settle table, and the run says how many. 0 settles none.")
    int settleActs;

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
        return judge(new ScenarioRunner(engine, loader, asOf.date), scenarios, engine, out, err);
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
     * Judges the scenarios and writes every report scenario by scenario as each is judged, keeping none: a run of big
     * files (three of 4,500 acts make 70 MB of JSON) needs memory for a few results, not for the whole run — in
     * every format and for the {@code --html} page alike ({@link RunWriter}). A problem on a scenario is printed on
     * standard error as the scenario comes, before its block.
     */
    private int judge(ScenarioRunner runner, ScenarioFiles scenarios, SanctuaryEngine engine, PrintWriter out,
                      PrintWriter err) {
        List<DecisionRecord> records = new ArrayList<>();
        DecisionRecord.Context context = new DecisionRecord.Context(engine.ruleSet().origin(), asOf.date, Instant.now());
        String origin = engine.ruleSet().origin();
        String version = engine.ruleSet().version();
        // What would settle each act: shown by the verbose text report and the page, and only computed for them, for
        // the scenario about to be written (and dropped after it).
        boolean settling = (verbose && format == Format.TEXT) || htmlFile != null;
        // Each act settles within SettleLimits.RUN; the run as a whole settles at most --settle-acts of them, so that a
        // file of thousands of violations costs minutes of judging, not hours.
        SettleBudget budget = new SettleBudget(settleActs);
        Settler settler = settling ? new Settler(engine, SettleLimits.RUN) : null;
        Map<Path, Settlement> settled = new HashMap<>();
        RunWriter report;
        try {
            report = switch (format) {
                case JSON -> new JsonReport().start(out, origin, version, asOf.date);
                case JUNIT -> new JunitReport().start(out, origin, version, asOf.date);
                case TEXT -> new TextReport(engine.ruleSet().rules(), verbose, quiet,
                        verbose ? settled::get : file -> null).start(out, origin, version, asOf.date);
            };
        } catch (IOException e) {
            err.println("sanctuary-rules run: cannot write the report: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        HtmlPage page = htmlFile == null ? null
                : HtmlPage.open(htmlFile, new HtmlReport(settled::get), origin, version, asOf.date, err);
        RunSummary summary;
        try {
            summary = runner.runEach(scenarios, r -> {
                if (r.status() == ScenarioResult.Status.ERROR) {
                    Diagnostics.print(r.problems(), err);
                    err.flush();
                }
                if (decisionLog != null && r.scenario() != null && r.assessment() != null) {
                    records.add(DecisionRecord.of(r.scenario(), r.assessment(), context));
                }
                if (settling) {
                    settle(settler, r, settled, budget);
                }
                if (page != null) {
                    page.add(r);
                }
                try {
                    report.add(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                settled.clear();
            });
            report.finish(summary);
        } catch (IOException | UncheckedIOException e) {
            err.println("sanctuary-rules run: cannot write the report: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        if (budget.unsettled > 0) {
            err.println("sanctuary-rules run: " + budget.unsettled + " act" + (budget.unsettled == 1 ? " was" : "s were")
                    + " reported without a settle table: a run settles at most " + settleActs
                    + " (--settle-acts N; explain FILE settles one scenario)");
        }
        // Not short-circuited: a page that cannot be written must not keep the decision log from being written.
        boolean written = (htmlFile == null || page.finish(summary))
                & (decisionLog == null || report(appendDecisionLog(decisionLog, records), err));
        return written ? summary.exitCode() : Main.EXIT_ERROR;
    }

    /**
     * The {@code --html} page, written as the run goes. A page that cannot be opened or written is reported once,
     * with the file and why; the run and its other outputs go on.
     */
    private static final class HtmlPage {
        private final Path file;
        private final PrintWriter err;
        private Writer out;
        private RunWriter page;

        private HtmlPage(Path file, PrintWriter err) {
            this.file = file;
            this.err = err;
        }

        static HtmlPage open(Path file, HtmlReport report, String origin, String version, LocalDate asOf,
                             PrintWriter err) {
            HtmlPage html = new HtmlPage(file, err);
            try {
                html.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                html.page = report.start(html.out, origin, version, asOf);
            } catch (IOException e) {
                html.failed(e);
            }
            return html;
        }

        void add(ScenarioResult result) {
            if (page == null) {
                return;
            }
            try {
                page.add(result);
            } catch (IOException e) {
                failed(e);
            }
        }

        /** @return whether the whole page was written */
        boolean finish(RunSummary summary) {
            if (page == null) {
                return false;
            }
            try {
                page.finish(summary);
                out.close();
                return true;
            } catch (IOException e) {
                failed(e);
                return false;
            }
        }

        private void failed(IOException e) {
            err.println(file + ": error: --html: cannot write the page: " + OutputFiles.why(file, e));
            page = null;
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already reported
                }
            }
        }
    }

    /**
     * Settles the acts of a judged scenario that is not wholly COMPLIANT, each act within {@link SettleLimits#RUN}, while
     * the run's budget of acts lasts (a scenario whose acts would overrun it is counted as unsettled). A scenario whose
     * completions make a rule fail is left without a settlement.
     */
    private void settle(Settler settler, ScenarioResult r, Map<Path, Settlement> settled, SettleBudget budget) {
        if (r.assessment() == null || r.assessment().verdict() == Verdict.COMPLIANT) {
            return;
        }
        int open = (int) r.assessment().acts().stream().filter(a -> a.verdict() != Verdict.COMPLIANT).count();
        if (open > budget.left) {
            budget.unsettled += open;
            return;
        }
        budget.left -= open;
        try {
            settled.put(r.file(), settler.settle(r.scenario().aCase(), asOf.date));
        } catch (RuntimeException e) {
            // Already reported if judging the scenario itself failed; a completion's failure is not.
        }
    }

    /** How many more acts a run may settle, and how many it reported without a settle table. */
    private static final class SettleBudget {
        int left;
        int unsettled;

        SettleBudget(int acts) {
            left = acts;
        }
    }

    /** Not the common pool: on two cores it has one thread, which the scenario loading wants. */
    private static void inOwnThread(Runnable task) {
        Thread thread = new Thread(task, "rule-build");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Appends a decision record for each judged scenario of the run to {@code log}.
     *
     * @return why the log could not be written, or {@code null}
     */
    static String appendDecisionLog(Path log, RunReport report, Instant decidedAt) {
        DecisionRecord.Context context = new DecisionRecord.Context(report.ruleSetOrigin(), report.asOf(), decidedAt);
        return appendDecisionLog(log, report.results().stream()
                .filter(r -> r.scenario() != null && r.assessment() != null)
                .map(r -> DecisionRecord.of(r.scenario(), r.assessment(), context)).toList());
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
