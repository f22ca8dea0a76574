package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The command line over the corpus of hostile scenario files plus one good file: one diagnostic line per bad file,
 * each with file and line, no stack trace, exit code 2 — and the good file is still judged.
 */
class HostileCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/hostile-scenarios");
    private static final Path GOOD = Path.of("scenarios/access-4-210-courthouse.yaml");

    @Test
    void everyBadFileIsOneLineAndTheGoodOneIsStillJudged() throws IOException {
        List<Path> bad;
        try (Stream<Path> files = Files.list(CORPUS)) {
            bad = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(bad.size() >= 10, "corpus too small: " + bad);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.execute(
                new String[] {"run", CORPUS.toString(), GOOD.toString()}, new PrintWriter(out), new PrintWriter(err)));

        assertEquals(2, code, err::toString);
        List<String> lines = err.toString().lines().toList();
        assertEquals(bad.size(), lines.size(), err::toString);
        for (Path file : bad) {
            long mentions = lines.stream().filter(l -> l.matches("\\Q" + file + "\\E:[1-9]\\d*(:\\d+)?: error: .*")).count();
            assertEquals(1, mentions, () -> file + " should have one error line with a line number:\n" + err);
        }
        assertFalse(err.toString().contains("Exception"), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
        assertTrue(err.toString().chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control characters reach the terminal");
        assertTrue(out.toString().contains("PASS  access-4-210-courthouse"), out::toString);
    }
}
