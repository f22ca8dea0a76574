package org.sanctuaryrules.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.internal.report.SettleText;
import org.sanctuaryrules.scenario.FieldPath;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioEdits;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.settle.ActSettlement;
import org.sanctuaryrules.settle.Interview;
import org.sanctuaryrules.settle.SettleLimits;
import org.sanctuaryrules.settle.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code interview}: asks for a scenario's missing facts, most decisive first, and writes the answers into it. */
@Command(name = "interview",
        mixinStandardHelpOptions = true,
        description = {"Asks for the missing facts of a scenario one at a time, most decisive first, with the values",
                "allowed and what each would lead to; judges again after each answer and stops when every act is",
                "settled. Answer 'skip' to leave a fact not known, 'stop' (or end the input) to stop; the answers given",
                "are written into the scenario file (comments kept), or into --output.",
                "A records search (person.convictions) is answered with the records, as the file writes them: none",
                "or [] (searched, nothing found), {offense: \"160.15\", level: felony, judgment_date: 2017-03-03},",
                "or several as [{...}, {...}]; what they leave out that matters is asked next.",
                "Answers are read from standard input, or from --answers FILE: one answer a line.",
                "Exit code: 0 every act settled, 1 stopped with acts still open, 2 the scenario could not be read or",
                "written (or the rules do not compile)."})
public final class InterviewCommand implements Callable<Integer> {
    @Mixin
    RuleOptions rules;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Read the answers from FILE, one a line, instead of standard input.")
    Path answersFile;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the completed scenario to FILE instead of over SCENARIO.")
    Path output;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    Path scenarioFile;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader loader = new ScenarioLoader();
        LoadResult loaded = loader.load(scenarioFile);
        if (!loaded.ok()) {
            Diagnostics.print(loaded.problems(), err);
            return Main.EXIT_ERROR;
        }
        Path target = output != null ? output : scenarioFile;
        String problem = OutputFiles.problem(target);
        if (problem != null) {
            err.println(target + ": error: cannot write the completed scenario: " + problem);
            return Main.EXIT_ERROR;
        }
        SanctuaryEngine engine = EngineLoader.loadReporting(rules, null, out, err);
        if (engine == null) {
            return Main.EXIT_ERROR;
        }
        Scenario scenario = loaded.scenario();
        Interview interview = new Interview(engine, SettleLimits.DEFAULT, scenario.aCase(), asOf.date);
        boolean stopped;
        try (BufferedReader in = new BufferedReader(reader())) {
            // Answers from a file or a pipe are not echoed by a terminal: show them, so the output reads as a dialogue.
            stopped = ask(interview, in, out, answersFile != null || System.console() == null);
        } catch (IOException e) {
            err.println((answersFile == null ? "standard input" : answersFile) + ": error: cannot read the answers: "
                    + OutputFiles.describe(e));
            stopped = true;
        } catch (RuntimeException e) {
            // A rule that throws or runs past its limits while a completion is judged: an error, not a trace.
            err.println(scenarioFile + ": error: the rules failed while judging this scenario: " + e.getMessage());
            write(loader, scenario, interview, target, out, err);
            return Main.EXIT_ERROR;
        }
        if (!write(loader, scenario, interview, target, out, err)) {
            return Main.EXIT_ERROR;
        }
        return summary(engine, scenario, interview, out) && !stopped ? 0 : 1;
    }

    private Reader reader() throws IOException {
        return answersFile != null ? Files.newBufferedReader(answersFile, StandardCharsets.UTF_8)
                : new InputStreamReader(main.stdin(), StandardCharsets.UTF_8);
    }

    /** The conversation. Returns whether it stopped before every question was answered. */
    private static boolean ask(Interview interview, BufferedReader in, PrintWriter out, boolean echo)
            throws IOException {
        int asked = 0;
        for (Interview.Question q = interview.next(); q != null; q = interview.next()) {
            asked++;
            out.println();
            out.println("act " + q.actId() + ": " + q.fact() + "?");
            if (q.why() != null) {
                out.println("  why it matters: " + q.why().replaceAll("\\s+", " "));
            }
            int width = q.options().stream().mapToInt(o -> o.value().length()).max().orElse(0);
            for (Interview.Option o : q.options()) {
                out.println("  " + o.value() + " ".repeat(width - o.value().length()) + "  → " + o.leadsTo());
            }
            out.println("  allowed: " + q.allowed() + "; or skip (leave it not known), stop");
            out.print("answer> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                out.println("end of input: stopping; the answers given so far are written");
                return true;
            }
            String answer = line.strip();
            if (echo) {
                out.println(answer);
            }
            switch (answer.toLowerCase(Locale.ROOT)) {
                case "stop", "quit" -> {
                    out.println("stopped; the answers given so far are written");
                    return true;
                }
                case "skip" -> {
                    interview.skip();
                    out.println("  left not known: " + q.fact());
                }
                case "" -> out.println("  no answer given; asked again");
                default -> {
                    try {
                        interview.answer(answer);
                        Interview.Answer a = interview.answers().get(interview.answers().size() - 1);
                        // A records search takes several lines: shown as the file will hold it, under its key.
                        // "never" released is written as another key (incarcerated: false): say which.
                        String key = String.valueOf(a.path().get(a.path().size() - 1));
                        String noted = a.fact().endsWith("." + key) || a.fact().equals(key) ? a.fact()
                                : a.fact() + ", written as " + key;
                        out.println("  noted: " + noted + " =" + afterKey(a.value(), 6));
                    } catch (IllegalArgumentException e) {
                        out.println("  " + e.getMessage() + "; asked again");
                    }
                }
            }
        }
        if (asked == 0) {
            out.println("nothing to ask: every act is settled, or turns only on facts an answer cannot give");
        }
        return false;
    }

    /** Writes the answers into the scenario text; on failure, nothing of the original is touched. */
    private boolean write(ScenarioLoader loader, Scenario scenario, Interview interview, Path target, PrintWriter out,
                          PrintWriter err) {
        List<Interview.Answer> answers = interview.answers();
        if (answers.isEmpty()) {
            out.println("no answer given: " + target + " is not written");
            return true;
        }
        String why;
        try {
            String text = Files.readString(scenario.file(), StandardCharsets.UTF_8);
            for (Interview.Answer a : answers) {
                LoadResult now = loader.parse(scenario.file().toString(), text);
                if (!now.ok()) {
                    throw new ScenarioEdits.CannotEdit("an edit made the file unreadable");
                }
                text = ScenarioEdits.set(text, now.scenario(), path(a), a.value());
            }
            LoadResult after = loader.parse(scenario.file().toString(), text);
            if (!after.ok() || !after.scenario().aCase().equals(interview.current())) {
                throw new ScenarioEdits.CannotEdit("the edited file does not read back as answered");
            }
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".interview", ".yaml");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("wrote " + answers.size() + " answer" + (answers.size() == 1 ? "" : "s") + " into " + target
                    + " (comments and layout kept)");
            return true;
        } catch (IOException e) {
            why = OutputFiles.describe(e);
        } catch (ScenarioEdits.CannotEdit e) {
            why = e.getMessage();
        }
        // Nothing is lost: the answers go to a file of their own, to copy in by hand.
        Path aside = target.resolveSibling(target.getFileName() + ".answers.yaml");
        StringBuilder text = new StringBuilder("# Answers given to `sanctuary-rules interview " + scenario.file()
                + "`, which could not be written into " + target + " (" + why + "); copy them in by hand.\n");
        answers.forEach(a -> text.append(path(a)).append(':').append(afterKey(a.value(), 2)).append('\n'));
        try {
            Files.writeString(aside, text, StandardCharsets.UTF_8);
            err.println(target + ": error: cannot write the answers into the file (" + why + "); they are in " + aside);
        } catch (IOException e) {
            err.println(target + ": error: cannot write the answers (" + why + "; " + OutputFiles.describe(e)
                    + "); they were:");
            answers.forEach(a -> err.println("  " + path(a) + ": " + a.value().replace("\n", "\n    ")));
        }
        return false;
    }

    private static FieldPath path(Interview.Answer a) {
        FieldPath p = FieldPath.ROOT;
        for (Object segment : a.path()) {
            p = segment instanceof Integer i ? p.index(i) : p.key((String) segment);
        }
        return p;
    }

    /** The verdicts after the answers, and what is still open. Returns whether every act is settled. */
    private boolean summary(SanctuaryEngine engine, Scenario scenario, Interview interview, PrintWriter out) {
        Assessment now = engine.assess(interview.current(), asOf.date);
        out.println();
        out.println("verdict now: " + now.verdict());
        boolean settled = true;
        Settlement settlement = now.verdict() == Verdict.INDETERMINATE ? interview.settlement() : null;
        for (ActAssessment a : now.acts()) {
            out.println("  act " + a.actId() + ": " + a.verdict());
            if (a.verdict() == Verdict.INDETERMINATE) {
                ActSettlement s = settlement.act(a.actId());
                boolean open = s.lines().size() > 1 || s.lines().stream().anyMatch(l ->
                        l.verdict() == Verdict.INDETERMINATE);
                settled &= !open;
                SettleText.lines(s).forEach(l -> out.println("    " + l));
            }
        }
        if (scenario.expectation() != null && scenario.expectation().verdict() != null
                && scenario.expectation().verdict() != now.verdict()) {
            out.println("note: the file's expect: says " + scenario.expectation().verdict().name().toLowerCase(Locale.ROOT)
                    + "; with these answers it is " + now.verdict().name().toLowerCase(Locale.ROOT)
                    + ": update expect: if the answers are right");
        }
        return settled;
    }

    /** A value as it follows its key: on the key's line, or a block list (records) on lines of its own, indented. */
    private static String afterKey(String value, int indent) {
        return value.startsWith("- ")
                ? "\n" + value.lines().map(l -> " ".repeat(indent) + l).collect(Collectors.joining("\n"))
                : " " + value;
    }
}
