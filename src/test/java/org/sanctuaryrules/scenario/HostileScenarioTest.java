package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuaryrules.engine.Problem;

/**
 * Scenario files written to break the loader. Each must come back as problems naming the file, the line and (where
 * YAML gives one) the field, on one line each, quickly — never as an exception.
 */
class HostileScenarioTest {
    private static final Duration DOES_NOT_HANG = Duration.ofSeconds(10);
    private final ScenarioLoader loader = new ScenarioLoader();

    static final String GOOD = """
            id: hostile
            title: A title
            source: a hypothetical
            date: 2024-02-01
            person:
              convictions:
                - offense: "160.15"
                  judgment_date: 2020-01-01
            acts:
              - id: hold
                agency: nypd
                kind: hold_past_release
            """;

    static Stream<Arguments> hostile() {
        return Stream.of(
                // name, text, line, field (empty: YAML gives none), words in the message
                Arguments.of("malformed flow", GOOD.replace("acts:", "acts: ["), 10, "acts", "not valid YAML"),
                Arguments.of("duplicate key", GOOD + "id: again\n", 13, "id", "appears twice"),
                Arguments.of("duplicate nested key", GOOD + "    agency: doc\n", 13, "acts[0].agency", "appears twice"),
                Arguments.of("billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c]\n", 2, "b[0]", "aliases"),
                Arguments.of("anchor on a key's value", GOOD.replace("agency: nypd", "agency: &x nypd")
                        + "    recipient: *x\n", 13, "acts[0].recipient", "aliases"),
                Arguments.of("deep block nesting", "id:\n" + deepBlock(40), 21, "id.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10."
                        + "k11.k12.k13.k14.k15.k16.k17.k18.k19", "nested more than"),
                Arguments.of("deep flow nesting", "id: " + "[".repeat(2000) + "]".repeat(2000) + "\n", 1,
                        "id" + "[0]".repeat(19),
                        "nested more than"),
                Arguments.of("one enormous line", "id: " + "x".repeat(200_000) + "\n", 1, "", "longer than"),
                Arguments.of("control characters", "\u0000\u0001junk\u001b[31m\n", 1, "", "cannot appear in a YAML file"),
                Arguments.of("a NUL further down", GOOD + "    place: \u0000\n", 13, "", "U+0000 cannot appear"),
                Arguments.of("escape sequence in an id", GOOD.replace("id: hold", "id: \"ho\\u001b[2Jld\""), 10,
                        "acts[0].id", "control character U+001B"),
                Arguments.of("line break in an id", GOOD.replace("id: hold", "id: \"ho\\nld\""), 10,
                        "acts[0].id", "control character U+000A"),
                Arguments.of("bidi override in a title", GOOD.replace("A title", "\"A \\u202Eeltit\""), 2,
                        "title", "control character U+202E"),
                Arguments.of("list for text", GOOD.replace("id: hostile", "id: [a, b]"), 1, "id", "expected a single text"),
                Arguments.of("number for list", GOOD.substring(0, GOOD.indexOf("acts:")) + "acts: 5\n", 9, "acts", "expected a list"),
                Arguments.of("text for a number", GOOD + "    hold_hours: many\n", 13, "acts[0].hold_hours",
                        "not a whole number"),
                Arguments.of("number too large", GOOD + "    hold_hours: 99999999999999999999999\n", 13,
                        "acts[0].hold_hours", "whole number"),
                Arguments.of("negative hours", GOOD + "    hold_hours: -3\n", 13, "acts[0].hold_hours", "zero or more"),
                Arguments.of("unknown enum value", GOOD.replace("agency: nypd", "agency: cia"), 11, "acts[0].agency",
                        "use one of: nypd"),
                Arguments.of("enum as mapping", GOOD.replace("kind: hold_past_release", "kind: {a: 1}"), 12,
                        "acts[0].kind", "one of"),
                Arguments.of("empty enum", GOOD.replace("agency: nypd", "agency:"), 11, "acts[0].agency", "is empty"),
                Arguments.of("impossible date", GOOD.replace("2024-02-01", "2025-02-30"), 4, "date",
                        "not a real calendar date"),
                Arguments.of("timestamp for a date", GOOD.replace("2024-02-01", "2024-02-01T10:00:00Z"), 4, "date",
                        "not a date"),
                Arguments.of("number for a date", GOOD.replace("2024-02-01", "20240201"), 4, "date", "not a date"),
                Arguments.of("year 3000", GOOD.replace("2024-02-01", "3000-01-01"), 4, "date", "outside"),
                Arguments.of("conviction after the act", GOOD.replace("2020-01-01", "2025-01-01"), 8,
                        "person.convictions[0].judgment_date", "after the date of acts[0]"),
                Arguments.of("tab indentation", GOOD.replace("  - id: hold", "\t- id: hold"), 10, "acts", "TAB"),
                Arguments.of("a second document", GOOD + "---\nid: two\n", 14, "", "second YAML document"),
                Arguments.of("a list at the top", "- id: x\n", 1, "", "must be a mapping"),
                Arguments.of("complex key", "? [a, b]\n: c\n", 1, "", "plain name"),
                Arguments.of("merge key", GOOD + "    <<: {agency: doc}\n", 13, "acts[0].<<", "unknown key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void eachHostileInputIsOneProblemWithFileLineAndField(String name, String text, int line, String field,
                                                           String words) {
        LoadResult result = assertTimeoutPreemptively(DOES_NOT_HANG, () -> loader.parse("hostile.yaml", text));
        assertFalse(result.ok(), name + " loaded");
        Problem first = result.problems().get(0);
        assertEquals(1, result.problems().size(), result.problems()::toString);
        assertEquals("hostile.yaml", first.file());
        assertEquals(line, first.line(), first::toString);
        assertEquals(field, first.field(), first::toString);
        assertTrue(first.message().contains(words), first::toString);
        assertEquals(1, first.toString().lines().count(), "one line: " + first);
        assertTrue(first.toString().chars().noneMatch(c -> c < 0x20), "no control characters: " + first);
    }

    /** The format allows true and false for a true/false field; YAML 1.1 words and Jackson's coercions are refused. */
    @ParameterizedTest(name = "court_order: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"5", "-1", "0", "1", "1.5", "yes", "no", "on", "off",
            "y", "\"true\"", "'false'", "True", "FALSE", "[true]"})
    void onlyTrueAndFalseAreTrueOrFalse(String value) {
        LoadResult result = loader.parse("bool.yaml", GOOD + "    court_order: " + value + "\n");
        assertFalse(result.ok(), value + " was read as " + (result.ok()
                ? result.scenario().aCase().acts().get(0).courtOrder() : null));
        Problem p = result.problems().get(0);
        assertEquals(1, result.problems().size(), result.problems()::toString);
        assertEquals(13, p.line(), p::toString);
        assertEquals(18, p.column(), p::toString);
        assertEquals("acts[0].court_order", p.field());
        assertTrue(p.message().contains("true or false"), p::toString);
    }

    @Test
    void trueFalseAndEmptyAreRead() {
        LoadResult result = loader.parse("bool.yaml", GOOD + "    court_order: true\n    record_sealed: false\n"
                + "    agreement:\n");
        assertTrue(result.ok(), result.problems()::toString);
        var act = result.scenario().aCase().acts().get(0);
        assertEquals(Boolean.TRUE, act.courtOrder());
        assertEquals(Boolean.FALSE, act.recordSealed());
        assertNull(act.agreement());
    }

    /**
     * YAML 1.1 counts U+0085, U+2028 and U+2029 as line breaks; editors do not. A mistake after one must be reported
     * on the line an editor shows, and one in a comment must change nothing.
     */
    @ParameterizedTest(name = "U+{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2028", "2029", "0085"})
    void unicodeLineSeparatorsNeitherShiftLinesNorBreakComments(String hex) {
        String separator = String.valueOf((char) Integer.parseInt(hex, 16));
        String commented = GOOD.replace("title: A title", "title: A title   # a note" + separator + "with: more");
        LoadResult inComment = loader.parse("sep.yaml", commented);
        assertTrue(inComment.ok(), inComment.problems()::toString);
        assertEquals("A title", inComment.scenario().title());

        Problem later = onlyProblem(commented.replace("agency: nypd", "agency: cia"));
        assertEquals(11, later.line(), "the line editors show: " + later);
        assertEquals("acts[0].agency", later.field());

        Problem inValue = onlyProblem(GOOD.replace("source: a hypothetical", "source: a" + separator + "hypothetical"));
        assertEquals(3, inValue.line(), inValue::toString);
        assertEquals("source", inValue.field(), inValue::toString);
        assertTrue(inValue.message().contains("U+" + hex), inValue::toString);
    }

    /**
     * Scenario files and audit logs hold personal data: a message names the field and the line, never the value
     * (a misplaced name or birth date would otherwise end up in terminals, CI logs and tickets).
     */
    @Test
    void messagesNameTheFieldAndLineButNeverQuoteTheValue() {
        String text = """
                id: personal
                title: A title
                source: a hypothetical
                date: 1961-07-04 Jane Roe
                person:
                  roles: [Jane Roe]
                  terrorist_screening_match: Jane Roe
                  current_arrest_date: 1961-07-44
                  convictions:
                    - offense: "160.15"
                      judgment_date: 2099-07-04
                      level: Jane Roe
                request: { from: Jane Roe, instruments: [Roe] }
                acts:
                  - id: Jane-Roe-1961
                    agency: Jane Roe
                    kind: hold_past_release
                    date: 1861-07-04
                    hold_hours: -1961
                  - id: Jane-Roe-1961
                    agency: nypd
                    kind: Jane Roe 1961
                    date: 2024-01-01
                    hold_hours: 1961 Jane Roe
                    court_order: 1961
                """;
        List<Problem> problems = loader.parse("personal.yaml", text).problems();
        assertTrue(problems.size() >= 12, problems::toString);
        for (Problem p : problems) {
            assertTrue(p.line() > 0, p::toString);
            for (String personal : List.of("Jane", "Roe", "1961", "1861", "2099", "-44")) {
                assertFalse(p.message().contains(personal), "the message quotes '" + personal + "': " + p);
            }
        }
    }

    private Problem onlyProblem(String text) {
        LoadResult result = loader.parse("hostile.yaml", text);
        assertEquals(1, result.problems().size(), result.problems()::toString);
        return result.problems().get(0);
    }

    @Test
    void anEmptyValueIsNotGivenRatherThanEmptyText() {
        LoadResult result = loader.parse("empty.yaml", GOOD + "    mayoral_order:\n    description: \"\"\n");
        assertTrue(result.ok(), result.problems()::toString);
        assertNull(result.scenario().aCase().acts().get(0).mayoralOrder());
        assertNull(result.scenario().aCase().acts().get(0).description());
    }

    @Test
    void anEmptyRequiredTextIsAnError() {
        LoadResult result = loader.parse("empty.yaml", GOOD.replace("id: hold", "id:"));
        assertEquals(List.of("acts[0].id"), result.problems().stream().map(Problem::field).toList());
        assertTrue(result.problems().get(0).message().startsWith("is empty"));
    }

    @Test
    void aHundredMegabyteFileIsRefusedBySizeWithoutBeingRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024); // sparse: costs no disk and no time to make
        }
        LoadResult result = assertTimeoutPreemptively(DOES_NOT_HANG, () -> loader.load(huge));
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("104857600 bytes"), result.problems()::toString);
    }

    @Test
    void bytesThatAreNotUtf8AreOneProblem(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[4096];
        new Random(5).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.yaml"), junk);
        List<Problem> problems = loader.load(file).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("not UTF-8"), problems::toString);
    }

    @Test
    void aFileNearTheSizeCapLoadsInBoundedTime() {
        StringBuilder text = new StringBuilder(GOOD);
        for (int i = 0; text.length() < 250_000; i++) {
            text.append("  - {id: act-").append(i).append(", agency: nypd, kind: notify_release}\n");
        }
        LoadResult result = assertTimeoutPreemptively(DOES_NOT_HANG, () -> loader.parse("big.yaml", text.toString()));
        assertTrue(result.ok(), result.problems()::toString);
    }

    @Test
    void thousandsOfMistakesAreCutShort() {
        StringBuilder text = new StringBuilder(GOOD);
        for (int i = 0; i < 10_000; i++) {
            text.append("unknown_").append(i).append(": x\n");
        }
        List<Problem> problems = assertTimeoutPreemptively(DOES_NOT_HANG,
                () -> loader.parse("many.yaml", text.toString()).problems());
        assertEquals(ScenarioYaml.MAX_PROBLEMS + 1, problems.size());
        assertTrue(problems.get(problems.size() - 1).message().contains("not shown"), problems.get(50)::toString);
    }

    @Test
    void theModelHasNoAgeOrBirthDateToValidate() {
        // The brief asks for negative ages to be refused; the scenario format records no age or date of birth
        // (see docs/security.md). If one is added, validate it in ScenarioConverter and extend this test.
        List<String> personKeys = UnknownKeys.keysOf(ScenarioDocument.PersonDoc.class);
        assertTrue(personKeys.stream().noneMatch(k -> k.contains("age") || k.contains("birth")), personKeys::toString);
    }

    private static String deepBlock(int levels) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            text.append("  ".repeat(i)).append('k').append(i).append(":\n");
        }
        return text.toString();
    }
}
