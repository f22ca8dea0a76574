package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.engine.Explanation;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.internal.report.ExplainReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.scenario.FieldPath;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.settle.Settler;
import org.sanctuaryrules.internal.workbench.ExplainBuilder;
import org.sanctuaryrules.internal.workbench.ExplainedCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explain}: the reasoning behind one scenario's verdict, as a tree. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {"Prints the reasoning behind one scenario's verdict as a tree.",
                "Each act, its verdict, the findings that decided it with the rule (file:line) and the facts each matched, every prohibition with the",
                "exceptions that lifted it or did not, provisions not in force, and the interpretation notes; for an",
                "INDETERMINATE act, what would settle it (a table of the missing facts' values and the verdicts they give),",
                "for a VIOLATION, the changes in the agency's control that would make it COMPLIANT.",
                "Exit code: 0, 2 the scenario could not be read (or the rules do not compile)."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    RuleOptions rules;

    @Mixin
    FormatOption format;

    @Mixin
    AsOfOption asOf;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    Path scenarioFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = new ScenarioLoader().load(scenarioFile);
        if (!loaded.ok()) {
            Diagnostics.print(loaded.problems(), err);
            return Main.EXIT_ERROR;
        }
        SanctuaryEngine engine = EngineLoader.loadReporting(rules,
                format.json() ? new JsonReport()::renderRuleSetFailure : null, out, err);
        if (engine == null) {
            return Main.EXIT_ERROR;
        }
        Explanation explanation;
        try {
            explanation = engine.explain(loaded.scenario().aCase(), asOf.date);
        } catch (RuntimeException e) {
            // A rule that throws or runs past its limits (RuleLimitException): an error on this scenario, not a trace.
            Diagnostics.print(List.of(loaded.scenario().errorAt(FieldPath.ROOT,
                    "the rules failed while judging this scenario: " + e.getMessage())), err);
            return Main.EXIT_ERROR;
        }
        ExplainedCase tree = new ExplainBuilder(engine.ruleSet()).build(loaded.scenario(), explanation, asOf.date);
        try {
            tree = tree.withSettlement(new Settler(engine).settle(loaded.scenario().aCase(), asOf.date));
        } catch (RuntimeException e) {
            Diagnostics.print(List.of(loaded.scenario().errorAt(FieldPath.ROOT,
                    "the rules failed while judging a completion of this scenario: " + e.getMessage())), err);
            return Main.EXIT_ERROR;
        }
        ExplainReport report = new ExplainReport();
        out.print(format.json() ? report.json(tree) : report.text(tree));
        return 0;
    }
}
