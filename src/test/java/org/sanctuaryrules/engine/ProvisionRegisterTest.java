package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The provision register gets the scenario files' treatment: strict types, limits, file:line:column. */
class ProvisionRegisterTest {
    private static final String GOOD = """
            # a register
            - id: P-1
              citation: "Test § 1"
              title: a test provision
              from: 2014-12-14
              unverified: false
              note: a note
            - id: P-2
              citation: "Test § 2"
              from: 2000-01-01
              to: 2010-12-31
            """;

    private static List<Problem> problems(String yaml) {
        List<Problem> problems = new ArrayList<>();
        ProvisionRegister.parse("rules/provisions.yaml", yaml, problems);
        return problems;
    }

    @Test
    void aWellFormedRegisterReadsWithoutProblems() {
        List<Problem> problems = new ArrayList<>();
        ProvisionRegister register = ProvisionRegister.parse("p.yaml", GOOD, problems);
        assertEquals(List.of(), problems);
        Provision p1 = register.find("P-1").orElseThrow();
        assertEquals(LocalDate.of(2014, 12, 14), p1.from());
        assertEquals("a note", p1.note());
        assertFalse(p1.unverified());
        assertEquals(LocalDate.of(2010, 12, 31), register.find("P-2").orElseThrow().to());
    }

    @Test
    void theShippedRegisterReadsWithoutProblems() throws IOException {
        List<Problem> problems = new ArrayList<>();
        ProvisionRegister register = ProvisionRegister.parse("rules/provisions.yaml",
                Files.readString(Path.of("rules/provisions.yaml")), problems);
        assertEquals(List.of(), problems);
        assertTrue(register.all().size() >= 30, register.all()::toString);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // name, register, line, column, field, words in the message
                Arguments.of("a number for a date (not a day count)", GOOD.replace("from: 2014-12-14", "from: 20141214"),
                        5, 9, "[0].from", "a number is not read as a date"),
                Arguments.of("year 0000", GOOD.replace("2014-12-14", "0000-12-14"), 5, 9, "[0].from", "outside 1900–2100"),
                Arguments.of("year 9999", GOOD.replace("2010-12-31", "9999-12-31"), 11, 7, "[1].to", "outside 1900–2100"),
                Arguments.of("a timestamp", GOOD.replace("2014-12-14", "2014-12-14T10:00:00Z"), 5, 9, "[0].from",
                        "no time of day"),
                Arguments.of("no such day", GOOD.replace("2014-12-14", "2014-02-30"), 5, 9, "[0].from",
                        "not a real calendar date"),
                Arguments.of("a second document", GOOD + "---\n- id: P-3\n", 13, 1, "", "second YAML document"),
                Arguments.of("a provision without an id", GOOD.replace("- id: P-2\n  citation", "- citation"), 8, 3,
                        "[1]", "has no id"),
                Arguments.of("an empty id", GOOD.replace("id: P-2", "id:"), 8, 6, "[1].id", "is empty"),
                Arguments.of("yes for true/false", GOOD.replace("unverified: false", "unverified: yes"), 6, 15,
                        "[0].unverified", "expected true or false"),
                Arguments.of("1 for true/false", GOOD.replace("unverified: false", "unverified: 1"), 6, 15,
                        "[0].unverified", "expected true or false"),
                Arguments.of("a number for an id", GOOD.replace("id: P-2", "id: 2024"), 8, 7, "[1].id", "quote it"),
                Arguments.of("an unknown key", GOOD.replace("  note: a note", "  notes: a note"), 7, 3, "[0].notes",
                        "unknown key"),
                Arguments.of("a repeated key", GOOD.replace("  note: a note", "  note: a note\n  note: again"), 8, 0,
                        "", "appears twice"),
                Arguments.of("an id listed twice", GOOD.replace("id: P-2", "id: P-1"), 8, 7, "P-1", "listed twice"),
                Arguments.of("ends before it starts", GOOD.replace("2010-12-31", "1999-12-31"), 11, 7, "P-2.to",
                        "ends before it starts"),
                Arguments.of("an alias", GOOD.replace("from: 2000-01-01", "from: *d").replace("from: 2014-12-14",
                        "from: &d 2014-12-14"), 10, 9, "[1].from", "aliases"),
                Arguments.of("a mapping at the top", "id: P-1\ncitation: x\n", 1, 1, "", "must be a list"),
                Arguments.of("an empty file", "# nothing\n", 0, 0, "", "empty"),
                Arguments.of("a note too long", GOOD.replace("note: a note", "note: " + "n".repeat(5000)), 7, 9,
                        "[0].note", "at most 4000"),
                Arguments.of("control characters", GOOD.replace("title: a test provision", "title: \"a \\u001b[2J\""),
                        4, 10, "[0].title", "control character U+001B"),
                Arguments.of("binary that is UTF-8", GOOD + "\u0000\u0001\u0002", 12, 1, "", "not text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void eachMistakeIsOneErrorAtItsPlace(String name, String yaml, int line, int column, String field, String words) {
        List<Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems::toString);
        Problem p = problems.get(0);
        assertEquals("rules/provisions.yaml", p.file());
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals(line, p.line(), p::toString);
        if (column > 0) {
            assertEquals(column, p.column(), p::toString);
        }
        assertEquals(field, p.field(), p::toString);
        assertTrue(p.message().contains(words), p::toString);
    }

    @Test
    void aSeparatorInACommentChangesNothingAndLinesStayTheEditors() {
        String yaml = GOOD.replace("# a register", "# a register\u2028with: more");
        assertEquals(List.of(), problems(yaml));
        Problem p = problems(yaml.replace("2010-12-31", "2010-13-31")).get(0);
        assertEquals(11, p.line(), p::toString);
    }

    private static Path ruleDir(Path dir, byte[] register) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("src/test/resources/test-rules/test.drl"), rules.resolve("test.drl"));
        Files.copy(Path.of("src/test/resources/test-rules/violent-or-serious-felonies.csv"),
                rules.resolve("violent-or-serious-felonies.csv"));
        Files.write(rules.resolve("provisions.yaml"), register);
        return rules;
    }

    @Test
    void aBinaryRegisterIsAnErrorWithFileAndLine(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[2048];
        new Random(7).nextBytes(junk);
        byte[] register = (GOOD + "- id: P-3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[register.length + junk.length];
        System.arraycopy(register, 0, both, 0, register.length);
        System.arraycopy(junk, 0, both, register.length, junk.length);
        Path rules = ruleDir(dir, both);

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(rules));
        Problem p = e.problems().get(0);
        assertEquals(rules.resolve("provisions.yaml").toString(), p.file());
        assertEquals(13, p.line(), p::toString);
        assertTrue(p.column() > 0, p::toString);
        assertTrue(p.message().contains("not UTF-8"), p::toString);
    }

    @Test
    void aSixtyMegabyteRegisterIsRefusedBySizeWithoutBeingRead(@TempDir Path dir) throws IOException {
        Path rules = ruleDir(dir, GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (RandomAccessFile file = new RandomAccessFile(rules.resolve("provisions.yaml").toFile(), "rw")) {
            file.setLength(60L * 1024 * 1024); // a 60 MB note, as far as the size goes; sparse, so cheap to make
        }
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(rules));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        Problem p = e.problems().get(0);
        assertEquals(rules.resolve("provisions.yaml").toString(), p.file());
        assertTrue(p.message().contains("62914560 bytes") && p.message().contains("1024 KB"), p::toString);
    }
}
