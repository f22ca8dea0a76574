package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.scenario.Expectation;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.settle.Settlement;

/**
 * A run as a person reads it, in the manner of a test runner: one block per scenario, written as each is judged
 * ({@link #start}), then a summary line.
 * Free-text descriptions of people and convictions are never printed.
 */
public final class TextReport {
    private static final String ACT = "    ";
    private static final String FINDING = "      ";
    private static final String DETAIL = "          ";

    private final Map<String, RuleInfo> rules;
    private final boolean verbose;
    private final boolean quiet;
    private final Function<Path, Settlement> settlements;

    /**
     * @param rules   the rule set's rules, to show where a rule that fired is written
     * @param verbose show every finding, not only the decisive ones
     */
    public TextReport(Map<String, RuleInfo> rules, boolean verbose) {
        this(rules, verbose, false);
    }

    /** @param quiet show only the scenarios that failed or could not be run, and the summary ({@code run --quiet}) */
    public TextReport(Map<String, RuleInfo> rules, boolean verbose, boolean quiet) {
        this(rules, verbose, quiet, Map.of());
    }

    /** @param settlements what would settle each scenario's acts, by file, shown under each act ({@code run -v}) */
    public TextReport(Map<String, RuleInfo> rules, boolean verbose, boolean quiet, Map<Path, Settlement> settlements) {
        this(rules, verbose, quiet, Map.copyOf(settlements)::get);
    }

    /**
     * @param settlements the settlement of a scenario's file, or null; asked when the scenario is written, so that a
     *                    run written as it goes can settle each scenario just before
     */
    public TextReport(Map<String, RuleInfo> rules, boolean verbose, boolean quiet,
                      Function<Path, Settlement> settlements) {
        this.rules = Map.copyOf(rules);
        this.verbose = verbose;
        this.quiet = quiet;
        this.settlements = settlements;
    }

    public String render(RunReport report) {
        return RunWriter.render(report, this::start);
    }

    /** The same report as {@link #render}, written to {@code out} one scenario at a time. */
    public RunWriter start(Writer out, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf)
            throws IOException {
        if (asOf != null) {
            out.write(RunReport.asOfLine(asOf) + "\n\n");
        }
        return new RunWriter() {
            @Override
            public void add(ScenarioResult result) throws IOException {
                if (quiet && !failedOrError(result)) {
                    return;
                }
                block(out, result);
                out.write('\n');
            }

            @Override
            public void finish(RunSummary summary) throws IOException {
                out.write("rules: " + t(ruleSetOrigin) + " (version " + ruleSetVersion + ")"
                        + (asOf == null ? "" : ", judged as of " + asOf) + "\n");
                out.write(summary.line() + "\n");
                out.flush();
            }
        };
    }

    /** One scenario's block, as a run shows it. */
    public String scenario(ScenarioResult result) {
        StringWriter out = new StringWriter();
        try {
            block(out, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static boolean failedOrError(ScenarioResult result) {
        return result.status() == ScenarioResult.Status.FAILED || result.status() == ScenarioResult.Status.ERROR;
    }

    /** One scenario's block, written act by act: a file of thousands of acts is never one string. */
    private void block(Writer to, ScenarioResult result) throws IOException {
        StringBuilder out = new StringBuilder();
        // A file name can hold control characters (a terminal escape); print them escaped, as problems are.
        out.append(String.format("%-5s %s", tag(result.status()), PrintableText.escape(result.name())));
        if (result.assessment() != null) {
            out.append("  ").append(result.assessment().verdict());
            if (result.assessment().policy() != PolicyOutcome.NOT_ADDRESSED) {
                out.append(" (department policy: ").append(result.assessment().policy()).append(')');
            }
        }
        if (result.scenario() != null) {
            out.append("  ").append(PrintableText.escape(result.file().toString()));
        }
        out.append('\n');
        for (Problem problem : result.problems()) {
            out.append(ACT).append(problem).append('\n');
        }
        if (!result.mismatches().isEmpty()) {
            out.append(ACT).append("expected: ").append(t(expected(result.scenario().expectation()))).append('\n');
            for (String mismatch : result.mismatches()) {
                out.append(ACT).append("mismatch: ").append(t(mismatch)).append('\n');
            }
        }
        to.write(out.toString());
        if (result.assessment() == null) {
            return;
        }
        Set<String> showRulesFor = actsToExplain(result);
        Settlement settlement = settlements.apply(result.file());
        for (ActAssessment act : result.assessment().acts()) {
            StringBuilder lines = new StringBuilder();
            act(lines, act, showRulesFor.contains(act.actId()));
            if (settlement != null) {
                SettleText.lines(settlement.act(act.actId()))
                        .forEach(l -> lines.append(FINDING).append(t(l)).append('\n'));
            }
            to.write(lines.toString());
        }
    }

    private void act(StringBuilder out, ActAssessment act, boolean showRules) {
        out.append(ACT).append(t(act.actId())).append("  ").append(act.verdict());
        if (act.policy() != PolicyOutcome.NOT_ADDRESSED) {
            // A department order is not law: its outcome is shown beside the verdict, never folded into it.
            out.append("  (department policy: ").append(act.policy()).append(')');
        }
        out.append('\n');
        List<Finding> shown = verbose ? act.findings() : act.findings().stream().filter(Finding::decisive).toList();
        for (Finding f : shown) {
            out.append(FINDING).append(f.departmentPolicy() ? policyLabel(f.effect()) : label(f.effect())).append(' ')
                    .append(t(citation(f)));
            if (f.effect() == Effect.LIFTS && f.lifts() != null) {
                // Name the prohibition: a compliant act shows only its exceptions, and they lift different rules.
                out.append(", lifting \"").append(t(f.lifts())).append('"');
            }
            out.append(": ").append(t(f.explanation()));
            if (verbose && f.decisive()) {
                out.append("  [decisive]");
            }
            out.append('\n');
            for (String note : f.notes()) {
                out.append(DETAIL).append("interpretation note: ").append(t(note.strip())).append('\n');
            }
        }
        if (!act.missingFacts().isEmpty()) {
            out.append(FINDING).append("missing facts: ").append(t(String.join(", ", act.missingFacts()))).append('\n');
        }
        if (!act.policyMissingFacts().isEmpty()) {
            out.append(FINDING).append("missing facts (department policy): ")
                    .append(String.join(", ", act.policyMissingFacts())).append('\n');
        }
        if (verbose && !act.notInForce().isEmpty()) {
            out.append(FINDING).append("not in force on ").append(act.date()).append(": ")
                    .append(t(String.join(", ", act.notInForce()))).append('\n');
        }
        if (showRules) {
            out.append(FINDING).append("rules that fired:").append('\n');
            if (act.findings().isEmpty()) {
                out.append(DETAIL).append("(none)").append('\n');
            }
            for (Finding f : act.findings()) {
                RuleInfo info = rules.get(f.rule());
                out.append(DETAIL).append('"').append(t(f.rule())).append("\"  ")
                        .append(info == null ? "?" : t(info.place())).append("  ").append(f.effect()).append('\n');
            }
        }
    }

    /** For a mismatch, the acts whose rules are worth showing: those that mismatched, or all of them. */
    private static Set<String> actsToExplain(ScenarioResult result) {
        if (result.mismatches().isEmpty()) {
            return Set.of();
        }
        Set<String> named = result.mismatches().stream().filter(m -> m.startsWith("act ") && m.contains(": expected"))
                .map(m -> m.substring("act ".length(), m.lastIndexOf(": expected"))).collect(Collectors.toSet());
        return named.isEmpty()
                ? result.assessment().acts().stream().map(ActAssessment::actId).collect(Collectors.toSet())
                : named;
    }

    private static String expected(Expectation e) {
        StringBuilder text = new StringBuilder();
        if (e.verdict() != null) {
            text.append("scenario ").append(e.verdict());
        }
        e.acts().forEach((act, verdict) -> text.append(text.length() > 0 ? "; " : "").append("act ").append(act)
                .append(' ').append(verdict));
        if (!e.cites().isEmpty()) {
            text.append(text.length() > 0 ? "; " : "").append("cites ").append(String.join(", ", e.cites()));
        }
        if (e.policy() != null) {
            text.append(text.length() > 0 ? "; " : "").append("department policy ").append(e.policy());
        }
        return text.toString();
    }

    /** Text from a rule, data or scenario file, on one line whatever it holds. */
    private static String t(String text) {
        return PrintableText.oneLine(text);
    }

    private static String citation(Finding f) {
        if (f.citation() == null) {
            return f.provision() == null ? "(no provision)" : f.provision();
        }
        return f.citation() + " [" + f.provision() + "]";
    }

    private static String label(Effect effect) {
        return switch (effect) {
            case PROHIBITS -> "prohibited by";
            case LIFTS -> "exception under";
            case PERMITS -> "permitted by";
            case NEEDS_FACT -> "open under";
            case NOTE -> "note on";
            case ESTABLISHES -> "established under";
        };
    }

    /** A department order's findings: a breach of department policy, not a prohibition of law. */
    private static String policyLabel(Effect effect) {
        return switch (effect) {
            case PROHIBITS -> "department policy breached (not law):";
            case LIFTS -> "department policy exception under";
            case NEEDS_FACT -> "department policy open under";
            default -> "department policy " + label(effect);
        };
    }

    private static String tag(ScenarioResult.Status status) {
        return switch (status) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case NO_EXPECTATION -> "----";
        };
    }
}
