package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.report.CompareJsonReport;
import org.sanctuaryrules.report.CompareTextReport;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioRunner;
import org.sanctuaryrules.whatif.Comparison;
import org.sanctuaryrules.whatif.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare}: judges the same scenarios under two rule sets and shows every act whose outcome changes. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {"Judges the same scenarios under a baseline rule set and another, and lists every act whose "
                + "verdict or decisive provisions change, with both explanations.",
                "Exit code: 0 when the comparison ran (whether or not anything changed), 2 when the rules do not "
                        + "compile or some scenario could not be judged."})
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--baseline", paramLabel = "DIR", required = true,
            description = "Rule directory (or overlay, such as rules-variants/NAME) to compare against.")
    Path baselineDir;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule directory (or overlay) to compare; default: the rules shipped with the tool.")
    Path rulesDir;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Judge every act under the law of this day (YYYY-MM-DD) instead of its own date.")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched for *.yaml and *.yml.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineLoader.Loaded baseline = EngineLoader.load(baselineDir);
        EngineLoader.Loaded candidate = EngineLoader.load(rulesDir);
        Diagnostics.print(baseline.problems(), err);
        Diagnostics.print(candidate.problems(), err);
        if (!baseline.ok() || !candidate.ok()) {
            return Main.EXIT_ERROR;
        }
        ScenarioLoader loader = new ScenarioLoader();
        RunReport before = new ScenarioRunner(baseline.engine(), loader, asOf).runAll(paths);
        RunReport after = new ScenarioRunner(candidate.engine(), loader, asOf).runAll(paths);
        Comparison comparison = RunComparison.compare(before, after, asOf);
        comparison.notCompared().forEach(n -> Diagnostics.print(n.problems(), err));
        err.flush();
        out.print(format == OutputFormat.JSON ? new CompareJsonReport().render(comparison)
                : new CompareTextReport().render(comparison));
        return comparison.exitCode();
    }
}
