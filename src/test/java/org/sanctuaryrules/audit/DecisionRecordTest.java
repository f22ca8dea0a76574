package org.sanctuaryrules.audit;

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
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Information;
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

    @TempDir
    Path dir;

    @Test
    void theRecordCarriesTheDecisionAndNoPersonalData() throws IOException {
        Scenario scenario = load(SCENARIO);
        Assessment assessment = ShippedEngine.get().assess(scenario.aCase());
        DecisionRecord record = DecisionRecord.of(scenario.aCase(), assessment);
        String line = new DecisionLog().line(record);

        assertEquals(assessment.verdict(), record.verdict());
        assertEquals(assessment.ruleSetVersion(), record.ruleSetVersion());
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
    void theInputHashIsCanonical() {
        Case first = caseWith(Information.ADDRESS, Information.COURT_DATE, Information.RELEASE_DATE);
        Case reordered = caseWith(Information.RELEASE_DATE, Information.ADDRESS, Information.COURT_DATE);
        Case other = caseWith(Information.ADDRESS);
        assertEquals(CanonicalInput.sha256(first), CanonicalInput.sha256(reordered));
        assertNotEquals(CanonicalInput.sha256(first), CanonicalInput.sha256(other));
        assertEquals(CanonicalInput.sha256(load(SCENARIO).aCase()), CanonicalInput.sha256(load(SCENARIO).aCase()));
        assertNotEquals(CanonicalInput.sha256(load(SCENARIO).aCase()),
                CanonicalInput.sha256(load(SCENARIO.replace("2021-03-01", "2021-03-02")).aCase()));
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

    private static Case caseWith(Information... information) {
        return new Case("c", null, null, List.of(Act.builder("a", Agency.DOC, ActKind.SHARE_RECORD,
                LocalDate.of(2024, 1, 1)).information(information).build()));
    }

    private static Scenario load(String yaml) {
        LoadResult result = new ScenarioLoader().parse("decision.yaml", yaml);
        assertTrue(result.ok(), result.problems()::toString);
        return result.scenario();
    }
}
