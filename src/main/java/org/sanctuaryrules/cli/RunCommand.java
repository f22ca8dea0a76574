package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.audit.DecisionLog;
import org.sanctuaryrules.audit.DecisionRecord;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.report.JsonReport;
import org.sanctuaryrules.report.TextReport;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run}: judges scenario files and checks each against what it expects. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Judges scenario files and checks each verdict against the one the file expects.",
                "Exit code: 0 all passed, 1 some failed, 2 some could not be run (or the rules do not compile)."})
public final class RunCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of rules (*.drl, provisions.yaml, violent-or-serious-felonies.csv); "
                    + "default: the rules shipped with the tool.")
    Path rulesDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    Format format;

    @Option(names = {"-v", "--verbose"}, description = "Show every finding, not only the decisive ones.")
    boolean verbose;

    @Option(names = "--allow-unsafe-rules",
            description = "Compile rule files that call outside the model (system, files, network, reflection) "
                    + "or loop without end. Only for rule files you trust as much as this program.")
    boolean allowUnsafeRules;

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
        EngineLoader.Loaded rules = EngineLoader.load(rulesDir,
                allowUnsafeRules ? RuleSetOptions.ALLOW_UNSAFE_RULES : RuleSetOptions.SAFE);
        Diagnostics.print(rules.problems(), err);
        if (!rules.ok()) {
            if (format == Format.JSON) {
                out.print(new JsonReport().renderRuleSetFailure(rules.origin(), rules.problems()));
            }
            return Main.EXIT_ERROR;
        }
        RunReport report = new ScenarioRunner(rules.engine()).runAll(paths);
        report.results().stream().filter(r -> r.status() == ScenarioResult.Status.ERROR)
                .forEach(r -> Diagnostics.print(r.problems(), err));
        err.flush(); // diagnostics before the report, so the summary line stays last on a terminal
        out.print(format == Format.JSON ? new JsonReport().render(report)
                : new TextReport(rules.engine().ruleSet().rules(), verbose).render(report));
        if (decisionLog != null && !writeDecisionLog(report, err)) {
            return Main.EXIT_ERROR;
        }
        return report.exitCode();
    }

    private boolean writeDecisionLog(RunReport report, PrintWriter err) {
        List<DecisionRecord> records = report.results().stream()
                .filter(r -> r.scenario() != null && r.assessment() != null)
                .map(r -> DecisionRecord.of(r.scenario().aCase(), r.assessment())).toList();
        try {
            new DecisionLog().append(decisionLog, records);
            return true;
        } catch (IOException e) {
            err.println(decisionLog + ": error: --decision-log: cannot write the decision log: " + e.getMessage());
            return false;
        }
    }
}
