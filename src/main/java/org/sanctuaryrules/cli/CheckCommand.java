package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.internal.report.CheckReport;
import org.sanctuaryrules.internal.workbench.CheckResult;
import org.sanctuaryrules.internal.workbench.Checker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check}: compiles the rules and reads the data and scenario files, judging nothing. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Checks rules, data files and scenarios without judging anything.",
                "Compiles the rules and reads the provision register, the felony list and any scenario files. Prints one file:line:column: error|warning: … line per problem.",
                "Exit code: 0 no errors (warnings allowed, unless --strict), 2 errors."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    RuleOptions rules;

    @Mixin
    FormatOption format;

    @Option(names = "--strict", description = "Treat every warning as an error (for CI): exit 2 if there is any.")
    boolean strict;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Scenario files, or directories searched for *.yaml and *.yml (default: none).")
    List<Path> paths = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckResult result = new Checker().check(rules.dir, rules.options(), paths == null ? List.of() : paths);
        if (strict) {
            result = result.withWarningsAsErrors();
        }
        CheckReport report = new CheckReport();
        out.print(format.json() ? report.json(result) : report.text(result));
        return result.errors() > 0 ? Main.EXIT_ERROR : 0;
    }
}
