package org.sanctuaryrules.internal.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.cli.Cli;
import org.sanctuaryrules.engine.Problem;

/** {@code check}: every problem of rules, data and scenarios, with its place, and nothing judged. */
class CheckTest {
    private static final Path TEST_RULES = Path.of("src/test/resources/test-rules");
    private static final String HEADER = "package sanctuary;\nimport org.sanctuaryrules.model.*;\n"
            + "import org.sanctuaryrules.reasoning.*;\n";

    @TempDir
    Path dir;
    Path rules;

    @BeforeEach
    void copyTheTestRules() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        for (String name : List.of("test.drl", "provisions.yaml", "violent-or-serious-felonies.csv")) {
            Files.copy(TEST_RULES.resolve(name), rules.resolve(name));
        }
    }

    @Test
    void cleanRulesAndScenariosExitZero() throws IOException {
        Path scenario = Files.writeString(dir.resolve("ok.yaml"), """
                id: ok
                title: test
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                """);
        Cli.Outcome o = Cli.run("check", "--rules", rules.toString(), scenario.toString());
        assertEquals(0, o.exitCode(), o.out());
        assertTrue(o.out().endsWith("1 scenario files: 0 errors, 0 warnings\n"), o.out());
        assertTrue(o.out().contains("checked 1 rule files (4 rules), 4 provisions"), o.out());
    }

    @Test
    void anUnknownFieldIsAnErrorWithItsPlaceAndExitsTwo() throws IOException {
        Files.writeString(rules.resolve("broken.drl"), HEADER + """
                rule "Broken"
                    @provision("TEST-1")
                when
                    $act : Act( agency == Agency.NYPD,
                        holdHourz > 48 )
                then
                end
                """);
        Cli.Outcome o = Cli.run("check", "--rules", rules.toString());
        assertEquals(2, o.exitCode(), o.out());
        assertTrue(o.out().contains(rules.resolve("broken.drl") + ":8:9: error: rule \"Broken\": Act has no field "
                + "'holdHourz' (did you mean 'holdHours'?)"), o.out());
        assertTrue(o.out().contains("(did not compile)"), o.out());
    }

    @Test
    void aBadConsequenceIsPlacedAtItsLine() throws IOException {
        Files.writeString(rules.resolve("broken.drl"), HEADER + """
                rule "Broken consequence"
                    @provision("TEST-1")
                when
                    $act : Act()
                then
                    Conclude.prohibit(kcontext, $act, $act.agencyName());
                end
                """);
        Problem p = onlyError(new Checker().check(rules, List.of()));
        assertEquals(9, p.line(), p.toString());
        assertTrue(p.column() > 0, p.toString());
        assertTrue(p.message().contains("agencyName"), p.toString());
    }

    @Test
    void aSyntaxErrorIsPlaced() throws IOException {
        Files.writeString(rules.resolve("broken.drl"), HEADER + "rule \"x\"\nwhen\n    Act( kind == )\nthen\nend\n");
        Problem p = onlyError(new Checker().check(rules, List.of()));
        assertEquals(6, p.line(), p.toString());
        assertTrue(p.column() > 0, p.toString());
        assertTrue(p.message().startsWith("syntax error"), p.toString());
    }

    @Test
    void anUncitedRuleIsAWarningAndExitsZero() throws IOException {
        Files.writeString(rules.resolve("uncited.drl"), HEADER + """
                rule "Uncited"
                when
                    $act : Act()
                then
                end
                """);
        Cli.Outcome o = Cli.run("check", "--rules", rules.toString());
        assertEquals(0, o.exitCode(), o.out());
        assertTrue(o.out().contains(rules.resolve("uncited.drl") + ":4:1: warning: rule \"Uncited\": cites no provision"),
                o.out());
    }

    @Test
    void aCitationNotInTheRegisterIsAnError() throws IOException {
        Files.writeString(rules.resolve("miscited.drl"), HEADER + """
                rule "Miscited"
                    @provision("TEST-4")
                when
                    $act : Act()
                then
                end
                """);
        Problem p = onlyError(new Checker().check(rules, List.of()));
        assertEquals(4, p.line());
        assertTrue(p.message().contains("@provision(\"TEST-4\") is not in provisions.yaml"), p.message());
    }

    @Test
    void aProvisionWithThePlaceholderDateIsAWarning() throws IOException {
        Files.writeString(rules.resolve("provisions.yaml"), Files.readString(rules.resolve("provisions.yaml"))
                .replace("from: 2000-01-01\n- id: TEST-2", "from: 1900-01-01\n- id: TEST-2"));
        CheckResult result = new Checker().check(rules, List.of());
        assertEquals(0, result.errors(), result.problems().toString());
        Problem p = result.problems().get(0);
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals("TEST-1", p.field());
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().startsWith("no effective date"), p.message());
    }

    @Test
    void aMalformedFelonyRowIsAnErrorAtItsLine() throws IOException {
        Files.writeString(rules.resolve("violent-or-serious-felonies.csv"),
                "section,subdivisions,group\n160.15,,robbery\n265.02,(8)-(2),weapons\n16O.10,,typo\n");
        CheckResult result = new Checker().check(rules, List.of());
        List<String> lines = result.problems().stream().map(Problem::toString).toList();
        assertEquals(2, result.errors(), lines.toString());
        assertTrue(lines.get(0).contains("violent-or-serious-felonies.csv:3:8: error: subdivisions: '(8)-(2)'"),
                lines.toString());
        assertTrue(lines.get(1).contains("violent-or-serious-felonies.csv:4:1: error: section: '16O.10'"),
                lines.toString());
    }

    @Test
    void aScenarioKeyTheModelDoesNotKnowIsReported() throws IOException {
        Path scenario = Files.writeString(dir.resolve("typo.yaml"), """
                id: typo
                title: test
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                    hold_hour: 12
                expect:
                  cites: [TEST-9]
                """);
        CheckResult result = new Checker().check(rules, List.of(scenario));
        List<String> lines = result.problems().stream().map(Problem::toString).toList();
        assertEquals(1, result.scenarios());
        assertTrue(lines.get(0).startsWith(scenario + ":9:5: error: acts[0].hold_hour: unknown key 'hold_hour' "
                + "(did you mean 'hold_hours'?)"), lines.toString());
    }

    @Test
    void aCitationAScenarioExpectsMustBeInTheRegister() throws IOException {
        Path scenario = Files.writeString(dir.resolve("cites.yaml"), """
                id: cites
                title: test
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                expect:
                  cites: [TEST-1, TEST-9]
                """);
        Problem p = onlyError(new Checker().check(rules, List.of(scenario)));
        assertEquals(10, p.line());
        assertTrue(p.message().contains("'TEST-9' is not a provision id"), p.message());
    }

    @Test
    void aScenarioIdUsedByTwoFilesIsAnErrorInBoth() throws IOException {
        String text = """
                id: twice
                title: test
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                """;
        Path a = Files.writeString(dir.resolve("a.yaml"), text);
        Path b = Files.writeString(dir.resolve("b.yaml"), text);
        CheckResult result = new Checker().check(rules, List.of(a, b));
        List<Problem> errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertEquals(List.of(a.toString(), b.toString()), errors.stream().map(Problem::file).toList(), errors::toString);
        assertTrue(errors.get(0).message().contains(b.toString()), errors.get(0)::toString);
        assertTrue(errors.get(1).message().contains(a.toString()), errors.get(1)::toString);
    }

    @Test
    void jsonListsTheProblemsAndCounts() throws IOException {
        Files.writeString(rules.resolve("uncited.drl"), HEADER + "rule \"Uncited\"\nwhen\n    Act()\nthen\nend\n");
        Cli.Outcome o = Cli.run("check", "--rules", rules.toString(), "--format", "json");
        assertEquals(0, o.exitCode(), o.out());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals(5, root.at("/contents/rules").asInt());
        assertEquals("warning", root.at("/problems/0/severity").asText());
        assertEquals(4, root.at("/problems/0/line").asInt());
        assertEquals(1, root.at("/problems/0/column").asInt());
        assertEquals(0, root.at("/summary/errors").asInt());
        assertEquals(1, root.at("/summary/warnings").asInt());
    }

    @Test
    void theShippedRulesAndScenariosHaveNoErrors() {
        CheckResult result = new Checker().check(null, List.of(Path.of("scenarios")));
        assertEquals(0, result.errors(), result.problems().toString());
        assertTrue(result.scenarios() > 100);
    }

    private static Problem onlyError(CheckResult result) {
        List<Problem> errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertEquals(1, errors.size(), result.problems().toString());
        return errors.get(0);
    }
}
