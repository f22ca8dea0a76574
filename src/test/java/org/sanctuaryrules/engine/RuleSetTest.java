package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rule-set compilation: errors point at the file and line an analyst must fix. */
class RuleSetTest {
    private static final String REGISTER = """
            - id: P-1
              citation: "Test § 1"
              title: test
              from: 2000-01-01
            """;
    private static final String FELONIES = "section,subdivisions,group\n160.15,,robbery\n";
    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;
            """;

    private static RuleSet compile(String drl) throws RuleSetException {
        return RuleSet.compile("test", List.of(new SourceFile("rules/provisions.yaml", REGISTER),
                new SourceFile("rules/violent-or-serious-felonies.csv", FELONIES),
                new SourceFile("rules/test.drl", HEADER + drl)));
    }

    private static List<Problem> errorsOf(String drl) {
        return assertThrows(RuleSetException.class, () -> compile(drl)).problems();
    }

    @Test
    void aValidRuleSetKnowsWhereEachRuleIs() throws RuleSetException {
        RuleSet rules = compile("""
                rule "Something must not happen"
                    @provision("P-1")
                when
                    $act : Act( kind == ActKind.HOLD_PAST_RELEASE )
                then
                    Conclude.prohibit(kcontext, $act, "held");
                end
                """);
        RuleInfo info = rules.rules().get("Something must not happen");
        assertEquals("rules/test.drl:4", info.place());
        assertEquals("P-1", info.provision());
        assertEquals(12, rules.version().length());
    }

    @Test
    void theVersionChangesWithTheContent() throws RuleSetException {
        String rule = """
                rule "R"
                    @provision("P-1")
                when
                    $act : Act()
                then
                    Conclude.note(kcontext, $act, "%s");
                end
                """;
        assertNotEquals(compile(rule.formatted("a")).version(), compile(rule.formatted("b")).version());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() {
        List<Problem> errors = errorsOf("""
                rule "Broken"
                when
                    $act : Act( kind == )
                then
                end
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("rules/test.drl", errors.get(0).file());
        assertTrue(errors.get(0).line() >= 6, errors.toString());
    }

    @Test
    void anUnknownFieldIsPlacedOnItsLine() {
        List<Problem> errors = errorsOf("""
                rule "Unknown field"
                    @provision("P-1")
                when
                    $act : Act( agencyy == Agency.NYPD )
                then
                end
                """);
        assertEquals("rules/test.drl", errors.get(0).file());
        assertEquals(7, errors.get(0).line(), errors.toString());
    }

    @Test
    void aProvisionMissingFromTheRegisterIsAnError() {
        List<Problem> errors = errorsOf("""
                rule "Cites nothing real"
                    @provision("NO-SUCH")
                when
                    $act : Act()
                then
                end
                """);
        assertEquals(1, errors.size());
        assertEquals(4, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("NO-SUCH"));
    }

    @Test
    void anExceptionMustLiftAnExistingRule() {
        List<Problem> errors = errorsOf("""
                rule "Unless something"
                    @provision("P-1")
                    @lifts("A rule that does not exist")
                when
                    $p : Prohibition()
                then
                end
                """);
        assertTrue(errors.get(0).message().contains("names no rule"), errors.toString());
    }

    @Test
    void aRuleWithoutACitationIsAWarning() throws RuleSetException {
        RuleSet rules = compile("""
                rule "Uncited"
                when
                    $act : Act()
                then
                end
                """);
        assertEquals(1, rules.warnings().size());
        assertEquals(4, rules.warnings().get(0).line());
    }

    @Test
    void missingDataFilesAreReported() {
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> RuleSet.compile("dir", List.of(new SourceFile("dir/x.drl", HEADER))));
        assertEquals(2, e.problems().size());
    }
}
