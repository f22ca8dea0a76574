package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule language, checked on the parsed DRL before anything compiles: each refusal has its file and line. */
class RuleLanguageTest {
    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;
            """;

    private static List<Problem> check(String drl) {
        return RuleLanguage.check(List.of(new SourceFile("rules/x.drl", HEADER + drl))).problems();
    }

    private static String rule(String header, String when) {
        return "rule \"R\"\n" + header + "when\n    " + when + "\nthen\n    Conclude.note(kcontext, $act, \"x\");\nend\n";
    }

    @Test
    void theShippedRulesAndTheVariantsAreInTheLanguage() throws Exception {
        for (String dir : List.of("rules", "rules-variants/int-395-2024", "rules-variants/administrative-warrants",
                "src/test/resources/test-rules")) {
            List<SourceFile> drls = RuleSources.fromDirectory(java.nio.file.Path.of(dir)).stream()
                    .filter(f -> f.name().endsWith(".drl")).toList();
            RuleLanguage.Parsed parsed = RuleLanguage.check(drls);
            assertEquals(List.of(), parsed.problems(), dir);
            assertTrue(parsed.rules().size() >= 4, dir);
        }
    }

    @Test
    void metadataMustBeOneStringLiteral() {
        assertEquals(List.of(), check(rule("    @provision(\"P-1\")\n    @note(\"a \\\"quoted\\\" word\")\n    @odd\n",
                "$act : Act()")));
        List<Problem> p = check(rule("    @provision(\"P-1\")\n    @note(\"a\" + new java.io.File(\"x\"))\n", "$act : Act()"));
        assertEquals(1, p.size(), p::toString);
        assertEquals(6, p.get(0).line(), p::toString);
        assertTrue(p.get(0).message().startsWith("@note must be one string literal"), p::toString);
        assertEquals("rule \"R\"", p.get(0).field());
        assertTrue(check(rule("    @note(\"line\\nbreak\")\n", "$act : Act()")).get(0).message()
                .contains("one string literal"));
        assertTrue(check(rule("    @lifts(value = X.y())\n", "$act : Act()")).get(0).message()
                .contains("@lifts must be one string literal"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "timer (int: 0s 1s)         | attribute 'timer' is not allowed",
            "dialect \"mvel\"             | attribute 'dialect' is not allowed",
            "agenda-group \"g\"           | attribute 'agenda-group' is not allowed",
            "date-effective \"1-Jan-2020\" | attribute 'date-effective' is not allowed",
            "salience ($act.hashCode())  | salience must be a whole number"})
    void onlyHarmlessAttributes(String attribute, String message) {
        List<Problem> p = check(rule("    @provision(\"P-1\")\n    " + attribute + "\n", "$act : Act()"));
        assertEquals(1, p.size(), p::toString);
        assertEquals(6, p.get(0).line(), p::toString);
        assertTrue(p.get(0).message().startsWith(message), p::toString);
    }

    @Test
    void salienceAndNoLoopAreFine() {
        assertEquals(List.of(), check(rule("    salience 10\n    no-loop\n", "$act : Act()")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "eval( true )                                          | eval is not allowed",
            "$n : Number() from accumulate( Act(), count(1) )      | accumulate is not allowed",
            "$l : java.util.List() from collect( Act() )           | collect is not allowed",
            "Act() from entry-point \"e\"                            | from entry-point is not allowed"})
    void onlyPatternsInConditions(String condition, String message) {
        List<Problem> p = check(rule("", "$act : Act()\n    " + condition));
        assertEquals(1, p.size(), p::toString);
        assertEquals(7, p.get(0).line(), p::toString);
        assertTrue(p.get(0).message().startsWith(message), p::toString);
    }

    @Test
    void patternsFromNotExistsForallAndOrAreFine() {
        assertEquals(List.of(), check(rule("", """
                $act : Act()
                    not Established( term == Term.JUDICIAL_WARRANT )
                    exists ( Established() or Undetermined() )
                    forall ( Prohibition( act == $act ) )
                    $c : Conviction() from java.util.List.of()""")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "declare Evil x : String end                          | 'declare' is not allowed",
            "query \"q\" $act : Act() end                          | queries are not allowed",
            "global java.util.List evil;                           | global 'evil' is not allowed",
            "global java.util.List felonies;                       | global 'felonies' is not allowed",
            "import java.io.File;                                  | import of 'java.io.File' is not allowed",
            "import function java.lang.System.exit;                | import of 'java.lang.System.exit' is not allowed",
            "import accumulate java.lang.Object evil;              | import of 'java.lang.Object' is not allowed"})
    void noOtherDeclarations(String declaration, String message) {
        List<Problem> p = check(declaration + "\n");
        assertEquals(1, p.size(), p::toString);
        assertEquals(4, p.get(0).line(), p::toString);
        assertTrue(p.get(0).message().startsWith(message), p::toString);
    }

    @Test
    void theEnginesGlobalsAreFine() {
        assertEquals(List.of(), check("global org.sanctuaryrules.engine.FelonyList felonies;\n"
                + "global org.sanctuaryrules.engine.ProvisionRegister provisions;\n"));
    }

    @Test
    void ruleNamesHoldNoControlCharacters() {
        List<Problem> p = check("rule \"A\u001b[2J name\"\nwhen\nthen\nend\n");
        assertEquals(1, p.size(), p::toString);
        assertEquals(4, p.get(0).line());
        assertTrue(p.get(0).message().contains("control characters"), p::toString);
    }

    @Test
    void thePackageIsOneOfOurOwnAndTheSameInEveryFile() {
        List<Problem> p = RuleLanguage.check(List.of(new SourceFile("a.drl", "package java.lang;\n"))).problems();
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().startsWith("package 'java.lang' is not allowed"), p::toString);
        p = RuleLanguage.check(List.of(new SourceFile("b.drl", "package sanctuary;\n"),
                new SourceFile("c.drl", "package other;\n"))).problems();
        assertEquals(1, p.size(), p::toString);
        assertEquals("c.drl", p.get(0).file());
        assertTrue(p.get(0).message().startsWith("package 'other' differs from 'sanctuary'"), p::toString);
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserRecursesOnIt() {
        String deep = "(".repeat(5_000) + "1" + ")".repeat(5_000);
        List<Problem> p = check(rule("", "$act : Act( holdHours == " + deep + " )"));
        assertEquals(1, p.size(), p::toString);
        assertEquals(6, p.get(0).line());
        assertTrue(p.get(0).message().startsWith("brackets nest more than 64 deep"), p::toString);
    }

    @Test
    void aSyntaxErrorIsTheParsersMessageAtItsLine() {
        List<Problem> p = check("rule \"R\" when $act : Act( then end\n");
        assertTrue(!p.isEmpty() && p.get(0).line() == 4 && p.get(0).message().startsWith("syntax error"), p::toString);
    }
}
