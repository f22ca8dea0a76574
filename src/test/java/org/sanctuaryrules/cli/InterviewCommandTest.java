package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/** The interview end to end, with scripted answers: from a file, from standard input, wrong values and the end of input. */
class InterviewCommandTest {
    @TempDir
    Path dir;

    /** A shipped scenario copied into the temporary folder, with a comment of ours to see that comments are kept. */
    private Path copy(String shipped) throws IOException {
        Path file = dir.resolve(shipped);
        Files.writeString(file, "# kept: a comment at the top\n" + Files.readString(Path.of("scenarios", shipped))
                .replace("    kind: share_record\n", "    kind: share_record   # kept: a comment on a line\n"));
        return file;
    }

    private Path answers(String text) throws IOException {
        Path file = dir.resolve("answers.txt");
        Files.writeString(file, text);
        return file;
    }

    private static Act act(Path file, int i) {
        LoadResult r = new ScenarioLoader().load(file);
        assertTrue(r.ok(), r.problems().toString());
        return r.scenario().aCase().acts().get(i);
    }

    @Test
    void aWrongValueIsRefusedAndAskedAgainThenTheAnswersSettleItAndAreWrittenIn() throws IOException {
        Path scenario = copy("sealed-record-sealing-unknown.yaml");
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers("maybe\ntrue\nfalse\n").toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("the answer for acts[].record_sealed is not one of the allowed values; allowed: "
                + "true, false; asked again"), o.out());
        assertFalse(o.out().contains("maybe is"), "what was typed is not quoted back");
        assertEquals(2, o.out().split("act share: acts\\[\\]\\.record_sealed\\?", -1).length - 1, "asked again");
        assertTrue(o.out().contains("false  → VIOLATION"), o.out()); // the court-order question says what each value gives
        assertTrue(o.out().contains("verdict now: VIOLATION"), o.out());
        String text = Files.readString(scenario);
        assertTrue(text.startsWith("# kept: a comment at the top\n"), text);
        assertTrue(text.contains("    kind: share_record   # kept: a comment on a line\n"), text);
        assertTrue(text.contains("    record_sealed: true\n") && text.contains("    court_order: false\n"), text);
        Act share = act(scenario, 0);
        assertEquals(Boolean.TRUE, share.recordSealed());
        assertEquals(Boolean.FALSE, share.courtOrder());
        assertEquals(Verdict.VIOLATION, ShippedEngine.get().assess(new ScenarioLoader().load(scenario).scenario().aCase())
                .verdict());
    }

    @Test
    void theEndOfTheInputStopsAndTheAnswersGivenAreWritten() throws IOException {
        Path scenario = copy("sealed-record-sealing-unknown.yaml");
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers("true\n").toString());
        assertEquals(1, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("end of input: stopping; the answers given so far are written"), o.out());
        assertTrue(o.out().contains("wrote 1 answer into " + scenario), o.out());
        Act share = act(scenario, 0);
        assertEquals(Boolean.TRUE, share.recordSealed());
        assertEquals(null, share.courtOrder());
        assertTrue(o.out().contains("acts[].court_order = false"), "what is still open is shown: " + o.out());
    }

    @Test
    void answersComeFromStandardInputTooAndAPersonFactGoesIntoThePerson() throws IOException {
        Path scenario = copy("detainers-nypd-48-hour-hold-reentry-unknown.yaml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"interview", scenario.toString()},
                new ByteArrayInputStream("false\n".getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, out + err.toString());
        assertTrue(out.toString().contains("act hold: person.reentered_after_removal?"), out.toString());
        LoadResult r = new ScenarioLoader().load(scenario);
        assertEquals(Boolean.FALSE, r.scenario().aCase().person().reenteredAfterRemoval());
        assertTrue(Files.readString(scenario).contains("  reentered_after_removal: false\n"));
    }

    @Test
    void skipLeavesAFactNotKnownAndOutputLeavesTheOriginalAlone() throws IOException {
        Path scenario = copy("sealed-record-sealing-unknown.yaml");
        String before = Files.readString(scenario);
        Path completed = dir.resolve("completed.yaml");
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--output", completed.toString(), "--answers",
                answers("skip\nstop\n").toString());
        assertEquals(1, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("left not known: acts[].record_sealed"), o.out());
        assertEquals(before, Files.readString(scenario));
        // Skipped, the record's sealing is not asked again: the next question is another fact, which stop ends.
        assertEquals(1, o.out().split("acts\\[\\]\\.record_sealed\\?", -1).length - 1, o.out());
        assertTrue(o.out().contains("stopped; the answers given so far are written"), o.out());
        assertFalse(Files.exists(completed), "no answer given, nothing written");
    }

    @Test
    void aFileWhoseLayoutCannotBeEditedGetsItsAnswersBesideIt() throws IOException {
        Path scenario = dir.resolve("flow.yaml");
        Files.writeString(scenario, """
                id: flow-style
                title: One act written on one line
                source: "Hypothetical"
                date: 2023-06-01
                acts: [{id: share, agency: nypd, kind: share_record, recipient: fbi, information: [arrest_record], purpose: criminal_investigation}]
                """);
        String before = Files.readString(scenario);
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers("false\n").toString());
        assertEquals(2, o.exitCode(), o.out() + o.err());
        Path aside = dir.resolve("flow.yaml.answers.yaml");
        assertTrue(o.err().contains("they are in " + aside), o.err());
        assertEquals(before, Files.readString(scenario));
        assertTrue(Files.readString(aside).contains("acts[0].record_sealed: false"), Files.readString(aside));
    }
}
