package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final String GOOD = "{\"id\":\"c1\",\"date\":\"2024-06-01\",\"person\":{\"convictions\":[]},"
            + "\"request\":{\"from\":\"ice_ero\",\"instruments\":[\"detainer\"]},"
            + "\"acts\":[{\"id\":\"hold\",\"agency\":\"doc\",\"kind\":\"hold_past_release\"}]}";

    private List<String> skippedLines(Result r) {
        return r.err().lines().filter(l -> l.endsWith("(line skipped)")).toList();
    }

    /** Invalid UTF-8 on one line spoils that line only: it is reported with its number and the rest are judged. */
    @Test
    void aLineThatIsNotUtf8IsSkippedWithItsNumberAndTheRestAreJudged() throws IOException {
        Path log = dir.resolve("acts.jsonl");
        byte[] bad = GOOD.replace("c1", "c\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (var out = Files.newOutputStream(log)) {
            out.write((GOOD + "\n").getBytes());
            out.write(bad);
            out.write(("\n" + GOOD + "\n").getBytes());
        }
        Result r = main("audit", log.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        List<String> skipped = skippedLines(r);
        assertEquals(1, skipped.size(), r.err());
        assertTrue(skipped.get(0).startsWith(log + ":2: ") && skipped.get(0).contains("not UTF-8"), skipped.get(0));
        assertTrue(r.err().contains("audit: 3 lines, 2 acts judged, 1 lines skipped"), r.err());
    }

    /** A JSON line is one record, checked as strictly as a scenario file: nothing after it, no key twice. */
    @Test
    void jsonLinesRefuseTrailingTextASecondRecordAndRepeatedKeys() throws IOException {
        Path log = Files.writeString(dir.resolve("acts.jsonl"), String.join("\n",
                GOOD + " trailing words",
                GOOD + GOOD,
                GOOD.replace("\"date\":\"2024-06-01\",", "\"date\":\"2024-06-01\",\"date\":\"2013-01-01\","),
                GOOD.replace("\"kind\":\"hold_past_release\"", "\"kind\":\"hold_past_release\",\"kind\":\"notify_release\""),
                GOOD) + "\n");
        Result r = main("audit", log.toString());
        assertEquals(1, r.code(), r.err());
        List<String> skipped = skippedLines(r);
        assertEquals(List.of(log + ":1:", log + ":2:", log + ":3:", log + ":4:"),
                skipped.stream().map(l -> l.substring(0, l.indexOf(':', log.toString().length() + 1) + 1)).toList(),
                r.err());
        assertTrue(skipped.get(2).contains("date") && skipped.get(2).contains("twice"), skipped.get(2));
        assertTrue(skipped.get(3).contains("acts[0].kind"), skipped.get(3));
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("\"line\":5,"), r.out());
    }

    /**
     * A log line holds a whole case, so the scenario files' 10,000-character line limit (meant for YAML) does not fit
     * it: a line is limited like a whole scenario file. A longer one is refused with its number, and is not read into
     * memory.
     */
    @Test
    void aLongLineIsJudgedUpToTheCaseLimitAndALongerOneRefusedWithItsNumber() throws IOException {
        String longDescription = GOOD.replace("\"kind\":\"hold_past_release\"",
                "\"kind\":\"hold_past_release\",\"description\":\"" + "word ".repeat(4000) + "\"");
        String tooLong = GOOD + " ".repeat(300_000);
        Path log = Files.writeString(dir.resolve("acts.jsonl"), longDescription + "\n" + tooLong + "\n" + GOOD + "\n");
        Result r = main("audit", log.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.err());
        List<String> skipped = skippedLines(r);
        assertEquals(1, skipped.size(), r.err());
        assertTrue(skipped.get(0).startsWith(log + ":2: ") && skipped.get(0).contains("262,144 bytes"), skipped.get(0));
    }

    /**
     * What a spreadsheet saves as CSV (Excel's "CSV UTF-8": a byte-order mark, CRLF line ends, quoted names and
     * cells, a quote doubled inside a quoted cell, spaces around quoted cells) is read by Commons CSV; a row that is
     * not CSV — text after a closing quote, a quote left open — is skipped with its line, never its text.
     */
    @Test
    void aSpreadsheetsCsvIsReadAndARowThatIsNotCsvIsSkippedByLine() throws IOException {
        String rows = String.join("\r\n",
                "\uFEFF\"date\",\"agency\",\"kind\",\"act_id\",\"instruments\",\"request_from\"",
                "2024-06-01,\"nypd\",hold_past_release,\"hold, \"\"first\"\"\",detainer,ice_ero",
                "2024-06-01, \"doc\" ,transfer_custody,\"second\",\"detainer;judicial_warrant\",ice_ero",
                "2024-06-01,doc,transfer_custody,\"Jane\"Roe,detainer,ice_ero",
                "2024-06-01,doc,transfer_custody,\"Jane Roe,detainer,ice_ero",
                "") ;
        Path csv = dir.resolve("spreadsheet.csv");
        Files.write(csv, rows.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Result r = main("audit", csv.toString());

        assertEquals(1, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertEquals(2, out.size(), r.out() + r.err());
        assertTrue(out.get(0).contains("\"line\":2,\"act\":\"hold, \\\"first\\\"\""), out.get(0));
        assertTrue(out.get(1).contains("\"line\":3,\"act\":\"second\""), out.get(1));
        List<String> skipped = skippedLines(r);
        assertEquals(2, skipped.size(), r.err());
        assertTrue(skipped.get(0).startsWith(csv + ":4: not a CSV row"), skipped.get(0));
        assertTrue(skipped.get(1).startsWith(csv + ":5: not a CSV row"), skipped.get(1));
        assertFalse(r.err().contains("Jane") || r.err().contains("Roe"), r.err());
    }

    /** Audit logs hold personal data: a skipped line is reported by field and line, never by its values. */
    @Test
    void skippedLinesAreReportedWithoutTheirValues() throws IOException {
        String personal = "1961-07-04 Jane Roe";
        Path jsonl = Files.writeString(dir.resolve("acts.jsonl"), String.join("\n",
                GOOD.replace("2024-06-01", personal),
                GOOD.replace("\"doc\"", "\"Jane Roe\""),
                GOOD.replace("\"2024-06-01\"", "Jane Roe 1961"),
                "{\"date\": \"1961-07-04\", Jane Roe}",
                GOOD.replace("[]", "[{\"offense\":\"160.15\",\"judgment_date\":\"" + personal + "\"}]"),
                GOOD.replace("\"hold\",", "\"hold\",\"hold_hours\":\"" + personal + "\","),
                GOOD.replace("\"ice_ero\"", "{\"name\":\"Jane Roe\"}"),
                "[\"Jane Roe\", 1961]",
                "Jane Roe, 1961") + "\n");
        Path csv = Files.writeString(dir.resolve("acts.csv"), "date,agency,kind,current_arrest_date,court_order\n"
                + personal + ",doc,hold_past_release,,\n"
                + "2024-01-01,Jane Roe,hold_past_release,,\n"
                + "2024-01-01,doc,hold_past_release,1961-07-44,\n"
                + "2024-01-01,doc,hold_past_release,,Jane Roe 1961\n"
                + "2024-01-01,doc,\"Jane Roe, 1961\n");
        for (Path log : List.of(jsonl, csv)) {
            Result r = main("audit", log.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(skippedLines(r).size() >= 5, r.err());
            // The log's own path is named on every line, and a temporary folder's random name may hold any digits.
            String messages = r.err().replace(log.toString(), "LOG");
            for (String value : List.of("Jane", "Roe", "1961", "-44")) {
                assertFalse(messages.contains(value), "quotes '" + value + "':\n" + r.err());
            }
        }
    }

    /**
     * A huge line among valid ones, and many long lines in a row, in a small heap: before, a 19 MB line killed a
     * worker with OutOfMemoryError and the audit said "0 lines, 0 acts judged" with exit code 0 (or, with more lines
     * after it, hung); lines counted 256 to a chunk let twenty 10 MB lines fill the heap. Now the huge line is
     * refused with its number without being read into memory, chunks are bounded in bytes, and everything else is
     * judged.
     */
    @Test
    void aHugeLineAndManyLongLinesInASmallHeap() throws Exception {
        Path log = dir.resolve("mixed.jsonl");
        String longLine = GOOD + " ".repeat(200_000) + "\n"; // under the line limit, so judged
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(log), 1 << 16)) {
            for (int i = 0; i < 50; i++) {
                out.write(GOOD + "\n");
            }
            out.write(GOOD.substring(0, GOOD.length() - 1));                 // line 51: 19 MB
            out.write(",\"title\":\"" + "x".repeat(19 * 1024 * 1024) + "\"}\n");
            for (int i = 0; i < 300; i++) {
                out.write(longLine);                                         // 60 MB in 200 KB lines
            }
            for (int i = 0; i < 50; i++) {
                out.write(GOOD + "\n");
            }
        }
        Path results = dir.resolve("mixed.out.jsonl");
        Path output = dir.resolve("mixed.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", log.toString(), "--out", results.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the audit finishes (it hung before)");
        String printed = Files.readString(output);
        assertEquals(1, p.exitValue(), printed);
        assertTrue(printed.contains(log + ":51: ") && printed.contains("262,144 bytes"), printed);
        assertTrue(printed.contains("audit: 401 lines, 400 acts judged, 1 lines skipped"), printed);
        assertEquals(400, Files.readAllLines(results).size());
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
