package org.sanctuaryrules.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioResult;

class TextReportTest {
    private final String text = new TextReport(Runs.RULES, false).render(Runs.sample());
    private final List<String> lines = text.lines().toList();

    @Test
    void eachScenarioOpensWithItsStatusIdVerdictAndFile() {
        assertTrue(lines.contains("PASS  passing  VIOLATION  scenarios/passing.yaml"), text);
        assertTrue(lines.contains("FAIL  failing  VIOLATION  scenarios/failing.yaml"), text);
        assertTrue(lines.contains("ERROR scenarios/bad.yaml"), text);
        assertTrue(lines.contains("----  open  INDETERMINATE  scenarios/open.yaml"), text);
    }

    @Test
    void aBreachOfDepartmentPolicyIsShownBesideTheVerdictNotAsIt() {
        String breach = new TextReport(Runs.RULES, false).render(Runs.policyBreach());
        assertTrue(breach.contains("PASS  breach  COMPLIANT (department policy: BREACH)  scenarios/breach.yaml"), breach);
        assertTrue(breach.contains("    hold  COMPLIANT  (department policy: BREACH)\n"
                + "      department policy breached (not law): Department Order 1 [ORDER-1]: held for ICE, against the order\n"),
                breach);
        assertFalse(text.contains("department policy"), "acts no department order speaks to show no policy line");
    }

    @Test
    void endsWithTheSummaryLineAfterTheRuleSet() {
        assertEquals("1 passed, 1 failed, 1 errors, 1 without expectation", lines.get(lines.size() - 1));
        assertEquals("rules: test rules (version abc123)", lines.get(lines.size() - 2));
    }

    @Test
    void actsShowTheirDecisiveFindingsWithCitationAndNotes() {
        assertTrue(text.contains("    hold  VIOLATION\n"
                + "      prohibited by Admin. Code § 14-154(b) [P-1]: NYPD held the person past release\n"
                + "          interpretation note: Unverified: read narrowly\n"), text);
        assertFalse(text.contains("a side remark"), "a finding that decided nothing is left out unless verbose");
    }

    @Test
    void indeterminateActsNameTheMissingFacts() {
        assertTrue(text.contains("      missing facts: person.convictions\n"), text);
    }

    @Test
    void failureShowsExpectedAgainstActualAndTheRulesThatFired() {
        assertTrue(text.contains("    expected: act hold COMPLIANT\n"
                + "    mismatch: act hold: expected COMPLIANT, got VIOLATION\n"), text);
        assertTrue(text.contains("      rules that fired:\n"
                + "          \"NYPD must not hold past release\"  rules/nypd.drl:12  PROHIBITS\n"
                + "          \"A note rule\"  ?  NOTE\n"), text);
        assertEquals(1, text.split("rules that fired", -1).length - 1, "only the failing scenario explains rules");
    }

    @Test
    void aFileNameWithControlCharactersStaysOneEscapedLine() {
        Path hostile = Path.of("scenarios", "evil\u001b[2Jname\n.yaml");
        RunReport report = new RunReport(List.of(ScenarioResult.error(null, hostile, List.of())), "test rules", "v");
        String out = new TextReport(Runs.RULES, false).render(report);
        assertFalse(out.contains("\u001b"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ERROR") && l.contains("evil\\u001B[2Jname\\u000A.yaml")), out);
    }

    @Test
    void errorsArePrintedAsFileLineColumnFieldMessage() {
        assertTrue(lines.contains("    scenarios/bad.yaml:4:13: error: acts[0].agency: is not one of the allowed values"),
                text);
    }

    @Test
    void verboseShowsEveryFindingAndWhatWasNotInForce() {
        String verbose = new TextReport(Runs.RULES, true).render(Runs.sample());
        assertTrue(verbose.contains("note on Cite 3 [P-3]: a side remark\n"), verbose);
        assertTrue(verbose.contains("NYPD held the person past release  [decisive]"), verbose);
        assertTrue(verbose.contains("not in force on 2024-02-01: P-OLD"), verbose);
    }

    @Test
    void neverPrintsFreeTextDescriptions() {
        assertFalse(text.contains(Runs.SECRET));
        assertFalse(new TextReport(Runs.RULES, true).render(Runs.sample()).contains(Runs.SECRET));
    }
}
