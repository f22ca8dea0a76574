package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where "what would settle it" shows: explain (text and JSON), run --verbose and the run's HTML page. */
class SettleOutputTest {
    private static final String UNKNOWN_SEALING = "scenarios/sealed-record-sealing-unknown.yaml";
    private static final String HOLD_TOO_LONG = "scenarios/detainers-nypd-48-hour-hold-too-long.yaml";

    @TempDir
    Path dir;

    @Test
    void explainShowsTheTableAndThePathToCompliance() {
        Cli.Outcome o = Cli.run("explain", UNKNOWN_SEALING);
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("  what would settle it ("), o.out());
        assertTrue(o.out().matches("(?s).*if acts\\[\\]\\.record_sealed = true and acts\\[\\]\\.court_order = false +→ "
                + "VIOLATION  N\\.Y\\. Criminal Procedure Law § 160\\.50.*"), o.out());
        Cli.Outcome v = Cli.run("explain", HOLD_TOO_LONG);
        assertTrue(v.out().contains("path to compliance (") && v.out().contains("acts[].hold_hours: 60 → 48  → COMPLIANT"),
                v.out());
    }

    @Test
    void explainJsonHasTheSettlementOfEachAct() throws Exception {
        Cli.Outcome o = Cli.run("explain", "--format", "json", UNKNOWN_SEALING);
        assertEquals(0, o.exitCode(), o.err());
        JsonNode settle = new ObjectMapper().readTree(o.out()).get("acts").get(0).get("settle");
        assertEquals("INDETERMINATE", settle.get("verdict").asText());
        JsonNode line = settle.get("lines").get(0);
        assertEquals("acts[].record_sealed", line.get("conditions").get(0).get("field").asText());
        assertTrue(line.has("basis") && line.has("provisions") && line.has("matters_most"), line.toString());
        JsonNode path = new ObjectMapper().readTree(Cli.run("explain", "--format", "json", HOLD_TOO_LONG).out())
                .get("acts").get(0).get("settle").get("to_compliance").get(0);
        assertEquals("acts[].hold_hours", path.get("changes").get(0).get("field").asText());
        assertEquals("COMPLIANT", path.get("verdict").asText());
    }

    @Test
    void runVerboseAndTheHtmlPageShowItAndAPlainRunDoesNot() throws Exception {
        Path page = dir.resolve("report.html");
        Cli.Outcome verbose = Cli.run("run", "-v", "--html", page.toString(), UNKNOWN_SEALING, HOLD_TOO_LONG);
        assertEquals(0, verbose.exitCode(), verbose.err());
        assertTrue(verbose.out().contains("      what would settle it ("), verbose.out());
        assertTrue(verbose.out().contains("      path to compliance ("), verbose.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<details class=\"settle\"><summary>what would settle it ("), html);
        assertTrue(html.contains("<p class=\"settle-line\">if acts[].record_sealed = true and acts[].court_order = false"),
                html);
        Cli.Outcome plain = Cli.run("run", UNKNOWN_SEALING);
        assertFalse(plain.out().contains("what would settle it"), plain.out());
    }

    @Test
    void aRunSettlesNoMoreActsThanItsBudgetAndSaysHowManyWent() {
        // Each of the two files has one act that is not compliant: a budget of one settles the first only.
        Cli.Outcome one = Cli.run("run", "-v", "--settle-acts", "1", UNKNOWN_SEALING, HOLD_TOO_LONG);
        assertEquals(0, one.exitCode(), one.err());
        int tables = one.out().split("      what would settle it \\(|      path to compliance \\(", -1).length - 1;
        assertEquals(1, tables, one.out());
        assertTrue(one.err().contains("1 act was reported without a settle table: a run settles at most 1 (--settle-acts N"),
                one.err());
        Cli.Outcome all = Cli.run("run", "-v", UNKNOWN_SEALING, HOLD_TOO_LONG);
        assertFalse(all.err().contains("without a settle table"), all.err());
        assertEquals(2, Cli.run("run", "-v", "--settle-acts", "-1", UNKNOWN_SEALING).exitCode());
    }
}
