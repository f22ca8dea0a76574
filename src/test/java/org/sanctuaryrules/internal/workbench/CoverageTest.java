package org.sanctuaryrules.internal.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.cli.Cli;

/** {@code coverage}: which rules the scenarios fire, against the four test rules. */
class CoverageTest {
    private static final String RULES = "src/test/resources/test-rules";

    @TempDir
    Path dir;

    @Test
    void listsTheScenariosThatFireEachRuleAndThePercentage() throws IOException {
        scenario("hold", "nypd", "hold_past_release", "2024-02-01");
        scenario("probation-2024", "probation", "hold_past_release", "2024-02-01");
        Cli.Outcome o = Cli.run("coverage", "--rules", RULES, dir.toString());

        assertEquals(0, o.exitCode(), o.err());
        // Only the prohibition fires; the expired rule matches the probation act but is not in force.
        assertTrue(o.out().contains("\"Test: NYPD must not hold past release\"  hold"), o.out());
        assertTrue(o.out().contains("NEVER  \"Test: an expired provision\"  (matched only when not in force: "
                + "probation-2024)"), o.out());
        assertTrue(o.out().contains("rules no scenario fires:\n  " + RULES + "/test.drl:16  "
                + "\"Test: unless a judicial warrant is presented\""), o.out());
        assertTrue(o.out().endsWith("coverage: 1 of 4 rules fired by 2 scenarios (25.0%)\n"), o.out());
    }

    @Test
    void belowTheMinimumExitsOne() throws IOException {
        scenario("hold", "nypd", "hold_past_release", "2024-02-01");
        Cli.Outcome below = Cli.run("coverage", "--rules", RULES, "--min", "50", dir.toString());
        assertEquals(1, below.exitCode(), below.err());
        assertTrue(below.err().contains("below --min 50.0%"), below.err());

        Cli.Outcome atMinimum = Cli.run("coverage", "--rules", RULES, "--min", "25", dir.toString());
        assertEquals(0, atMinimum.exitCode(), atMinimum.err());
    }

    @Test
    void anUnreadableScenarioExitsTwo() throws IOException {
        scenario("hold", "nypd", "hold_past_release", "2024-02-01");
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nacts: 5\n");
        Cli.Outcome o = Cli.run("coverage", "--rules", RULES, "--min", "0", dir.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("broken.yaml:2:7: error"), o.err());
    }

    @Test
    void jsonGivesEveryRuleAndTheSummary() throws IOException {
        scenario("hold", "nypd", "hold_past_release", "2024-02-01");
        scenario("old-probation", "probation", "hold_past_release", "2009-06-01");
        Cli.Outcome o = Cli.run("coverage", "--rules", RULES, "--format", "json", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals(4, root.at("/rules").size());
        assertEquals(50.0, root.at("/summary/percent").asDouble());
        assertEquals(2, root.at("/uncovered").size());
        JsonNode first = root.at("/rules/0");
        assertEquals("Test: NYPD must not hold past release", first.at("/rule").asText());
        assertEquals(8, first.at("/line").asInt());
        assertEquals("hold", first.at("/fired_by/0").asText());
    }

    @Test
    void theShippedScenariosFireEveryShippedRule() {
        // The project promises a scenario that fires each rule; a new rule without one fails here.
        CoverageResult result = new CoverageRunner(ShippedEngine.get()).run(List.of(Path.of("scenarios")));
        assertEquals(List.of(), result.problems());
        assertTrue(result.scenarios() > 100);
        assertEquals(List.of(), result.uncovered().stream().map(RuleCoverage::place).toList());
    }

    private void scenario(String id, String agency, String kind, String date) throws IOException {
        Files.writeString(dir.resolve(id + ".yaml"), """
                id: %s
                title: test
                source: hypothetical
                date: %s
                acts:
                  - id: act
                    agency: %s
                    kind: %s
                """.formatted(id, date, agency, kind));
    }
}
