package org.sanctuaryrules.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Agency;

class AuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"id\":\"c1\",\"date\":\"2024-06-01\",\"person\":{\"convictions\":[]},"
            + "\"request\":{\"from\":\"ice_ero\",\"instruments\":[\"detainer\"]},"
            + "\"acts\":[{\"id\":\"hold\",\"agency\":\"doc\",\"kind\":\"hold_past_release\"}]}";

    /** What one audit printed and summed up. */
    record Run(List<String> out, List<LineOutcome> skipped, AuditSummary summary) {
        List<JsonNode> records() {
            return out.stream().map(AuditTest::read).toList();
        }
    }

    /** One time for every audit of these tests, so that runs compare line by line. */
    static final java.time.Instant AUDIT_TIME = java.time.Instant.parse("2026-12-02T01:00:00Z");

    static Run audit(String log, LineParser parser, long firstLine, int threads) throws IOException {
        StringWriter out = new StringWriter();
        List<LineOutcome> skipped = new ArrayList<>();
        AuditSummary summary;
        try {
            summary = new Auditor(ShippedEngine.get(), threads, null, AUDIT_TIME).run(input(log, firstLine), parser, out, skipped::add,
                    Progress.NONE);
        } catch (AuditStopped e) {
            throw new AssertionError(e);
        }
        List<String> lines = out.toString().lines().toList();
        return new Run(lines, skipped, summary);
    }

    static LogReader input(String log, long firstLine) {
        return new LogReader(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), firstLine);
    }

    static LogReader input(String log) {
        return input(log, 1);
    }

    static String generate(LogFormat format, int lines, long seed, int malformedEvery) throws IOException {
        StringWriter w = new StringWriter();
        new SyntheticLog(seed, malformedEvery).write(format, lines, w);
        return w.toString();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndFieldAndTheRestAreJudged() throws IOException {
        String log = String.join("\n", GOOD,
                "{\"id\": \"c2\", oops",                                         // 2: not JSON
                GOOD.replace("\"doc\"", "\"police\""),                          // 3: bad agency
                "",                                                             // 4: blank, ignored
                "[1, 2]",                                                       // 5: not an object
                GOOD.replace("\"2024-06-01\"", "\"2024-02-30\""),               // 6: no such date
                GOOD.replace("\"hold\"", "\"hold2\""));                        // 7: fine
        Run run = audit(log, new JsonlParser(), 1, 2);

        assertEquals(List.of(2L, 3L, 5L, 6L), run.skipped().stream().map(LineOutcome::line).toList());
        LineOutcome badAgency = run.skipped().get(1);
        assertEquals("acts[0].agency", badAgency.field());
        assertFalse(badAgency.problem().contains("police"), "no value quoted: " + badAgency.problem());
        assertEquals("date", run.skipped().get(3).field());
        assertTrue(run.skipped().get(0).problem().startsWith("not JSON"), run.skipped().get(0).problem());

        List<JsonNode> records = run.records();
        assertEquals(List.of(1L, 7L), records.stream().map(r -> r.get("line").asLong()).toList());
        assertEquals(List.of("hold", "hold2"), records.stream().map(r -> r.get("act").asText()).toList());
        assertEquals("VIOLATION", records.get(0).get("verdict").asText());
        assertEquals(ShippedEngine.get().ruleSet().version(), records.get(0).at("/rule_set/version").asText());
        assertEquals("NOT_ADDRESSED", records.get(0).get("policy").asText());
        assertEquals(6, run.summary().lines(), "blank lines are not counted");
        assertEquals(4, run.summary().skipped());
        assertEquals(2, run.summary().acts());
    }

    @Test
    void outputCarriesNoPersonalDataOnlyTheDecisionsFields() throws IOException {
        Run run = audit(generate(LogFormat.JSONL, 200, 5, 0), new JsonlParser(), 1, 2);
        assertEquals(200, run.out().size());
        StringBuilder acts = new StringBuilder();
        for (JsonNode r : run.records()) {
            List<String> keys = new ArrayList<>();
            r.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("format_version", "tool", "rule_set", "as_of", "decided_at", "line", "act", "verdict",
                    "policy", "provisions", "input_sha256"), keys);
            // What the audit as a whole states (its time, its rules) is not about the person; the rest must not be.
            ObjectNode act = r.deepCopy();
            act.remove(List.of("decided_at", "tool", "rule_set"));
            acts.append(act).append('\n');
        }
        String all = acts.toString();
        for (String personal : List.of("convictions", "judgment_date", "current_arrest_date", "roles", "date")) {
            assertFalse(all.contains(personal), personal);
        }
        assertFalse(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(all).find(), "no date leaks through");
    }

    @Test
    void csvAndJsonLinesGiveTheSameVerdicts() throws IOException {
        String jsonl = generate(LogFormat.JSONL, 600, 11, 0);
        String csv = generate(LogFormat.CSV, 600, 11, 0);
        Run fromJson = audit(jsonl, new JsonlParser(), 1, 2);
        String header = csv.substring(0, csv.indexOf('\n'));
        Run fromCsv = audit(csv.substring(csv.indexOf('\n') + 1), CsvParser.forHeader(header), 2, 2);

        assertEquals(List.of(), fromJson.skipped());
        assertEquals(List.of(), fromCsv.skipped());
        assertEquals(600, fromCsv.out().size());
        for (int i = 0; i < 600; i++) {
            JsonNode j = fromJson.records().get(i);
            JsonNode c = fromCsv.records().get(i);
            assertEquals(j.get("line").asLong() + 1, c.get("line").asLong(), "the CSV header is line 1");
            assertEquals(j.get("act"), c.get("act"));
            assertEquals(j.get("verdict"), c.get("verdict"), "line " + j.get("line"));
            assertEquals(j.get("provisions"), c.get("provisions"), "line " + j.get("line"));
        }
        Set<String> verdicts = new java.util.HashSet<>();
        fromJson.records().forEach(r -> verdicts.add(r.get("verdict").asText()));
        assertEquals(Set.of("COMPLIANT", "INDETERMINATE", "VIOLATION"), verdicts, "the generator exercises every verdict");
    }

    @Test
    void malformedCsvRowsNameTheProblem() throws IOException {
        String header = String.join(",", CsvColumns.names());
        String csv = generate(LogFormat.CSV, 3, 2, 0);
        List<String> rows = new ArrayList<>(csv.lines().skip(1).toList());
        rows.add("c9,2024-01-01,a9,doc");                                   // line 5: too few cells
        rows.add(rows.get(0).replaceFirst(",a1,[a-z_]+,", ",a1,police,"));  // line 6: bad agency
        rows.add("\"unclosed," + rows.get(0));                             // line 7: open quote
        Run run = audit(String.join("\n", rows), CsvParser.forHeader(header), 2, 1);

        assertEquals(List.of(5L, 6L, 7L), run.skipped().stream().map(LineOutcome::line).toList());
        assertTrue(run.skipped().get(0).problem().contains("cells"), run.skipped().get(0).problem());
        assertEquals("acts[0].agency", run.skipped().get(1).field());
        assertEquals(3, run.out().size());
    }

    @Test
    void anUnknownCsvColumnIsRejectedUpFront() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsvParser.forHeader("date,agency,kind,name"));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void theSummaryAddsUpToTheOutput() throws IOException {
        Run run = audit(generate(LogFormat.JSONL, 1000, 3, 100), new JsonlParser(), 1, 2);
        AuditSummary s = run.summary();
        assertEquals(1000, s.lines());
        assertEquals(10, s.skipped(), "every 100th line is spoiled");
        assertEquals(990, s.acts());
        assertEquals(990, run.out().size());

        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        Map<String, Long> byProvision = new java.util.TreeMap<>();
        for (JsonNode r : run.records()) {
            byVerdict.merge(Verdict.valueOf(r.get("verdict").asText()), 1L, Long::sum);
            r.get("provisions").forEach(p -> byProvision.merge(p.asText(), 1L, Long::sum));
        }
        long agencyTotal = 0;
        for (Verdict v : Verdict.values()) {
            assertEquals(byVerdict.getOrDefault(v, 0L), s.count(v), v.toString());
            for (Agency a : Agency.values()) {
                agencyTotal += s.count(a, v);
            }
        }
        assertEquals(990, agencyTotal);
        assertEquals(byProvision, s.byProvision());

        List<AuditedAct> worst = s.worst();
        assertEquals(AuditSummary.WORST, worst.size());
        assertTrue(worst.stream().allMatch(a -> a.verdict() == Verdict.VIOLATION));
        int most = run.records().stream().filter(r -> r.get("verdict").asText().equals("VIOLATION"))
                .mapToInt(r -> r.get("provisions").size()).max().orElseThrow();
        assertEquals(most, worst.get(0).provisions().size(), "the worst case has the most violated provisions");
    }

    /** A parser that fails as a worker can fail beyond a bad line: with an Error (here, out of memory) on one line. */
    private static final class FailingOn extends LineParser {
        private final long badLine;
        private final JsonlParser json = new JsonlParser();

        FailingOn(long badLine) {
            this.badLine = badLine;
        }

        @Override
        public Parsed parse(long lineNumber, String text) {
            if (lineNumber == badLine) {
                throw new OutOfMemoryError("simulated");
            }
            return json.parse(lineNumber, text);
        }
    }

    /**
     * A worker that dies must fail the audit, naming the line, never end as a success with lines silently lost, and
     * never leave the reader waiting for a chunk that will not come. What was written stays valid and in order: every
     * line before the failure, nothing after it.
     */
    @Test
    void aWorkerFailureStopsTheAuditAtItsLineWithTheLinesBeforeItWritten() throws Exception {
        String log = generate(LogFormat.JSONL, 1000, 8, 0);
        for (int threads : new int[] {1, 2}) {
            StringWriter out = new StringWriter();
            AuditStopped stopped = assertTimeoutPreemptively(java.time.Duration.ofMinutes(3), () ->
                    org.junit.jupiter.api.Assertions.assertThrows(AuditStopped.class, () ->
                            new Auditor(ShippedEngine.get(), threads, null, AUDIT_TIME).run(input(log), new FailingOn(700), out,
                                    s -> { }, Progress.NONE)));
            assertEquals(700, stopped.line());
            assertTrue(stopped.getMessage().contains("out of memory"), stopped.getMessage());
            List<Long> written = out.toString().lines().map(l -> read(l).get("line").asLong()).toList();
            assertEquals(java.util.stream.LongStream.rangeClosed(1, 699).boxed().toList(), written,
                    "lines 1-699 written, in order, and nothing after the failure");
            assertEquals(699, stopped.summary().acts());
        }
    }

    @Test
    void outputIsInLineOrderWhateverTheNumberOfThreads() throws IOException {
        String log = generate(LogFormat.JSONL, 1500, 21, 50);
        Run one = audit(log, new JsonlParser(), 1, 1);
        Run two = audit(log, new JsonlParser(), 1, 2);
        assertEquals(one.out(), two.out());
        assertEquals(one.skipped(), two.skipped());
        List<Long> lines = two.records().stream().map(r -> r.get("line").asLong()).toList();
        List<Long> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        assertEquals(sorted, lines);
    }
}
