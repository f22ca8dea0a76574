package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}, overlays given as {@code --rules}, and {@code run --as-of}, on the small test rules. */
class WhatIfCommandsTest {
    private static final Path RULES = Path.of("src/test/resources/test-rules").toAbsolutePath();

    @TempDir
    Path dir;

    private Path overlay;
    private Path scenarios;

    private record Outcome(int exitCode, String out, String err) {
    }

    /** An overlay that lifts the NYPD hold prohibition always, and two scenarios: an NYPD hold and a DOC notice. */
    @BeforeEach
    void setUp() throws IOException {
        overlay = Files.createDirectories(dir.resolve("variant"));
        Files.writeString(overlay.resolve("overlay.yaml"), "base: " + RULES + "\n");
        Files.writeString(overlay.resolve("provisions.yaml"), """
                - id: TEST-WHATIF
                  citation: "Hypothetical § 1(c)"
                  from: 2000-01-01
                """);
        Files.writeString(overlay.resolve("whatif.drl"), """
                package sanctuary;
                import org.sanctuaryrules.model.*;
                import org.sanctuaryrules.reasoning.*;
                rule "What if: any hold is fine"
                    @provision("TEST-WHATIF")
                    @lifts("Test: NYPD must not hold past release")
                when
                    $p : Prohibition( rule == "Test: NYPD must not hold past release" )
                then
                    Conclude.lift(kcontext, $p, "the variant <allows> every hold");
                end
                """);
        scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("hold.yaml"), """
                id: hold
                title: NYPD holds a person past release
                source: hypothetical
                date: 2024-02-01
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                expect: { verdict: violation }
                """);
        Files.writeString(scenarios.resolve("probation.yaml"), """
                id: probation
                title: Probation acts under a provision that expired in 2010
                source: hypothetical
                date: 2024-02-01
                acts:
                  - { id: notice, agency: probation, kind: notify_release }
                expect: { verdict: compliant }
                """);
    }

    @Test
    void compareListsTheChangedActWithBothExplanations() {
        Outcome o = run("compare", "--baseline", RULES.toString(), "--rules", overlay.toString(), scenarios.toString());

        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("CHANGED  hold / hold  VIOLATION -> COMPLIANT"), o.out());
        assertTrue(o.out().contains("decisive provisions: TEST-1 -> TEST-WHATIF"), o.out());
        assertTrue(o.out().contains("before (VIOLATION):\n      TEST-1: held past release"), o.out());
        assertTrue(o.out().contains("TEST-WHATIF: the variant <allows> every hold"), o.out());
        assertFalse(o.out().contains("CHANGED  probation"), "an unchanged act is only counted");
        assertTrue(o.out().endsWith("2 acts compared, 1 changed (1 verdicts, 0 citations only), "
                + "0 scenarios not compared\n"), o.out());
    }

    @Test
    void compareAsJsonIsStructured() throws IOException {
        Outcome o = run("compare", "--baseline", RULES.toString(), "--rules", overlay.toString(), "--format", "json",
                scenarios.toString());

        assertEquals(0, o.exitCode(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals(overlay.toString(), root.at("/rule_set/origin").asText());
        assertEquals("hold", root.at("/changes/0/scenario").asText());
        assertEquals("VIOLATION", root.at("/changes/0/before/verdict").asText());
        assertEquals("COMPLIANT", root.at("/changes/0/after/verdict").asText());
        assertEquals("TEST-WHATIF", root.at("/changes/0/after/decisive_provisions/0").asText());
        assertEquals("held past release", root.at("/changes/0/before/reasons/0/explanation").asText());
        assertEquals(2, root.at("/summary/acts_compared").asInt());
        assertEquals(1, root.at("/summary/changed").asInt());
    }

    @Test
    void compareWithNothingChangedStillExitsZero() {
        Outcome o = run("compare", "--baseline", RULES.toString(), "--rules", RULES.toString(), scenarios.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("2 acts compared, 0 changed"), o.out());
    }

    @Test
    void compareExitsTwoOnInputErrors() throws IOException {
        assertEquals(2, run("compare", scenarios.toString()).exitCode(), "--baseline is required");
        Outcome missing = run("compare", "--baseline", dir.resolve("nope").toString(), scenarios.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read the rule directory"), missing.err());

        Files.writeString(scenarios.resolve("broken.yaml"), "id: x\nacts: 5\n");
        Outcome broken = run("compare", "--baseline", RULES.toString(), "--rules", overlay.toString(),
                scenarios.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.out().contains("NOT COMPARED"), broken.out());
        assertTrue(broken.out().contains("1 scenarios not compared"), broken.out());
    }

    @Test
    void anOverlayWorksAsRunRules() {
        Outcome o = run("run", "--rules", overlay.toString(), scenarios.resolve("hold.yaml").toString());
        assertEquals(1, o.exitCode(), "the scenario expects the shipped verdict: " + o.err());
        assertTrue(o.out().contains("FAIL  hold  COMPLIANT"), o.out());
    }

    @Test
    void anOverlayMayNotRedefineAProvision() throws IOException {
        Files.writeString(overlay.resolve("provisions.yaml"), """
                - id: TEST-1
                  citation: "Redefined"
                  from: 2000-01-01
                - id: TEST-WHATIF
                  citation: "Hypothetical § 1(c)"
                  from: 2000-01-01
                """);
        Outcome o = run("run", "--rules", overlay.toString(), scenarios.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("TEST-1: provision id listed twice"), o.err());
    }

    @Test
    void asOfJudgesUnderTheLawOfAnotherDayAndSaysSo() {
        Outcome own = run("run", "--rules", RULES.toString(), scenarios.resolve("probation.yaml").toString());
        assertEquals(0, own.exitCode(), own.out());

        Outcome then = run("run", "--rules", RULES.toString(), "--as-of", "2005-06-01",
                scenarios.resolve("probation.yaml").toString());
        assertEquals(1, then.exitCode(), "the expectation was written for 2024");
        assertTrue(then.out().startsWith("judged as of 2005-06-01 (not each scenario's own date"), then.out());
        assertTrue(then.out().contains("FAIL  probation  VIOLATION"), then.out());
        assertTrue(then.out().contains("judged as of 2005-06-01\n"), "the footer repeats it: " + then.out());
    }

    @Test
    void asOfIsInTheJson() throws IOException {
        Outcome o = run("run", "--rules", RULES.toString(), "--as-of", "2005-06-01", "--format", "json",
                scenarios.toString());
        assertEquals("2005-06-01", new ObjectMapper().readTree(o.out()).at("/as_of").asText());
        Outcome own = run("run", "--rules", RULES.toString(), "--format", "json", scenarios.toString());
        assertTrue(new ObjectMapper().readTree(own.out()).at("/as_of").isNull());
    }

    @Test
    void aBadDateIsAClearErrorExitingTwo() {
        Outcome o = run("run", "--rules", RULES.toString(), "--as-of", "2013-13-01", scenarios.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("'2013-13-01' is not a date: write YYYY-MM-DD"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void runWritesJunitAndAnHtmlPage() throws IOException {
        Path page = dir.resolve("report.html");
        Outcome o = run("run", "--rules", RULES.toString(), "--format", "junit", "--html", page.toString(),
                scenarios.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("<?xml"), o.out());
        assertTrue(o.out().contains("<testcase classname=\"" + scenarios + "\" name=\"hold\""), o.out());
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"scenario-hold\"") && html.contains("id=\"scenario-probation\""));
    }

    @Test
    void failOnChangeExitsOneWhenAnActChangesAndZeroWhenNoneDoes() {
        Outcome changed = run("compare", "--fail-on-change", "--baseline", RULES.toString(), "--rules",
                overlay.toString(), scenarios.toString());
        assertEquals(CompareCommand.EXIT_CHANGED, changed.exitCode(), changed.err());
        assertTrue(changed.out().contains("CHANGED  hold / hold"), changed.out());
        Outcome same = run("compare", "--fail-on-change", "--baseline", RULES.toString(), "--rules", RULES.toString(),
                scenarios.toString());
        assertEquals(0, same.exitCode(), same.err());
    }

    @Test
    void anUnwritableHtmlFileExitsTwo() {
        Outcome o = run("run", "--rules", RULES.toString(), "--html", dir.resolve("no/such/dir/r.html").toString(),
                scenarios.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--html: cannot write the page"), o.err());
    }

    @Test
    void watchWritesTextOnly() {
        Outcome o = run("run", "--watch", "--format", "json", scenarios.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--watch writes text only"), o.err());
    }

    @Test
    void compareIsASubcommand() {
        Outcome help = run("--help");
        assertTrue(help.out().contains("compare"), help.out());
        assertTrue(run("compare", "--help").out().contains("--baseline"));
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
