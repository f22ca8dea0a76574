package org.sanctuaryrules.internal.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.cli.Cli;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.internal.report.ExplainReport;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ActNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ExceptionNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.Outcome;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ProhibitionNode;

/** {@code explain}: the reasoning tree, checked on the shipped rules. */
class ExplainTest {
    private static final String NYPD_PROHIBITION = "NYPD must not honor a civil immigration detainer";
    private static final String HOLD_EXCEPTION = "Unless (NYPD): a hold of up to 48 hours for a re-entrant with a "
            + "violent or serious conviction, or a terrorist-database match";

    @TempDir
    Path dir;

    @Test
    void anUnliftedProhibitionListsEveryExceptionWithWhatItsConditionsRead() {
        ActNode act = explain("scenarios/detainers-nypd-48-hour-hold-too-long.yaml").acts().get(0);

        assertEquals(Verdict.VIOLATION, act.verdict());
        assertTrue(act.decidedBy().stream().anyMatch(s -> s.rule().equals(NYPD_PROHIBITION)
                && s.effect() == Effect.PROHIBITS && s.place().startsWith("rules/detainers.drl:")
                && s.matched().contains("act hold (NYPD, HOLD_PAST_RELEASE, 2018-03-03)")), act.decidedBy().toString());
        ProhibitionNode nypd = prohibition(act, NYPD_PROHIBITION);
        assertEquals(Outcome.STANDS, nypd.outcome());
        ExceptionNode hold = exception(nypd, HOLD_EXCEPTION);
        assertEquals("DID_NOT_FIRE", hold.status());
        assertNull(hold.lifted());
        assertTrue(hold.factsRead().contains("act.holdHours = 60"), hold.factsRead().toString());
        assertTrue(hold.factsRead().contains("person.reenteredAfterRemoval = true"), hold.factsRead().toString());
        assertTrue(hold.terms().contains("TERRORIST_DATABASE_MATCH: not established"), hold.terms().toString());
        assertTrue(hold.conditions().stream().anyMatch(c -> c.contains("act.holdHours <= 48")), hold.conditions().toString());
        assertTrue(act.notInForce().stream().anyMatch(n -> n.provision().equals("AC-14-154-PRE-2014")),
                act.notInForce().toString());
        assertFalse(act.notes().isEmpty());
    }

    @Test
    void aLiftedProhibitionNamesTheExceptionThatFiredAndWhatItMatched() {
        ActNode act = explain("scenarios/detainers-nypd-48-hour-hold-reentrant.yaml").acts().get(0);

        assertEquals(Verdict.COMPLIANT, act.verdict());
        ProhibitionNode nypd = prohibition(act, NYPD_PROHIBITION);
        assertEquals(Outcome.LIFTED, nypd.outcome());
        ExceptionNode hold = exception(nypd, HOLD_EXCEPTION);
        assertEquals("FIRED", hold.status());
        assertEquals(Effect.LIFTS, hold.lifted().effect());
        assertTrue(hold.lifted().matched().stream().anyMatch(m -> m.startsWith("prohibition by \"" + NYPD_PROHIBITION)),
                hold.lifted().matched().toString());
        assertTrue(act.decidedBy().stream().anyMatch(s -> s.rule().equals(HOLD_EXCEPTION)), act.decidedBy().toString());
    }

    @Test
    void anOpenProhibitionShowsTheMissingFactUnderTheExceptionItConcerns() {
        ActNode act = explain("scenarios/detainers-nypd-48-hour-hold-reentry-unknown.yaml").acts().get(0);

        assertEquals(Verdict.INDETERMINATE, act.verdict());
        assertTrue(act.missingFacts().contains("person.reentered_after_removal"), act.missingFacts().toString());
        ProhibitionNode nypd = prohibition(act, NYPD_PROHIBITION);
        assertEquals(Outcome.OPEN, nypd.outcome());
        assertTrue(exception(nypd, HOLD_EXCEPTION).openFacts().stream()
                .anyMatch(s -> s.effect() == Effect.NEEDS_FACT), nypd.toString());
    }

    @Test
    void theTextTreeAndTheJsonCarryTheSameStructure() throws IOException {
        ExplainedCase explained = explain("scenarios/detainers-nypd-48-hour-hold-too-long.yaml");
        String text = new ExplainReport().text(explained);
        assertTrue(text.startsWith("scenario detainers-nypd-48-hour-hold-too-long: "), text);
        assertTrue(text.contains("\nact hold — NYPD HOLD_PAST_RELEASE, law of 2018-03-03: VIOLATION\n  decided by:\n"), text);
        assertTrue(text.contains("    \"" + NYPD_PROHIBITION + "\"  rules/detainers.drl:"), text);
        assertTrue(text.contains("→ STANDS: no exception lifted it"), text);
        assertTrue(text.contains("      exception \"" + HOLD_EXCEPTION + "\"  rules/detainers.drl:"), text);

        JsonNode root = new ObjectMapper().readTree(new ExplainReport().json(explained));
        assertEquals("VIOLATION", root.at("/verdict").asText());
        JsonNode act = root.at("/acts/0");
        assertEquals("hold", act.at("/id").asText());
        assertTrue(act.at("/prohibitions").isArray());
        assertTrue(act.at("/prohibitions/0/exceptions/0/status").isTextual());
        assertTrue(act.at("/decided_by/0/matched").isArray());
    }

    @Test
    void theCommandLineExplainsAScenarioWithoutItsFreeTextDescriptions() throws IOException {
        Path file = Files.writeString(dir.resolve("private.yaml"), """
                id: private
                title: test
                source: hypothetical
                date: 2024-02-01
                person:
                  convictions:
                    - offense: "160.15"
                      judgment_date: 2020-01-01
                      description: "Jane Roe, 12 Main Street"
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                    description: "Officer Smith held Jane Roe"
                """);
        Cli.Outcome o = Cli.run("explain", "--rules", "src/test/resources/test-rules", file.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("prohibitions and their exceptions:"), o.out());
        assertTrue(o.out().contains("exception \"Test: unless a judicial warrant is presented\"  "
                + "src/test/resources/test-rules/test.drl:16  → DID NOT FIRE"), o.out());
        assertFalse(o.out().contains("Jane Roe"), o.out());
        assertFalse(o.out().contains("Smith"), o.out());

        Cli.Outcome json = Cli.run("explain", "--rules", "src/test/resources/test-rules", "--format", "json",
                file.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertFalse(json.out().contains("Jane Roe"), json.out());
        assertEquals("STANDS", new ObjectMapper().readTree(json.out()).at("/acts/0/prohibitions/0/outcome").asText());
    }

    @Test
    void asOfExplainsUnderTheLawOfAnotherDay() {
        // Seed 7 (2025) is a § 10-178(b) violation; the same proposal judged as of 2016 predates § 10-178.
        String file = "scenarios/city-resources-seed-7-nypd-287g-proposal.yaml";
        Cli.Outcome own = Cli.run("explain", file);
        assertEquals(0, own.exitCode(), own.err());
        assertTrue(own.out().contains("verdict: VIOLATION"), own.out());

        Cli.Outcome earlier = Cli.run("explain", "--as-of", "2016-06-01", file);
        assertEquals(0, earlier.exitCode(), earlier.err());
        assertTrue(earlier.out().contains("law applied: as of 2016-06-01"), earlier.out());
        assertTrue(earlier.out().contains("verdict: COMPLIANT"), earlier.out());

        assertEquals(2, Cli.run("explain", "--as-of", "2016-02-30", file).exitCode());
    }

    @Test
    void anUnreadableScenarioExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "id: x\nacts: 5\n");
        Cli.Outcome o = Cli.run("explain", "--rules", "src/test/resources/test-rules", file.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("broken.yaml:2:7: error"), o.err());
    }

    private static ExplainedCase explain(String file) {
        LoadResult loaded = new ScenarioLoader().load(Path.of(file));
        assertTrue(loaded.ok(), loaded.problems().toString());
        Scenario scenario = loaded.scenario();
        SanctuaryEngine engine = ShippedEngine.get();
        return new ExplainBuilder(engine.ruleSet()).build(scenario, engine.explain(scenario.aCase()), null);
    }

    private static ProhibitionNode prohibition(ActNode act, String rule) {
        return act.prohibitions().stream().filter(p -> p.prohibition().rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no prohibition " + rule + " in " + act.prohibitions()));
    }

    private static ExceptionNode exception(ProhibitionNode p, String rule) {
        return p.exceptions().stream().filter(e -> e.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no exception " + rule + " in " + p.exceptions()));
    }
}
