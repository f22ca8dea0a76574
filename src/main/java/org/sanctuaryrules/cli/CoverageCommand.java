package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.internal.report.CoverageReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.internal.workbench.CoverageResult;
import org.sanctuaryrules.internal.workbench.CoverageRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coverage}: which rules the scenarios fire. */
@Command(name = "coverage",
        mixinStandardHelpOptions = true,
        description = {"Lists which rules the scenarios fire, which none fires, and the percentage.",
                "Judges the scenarios and shows every rule with the scenarios that fire it.",
                "Exit code: 0, 1 below --min, 2 some scenario could not be read (or the rules do not compile)."})
final class CoverageCommand implements Callable<Integer> {
    static final int EXIT_BELOW_MIN = 1;

    @Mixin
    RuleOptions rules;

    @Mixin
    FormatOption format;

    @Option(names = "--min", paramLabel = "PERCENT", converter = Numbers.Percent.class,
            description = "Exit with 1 if fewer than PERCENT (0 to 100) of the rules fire.")
    Double min;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched for *.yaml and *.yml (default: scenarios/).")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SanctuaryEngine engine = EngineLoader.loadReporting(rules,
                format.json() ? new JsonReport()::renderRuleSetFailure : null, out, err);
        if (engine == null) {
            return Main.EXIT_ERROR;
        }
        List<Path> given = paths == null || paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
        CoverageResult result = new CoverageRunner(engine).run(given);
        Diagnostics.print(result.problems(), err);
        err.flush();
        CoverageReport report = new CoverageReport();
        out.print(format.json() ? report.json(result) : report.text(result));
        if (!result.problems().isEmpty()) {
            return Main.EXIT_ERROR;
        }
        if (min != null && result.percent() < min) {
            err.println(CoverageReport.summary(result) + " is below --min " + min + "%");
            return EXIT_BELOW_MIN;
        }
        return 0;
    }
}
