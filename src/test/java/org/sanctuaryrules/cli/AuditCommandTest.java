package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void generatesThenAuditsACsvLogToAFileWithTheSummaryOnStdout() throws IOException {
        Path log = dir.resolve("acts.csv");
        Path results = dir.resolve("results.jsonl");
        assertEquals(0, main("audit-gen", "--lines", "300", "--seed", "4", log.toString()).code());
        assertEquals(301, Files.readAllLines(log).size(), "a header and 300 rows");

        Result r = main("audit", log.toString(), "--out", results.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(300, Files.readAllLines(results).size());
        assertTrue(r.out().startsWith("audit: 300 lines, 300 acts judged, 0 lines skipped"), r.out());
        assertTrue(r.out().contains("by agency:") && r.out().contains("worst cases:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void malformedLinesGoToStderrWithFileLineAndFieldAndExitOne() throws IOException {
        Path log = dir.resolve("acts.jsonl");
        assertEquals(0, main("audit-gen", "--lines", "40", "--malformed-every", "20", log.toString()).code());
        Result r = main("audit", log.toString());
        assertEquals(1, r.code());
        assertEquals(38, r.out().lines().count(), "results on stdout, one per judged act");
        List<String> errors = r.err().lines().filter(l -> l.contains("(line skipped)")).toList();
        assertEquals(List.of(log + ":20: acts[0].agency: ", log + ":40: acts[0].agency: "),
                errors.stream().map(l -> l.substring(0, l.indexOf(": ", l.indexOf("agency")) + 2)).toList());
        assertTrue(r.err().contains("audit: 40 lines, 38 acts judged, 2 lines skipped"), "summary on stderr");
    }

    @Test
    void aMissingFileOrBadHeaderIsExitTwo() throws IOException {
        assertEquals(2, main("audit", dir.resolve("none.jsonl").toString()).code());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "date,agency,kind,full_name\n2024-01-01,doc,hold_past_release,Jane Doe\n");
        Result r = main("audit", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(":1: unknown column 'full_name'"), r.err());
    }

    /**
     * Constant memory: 20,000 lines in a separate JVM limited to 128 MB heap (the engine alone needs most of it).
     * The million-line run under -Xmx256m is in docs/performance.md; it takes minutes, too long for a unit test.
     */
    @Test
    void auditsInASmallHeap() throws Exception {
        Path log = dir.resolve("big.jsonl");
        Path results = dir.resolve("big.out.jsonl");
        assertEquals(0, main("audit-gen", "--lines", "20000", "--seed", "9", log.toString()).code());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", log.toString(), "--out", results.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("big.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the audit finishes");
        String output = Files.readString(dir.resolve("big.log"));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("audit: 20,000 lines, 20,000 acts judged, 0 lines skipped"), output);
        try (var lines = Files.lines(results)) {
            assertEquals(20000, lines.count());
        }
    }
}
