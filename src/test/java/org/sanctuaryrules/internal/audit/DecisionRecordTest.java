package org.sanctuaryrules.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.cli.Main;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.scenario.CanonicalInput;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;

class DecisionRecordTest {
    /** Every value here is a fact about the person or free text that could name one; none may reach the record. */
    private static final List<String> PERSONAL = List.of("Seed report about Jane Roe", "Jane Roe at 12 Main St",
            "PL 120.05", "2021-03-01", "2023-06-30", "2024-01-27", "160.10", "robbery of a bodega on Main St",
            "held overnight, family waiting", "ARRESTEE", "arrestee");

    private static final String SCENARIO = """
            id: decision-record
            title: "Jane Roe at 12 Main St"
            source: "Seed report about Jane Roe"
            date: 2024-02-01
            person:
              roles: [arrestee]
              convictions:
                - offense: "160.10"
                  level: felony
                  judgment_date: 2021-03-01
                  release_date: 2023-06-30
                  description: robbery of a bodega on Main St
              pending_charges: ["PL 120.05"]
              current_arrest_date: 2024-01-27
            request:
              from: ice_ero
              instruments: [detainer]
            acts:
              - id: hold
                agency: nypd
                kind: hold_past_release
                description: held overnight, family waiting
            """;

    private static final DecisionRecord.Context CONTEXT = new DecisionRecord.Context("shipped rules", null,
            java.time.Instant.parse("2026-12-02T01:30:00.123456Z"));

    @TempDir
    Path dir;

    @Test
    void theRecordCarriesTheDecisionAndNoPersonalData() throws IOException {
        Scenario scenario = load(SCENARIO);
        Assessment assessment = ShippedEngine.get().assess(scenario.aCase());
        DecisionRecord record = DecisionRecord.of(scenario, assessment, CONTEXT);
        String line = new DecisionLog().line(record);

        assertEquals(assessment.verdict(), record.verdict());
        assertEquals(assessment.ruleSetVersion(), record.ruleSet().version());
        assertEquals(64, record.inputSha256().length());
        assertFalse(record.acts().get(0).findings().isEmpty());
        assertEquals(1, line.lines().count());
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> provisions = json.at("/acts/0/findings").findValuesAsText("provision");
        assertTrue(provisions.contains("AC-14-154-b1"), line);
        for (String value : PERSONAL) {
            assertFalse(line.contains(value), () -> "'" + value + "' leaked into " + line);
        }
    }

    @Test
    void theRecordSaysWhenByWhichBuildAndUnderWhichDaysLaw() throws IOException {
        Scenario scenario = load(SCENARIO);
        LocalDate asOf = LocalDate.of(2013, 6, 1);
        DecisionRecord own = DecisionRecord.of(scenario, ShippedEngine.get().assess(scenario.aCase()), CONTEXT);
        DecisionRecord past = DecisionRecord.of(scenario, ShippedEngine.get().assess(scenario.aCase(), asOf),
                new DecisionRecord.Context("shipped rules", asOf, CONTEXT.decidedAt()));
        assertNotEquals(own.verdict(), past.verdict(), "the 2013 law did not yet forbid this hold");
        assertEquals(own.inputSha256(), past.inputSha256(), "the same input");

        JsonNode json = new ObjectMapper().readTree(new DecisionLog().line(past));
        assertEquals(1, json.get("format_version").asInt());
        assertEquals("2013-06-01", json.get("as_of").asText());
        assertEquals("2026-12-02T01:30:00.123Z", json.get("decided_at").asText());
        assertEquals("shipped rules", json.at("/rule_set/origin").asText());
        assertEquals(ShippedEngine.get().ruleSet().version(), json.at("/rule_set/version").asText());
        assertFalse(json.at("/tool/version").asText().isBlank());
        assertTrue(new ObjectMapper().readTree(new DecisionLog().line(own)).get("as_of").isNull());
    }

    @Test
    void theInputHashIsJcsOverTheDocumentsOwnKeys() throws Exception {
        // Key order, quoting style and layout are not the input; the document's keys and values are.
        String json = "{\"date\":\"2024-02-01\",\"acts\":[{\"id\":\"a\",\"agency\":\"doc\","
                + "\"kind\":\"share_record\",\"information\":[\"address\"]}],\"id\":\"x\",\"title\":\"t\","
                + "\"source\":\"s\"}";
        String yaml = """
                source: another source
                title: 'another title'
                id: another-id
                acts:
                  - information: [address]
                    kind: share_record
                    agency: doc
                    id: a
                date: 2024-02-01
                """;
        String canonical = "{\"acts\":[{\"agency\":\"doc\",\"id\":\"a\",\"information\":[\"address\"],"
                + "\"kind\":\"share_record\"}],\"date\":\"2024-02-01\"}";
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(expected, ScenarioLoader.forJson().parse("line", json).scenario().inputSha256());
        assertEquals(expected, load(yaml).inputSha256());
        assertEquals(canonical, CanonicalInput.text(new ObjectMapper().readTree(json)));
        assertNotEquals(load(SCENARIO).inputSha256(), load(SCENARIO.replace("2021-03-01", "2021-03-02")).inputSha256());
        assertNotEquals(load(yaml).inputSha256(), load(yaml.replace("[address]", "[address, court_date]"))
                .inputSha256(), "a list is hashed in its order and with every item");
    }

    @Test
    void anAuditLinesHashIsTheSameAsItsScenarioFiles() throws IOException {
        String line = "{\"date\":\"2024-02-01\",\"acts\":[{\"id\":\"a\",\"agency\":\"doc\",\"kind\":\"share_record\"}]}";
        Path log = Files.writeString(dir.resolve("log.jsonl"), line + "\n");
        StringWriter out = new StringWriter();
        Main.execute(new String[] {"audit", log.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        JsonNode record = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertEquals(load("id: other\ntitle: t\nsource: s\ndate: 2024-02-01\nacts:\n  - {id: a, agency: doc, "
                + "kind: share_record}\n").inputSha256(), record.get("input_sha256").asText());
    }

    @Test
    void runWritesOneJsonLinePerJudgedScenario() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Files.writeString(dir.resolve("broken.yaml"), "id: [\n");
        Path log = dir.resolve("decisions.jsonl");
        int code = Main.execute(new String[] {"run", "--decision-log", log.toString(), scenario.toString(),
                dir.resolve("broken.yaml").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(2, code, "the broken file still makes the run fail");
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, lines.size(), lines::toString);
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertEquals("decision-record", json.get("case_id").asText());
        assertEquals(64, json.get("input_sha256").asText().length());
        PERSONAL.forEach(value -> assertFalse(lines.get(0).contains(value), value));
    }

    @Test
    void theJsonReportLeavesOutFreeTextAboutThePerson() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        StringWriter out = new StringWriter();
        Main.execute(new String[] {"run", "--format", "json", scenario.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertTrue(out.toString().contains("\"verdict\""), out::toString);
        // The title is shown by design (docs/security.md: titles must not name people); descriptions never are.
        for (String value : List.of("robbery of a bodega on Main St", "held overnight, family waiting", "PL 120.05")) {
            assertFalse(out.toString().contains(value), () -> "'" + value + "' in the JSON report");
        }
    }

    private static Scenario load(String yaml) {
        LoadResult result = new ScenarioLoader().parse("decision.yaml", yaml);
        assertTrue(result.ok(), result.problems()::toString);
        return result.scenario();
    }
}
