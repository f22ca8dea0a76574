package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.internal.report.CompareJsonReport;
import org.sanctuaryrules.internal.report.CompareTextReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioRunner;
import org.sanctuaryrules.internal.whatif.Comparison;
import org.sanctuaryrules.internal.whatif.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare}: judges the same scenarios under two rule sets and shows every act whose outcome changes. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {"Judges the same scenarios under a baseline rule set and another, and lists every act whose "
                + "verdict or decisive provisions change, with both explanations.",
                "Exit code: 0 when the comparison ran (whether or not anything changed, unless --fail-on-change), "
                        + "1 something changed and --fail-on-change was given, 2 when the rules do not compile or "
                        + "some scenario could not be judged."})
final class CompareCommand implements Callable<Integer> {
    /** Exit code of {@code --fail-on-change} when an act's verdict or decisive provisions changed. */
    static final int EXIT_CHANGED = 1;

    @Option(names = "--baseline", paramLabel = "DIR", required = true,
            description = "Rule directory (or overlay, such as rules-variants/NAME) to compare against. "
                    + "--allow-unsafe-rules applies to it too.")
    Path baselineDir;

    @Mixin
    RuleOptions rules;

    @Mixin
    AsOfOption asOf;

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on-change",
            description = "Exit with 1 when any act's verdict or decisive provisions change (for CI).")
    boolean failOnChange;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched for *.yaml and *.yml.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineLoader.Loaded baseline = EngineLoader.load(baselineDir, rules.options(), "--baseline");
        EngineLoader.Loaded candidate = rules.load();
        Diagnostics.print(baseline.problems(), err);
        Diagnostics.print(candidate.problems(), err);
        if (!baseline.ok() || !candidate.ok()) {
            if (format.json()) {
                EngineLoader.Loaded failed = baseline.ok() ? candidate : baseline;
                out.print(new JsonReport().renderRuleSetFailure(failed.origin(), failed.problems()));
            }
            return Main.EXIT_ERROR;
        }
        ScenarioLoader loader = new ScenarioLoader();
        RunReport before = new ScenarioRunner(baseline.engine(), loader, asOf.date).runAll(paths);
        RunReport after = new ScenarioRunner(candidate.engine(), loader, asOf.date).runAll(paths);
        Comparison comparison = RunComparison.compare(before, after, asOf.date);
        comparison.notCompared().forEach(n -> Diagnostics.print(n.problems(), err));
        err.flush();
        out.print(format.json() ? new CompareJsonReport().render(comparison)
                : new CompareTextReport().render(comparison));
        if (comparison.exitCode() != 0) {
            return comparison.exitCode();
        }
        return failOnChange && !comparison.changes().isEmpty() ? EXIT_CHANGED : 0;
    }
}
