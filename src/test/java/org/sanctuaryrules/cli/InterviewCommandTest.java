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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.settle.SettleLine;
import org.sanctuaryrules.settle.Settler;

/**
 * The interview end to end, with scripted answers: from a file, from standard input, wrong values and the end of input;
 * a records search answered with the records.
 */
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
    /** A re-entrant held 20 hours; the records search is missing, and the table turns on it first. */
    private static final String RECORDS_UNKNOWN = "detainers-nypd-48-hour-hold-records-unknown.yaml";
    private static final String RECORD = "{offense: \"160.15\", level: felony, judgment_date: 2017-03-03}";

    /** A shipped scenario copied with comments of ours (and an edit of its text), to see what is kept. */
    private Path copy(String shipped, String replace, String by) throws IOException {
        Path file = dir.resolve(shipped);
        String text = Files.readString(Path.of("scenarios", shipped));
        assertTrue(text.contains(replace), replace);
        Files.writeString(file, "# kept: a comment at the top\n" + text.replace(replace, by)
                .replace("    kind: hold_past_release\n", "    kind: hold_past_release   # kept: a comment on a line\n"));
        return file;
    }

    private static Case aCase(Path file) {
        LoadResult r = new ScenarioLoader().load(file);
        assertTrue(r.ok(), r.problems().toString());
        return r.scenario().aCase();
    }

    /** The verdict the settle table gives on the line where the records search is the sample {@code records}. */
    private static Verdict promised(Case original, String records) {
        List<SettleLine> lines = new Settler(ShippedEngine.get()).settle(original).act("hold").lines();
        return lines.stream().filter(l -> l.conditions().stream().anyMatch(c -> c.fact().equals("person.convictions")
                && c.values().contains(records))).map(SettleLine::verdict).findFirst().orElseThrow();
    }

    private static void assertCommentsKept(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.startsWith("# kept: a comment at the top\n"), text);
        assertTrue(text.contains("    kind: hold_past_release   # kept: a comment on a line\n"), text);
    }

    @Test
    void aRecordsSearchIsAskedFirstAndNoneSettlesItAsTheTablePromised() throws IOException {
        Path scenario = copy(RECORDS_UNKNOWN, "  terrorist_screening_match: false\n",
                "  terrorist_screening_match: false\n  convictions: null   # kept: the search is pending\n");
        Case original = aCase(scenario);
        assertEquals(null, original.person().convictions());
        Verdict promised = promised(original, "[] (searched, none found)");
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers("none\n").toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().startsWith("\nact hold: person.convictions?\n"), "the most decisive fact first: " + o.out());
        assertTrue(o.out().contains("  [] (searched, none found)"), "the table's samples are shown: " + o.out());
        assertTrue(o.out().contains("allowed: none or [] (searched, nothing found), or the records found"), o.out());
        assertTrue(o.out().contains("noted: person.convictions = []"), o.out());
        assertTrue(o.out().contains("verdict now: " + promised), o.out());
        assertEquals(Verdict.VIOLATION, promised, "no qualifying conviction: § 14-154(b)(2)(A) does not lift the hold");
        assertTrue(Files.readString(scenario).contains("  convictions: []   # kept: the search is pending\n"));
        assertCommentsKept(scenario);
        Case answered = aCase(scenario);
        assertEquals(List.of(), answered.person().convictions());
        assertEquals(promised, ShippedEngine.get().assess(answered).verdict());
    }

    @Test
    void aListedFelonyRecordSettlesItToTheOtherVerdictAndIsWrittenAsABlockList() throws IOException {
        Path scenario = copy(RECORDS_UNKNOWN, "title:", "title:");
        Case original = aCase(scenario);
        Verdict none = promised(original, "[] (searched, none found)");
        Verdict listed = promised(original, "[160.15 felony, judgment 2017-03-03, never incarcerated]");
        assertTrue(none != listed, none + " " + listed);
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers(RECORD + "\n").toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verdict now: " + listed), o.out());
        assertTrue(Files.readString(scenario).contains("""
                  terrorist_screening_match: false
                  convictions:
                    - offense: "160.15"
                      level: felony
                      judgment_date: 2017-03-03
                request:
                """), Files.readString(scenario));
        assertCommentsKept(scenario);
        Case answered = aCase(scenario);
        assertEquals(List.of(Conviction.builder("160.15").level(OffenseLevel.FELONY)
                .judgmentDate(LocalDate.of(2017, 3, 3)).build()), answered.person().convictions());
        assertEquals(listed, ShippedEngine.get().assess(answered).verdict());
    }

    @Test
    void aMalformedRecordIsRefusedWithoutQuotingItAndAskedAgain() throws IOException {
        Path scenario = copy(RECORDS_UNKNOWN, "title:", "title:");
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers(String.join("\n",
                "[{offense: \"zz-private-1\"",                                        // not YAML: a bracket left open
                "{offense: \"160.15\", level: zzprivate, judgment_date: 2017-03-03}", // not a level
                "{offense: \"160.15\", level: felony, judgment_date: 2019-01-01}",    // after the act (2018-03-03)
                "{offense: \"160.15\", zz-private-key: 1}",                            // not a key of a record
                "none", "")).toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertEquals(5, o.out().split("act hold: person\\.convictions\\?", -1).length - 1, "asked again: " + o.out());
        List<String> messages = Arrays.stream(o.out().split("\n")).filter(l -> l.contains("the answer for")).toList();
        assertEquals(List.of(
                "  the answer for person.convictions: person.convictions is not valid YAML",
                "  the answer for person.convictions: person.convictions[0].level is not one of the allowed values",
                "  the answer for person.convictions: person.convictions[0].judgment_date is after 2018-03-03",
                "  the answer for person.convictions: person.convictions[0] has a key that is not allowed"),
                messages.stream().map(InterviewCommandTest::head).toList());
        for (String m : messages) {
            assertTrue(m.endsWith("; asked again"), m);
            assertFalse(m.contains("zz") || m.contains("2019-01-01"), "what was typed is not quoted back: " + m);
        }
        assertTrue(messages.get(1).contains("use one of: felony, misdemeanor, violation"), messages.get(1));
        assertTrue(o.out().contains("verdict now: VIOLATION"), o.out());
        assertEquals(List.of(), aCase(scenario).person().convictions());
    }

    /** A refusal's first words: up to what it says is wrong ({@code … is not valid YAML}), without the advice after. */
    private static String head(String message) {
        for (String end : List.of("is not valid YAML", "is not one of the allowed values", "is after 2018-03-03",
                "has a key that is not allowed")) {
            int at = message.indexOf(end);
            if (at >= 0) {
                return message.substring(0, at + end.length());
            }
        }
        return message;
    }

    @Test
    void theRecordsOwnFactsAreAskedNextAndTheEndOfInputKeepsTheAnswers() throws IOException {
        // No person at all: the records go into a person: the interview adds.
        Path scenario = dir.resolve("no-search.yaml");
        Files.writeString(scenario, "# kept: a comment at the top\n"
                + Files.readString(Path.of("scenarios", "detainers-nypd-no-records-search.yaml"))
                .replace("    kind: hold_past_release\n", "    kind: hold_past_release   # kept: a comment on a line\n"));
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers(
                "false\n{offense: \"160.15\", level: felony, judgment_date: 2012-01-15}\nfalse\nnever\n").toString());
        assertEquals(1, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("act hold: person.convictions?"), o.out());
        // The judgment is over five years before the act: whether time inside carries it into the look-back is asked.
        assertTrue(o.out().contains("act hold: person.convictions[0].release_date?"), o.out());
        assertTrue(o.out().contains("noted: person.convictions[0].release_date, written as incarcerated = false"), o.out());
        assertTrue(o.out().contains("end of input: stopping; the answers given so far are written"), o.out());
        assertTrue(o.out().contains("wrote 4 answers into " + scenario), o.out());
        assertCommentsKept(scenario);
        String text = Files.readString(scenario);
        assertTrue(text.contains("""
                person:
                  terrorist_screening_match: false
                  convictions:
                    - offense: "160.15"
                      level: felony
                      judgment_date: 2012-01-15
                      incarcerated: false
                  reentered_after_removal: false
                request:
                """), text);
        Case answered = aCase(scenario);
        assertEquals(List.of(Conviction.builder("160.15").level(OffenseLevel.FELONY)
                .judgmentDate(LocalDate.of(2012, 1, 15)).incarcerated(false).build()), answered.person().convictions());
        assertEquals(Boolean.FALSE, answered.person().terroristScreeningMatch());
        assertEquals(Boolean.FALSE, answered.person().reenteredAfterRemoval());
    }

    @Test
    void recordsThatCannotBeWrittenInGoBesideTheFileAsYaml() throws IOException {
        Path scenario = copy(RECORDS_UNKNOWN, "person:\n  reentered_after_removal: true\n  terrorist_screening_match: false\n",
                "person: {reentered_after_removal: true, terrorist_screening_match: false}\n");
        String before = Files.readString(scenario);
        Cli.Outcome o = Cli.run("interview", scenario.toString(), "--answers", answers(RECORD + "\n").toString());
        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertEquals(before, Files.readString(scenario));
        JsonNode aside = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve(RECORDS_UNKNOWN + ".answers.yaml").toFile());
        JsonNode records = aside.get("person.convictions");
        assertEquals(1, records.size(), aside.toString());
        assertEquals("160.15", records.get(0).get("offense").asText());
        assertEquals("2017-03-03", records.get(0).get("judgment_date").asText());
    }
}
