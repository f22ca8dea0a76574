package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Drools errors placed where the analyst must edit: line and column, with a message in the rules' own terms. */
class BuildMessagesTest {
    private static final String REGISTER = "- id: P-1\n  citation: \"Test § 1\"\n  title: test\n  from: 2000-01-01\n";
    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;
            """;
    /** A valid rule first, so that the broken one does not start the file. */
    private static final String FINE = """
            rule "Fine"
                @provision("P-1")
            when
                $act : Act()
            then
                Conclude.note(kcontext, $act, "x");
            end
            """;

    private static Problem onlyError(String drl) {
        List<Problem> problems = assertThrows(RuleSetException.class, () -> RuleSet.compile("test", List.of(
                new SourceFile("rules/provisions.yaml", REGISTER),
                new SourceFile("rules/violent-or-serious-felonies.csv", "160.15,,a\n"),
                new SourceFile("rules/test.drl", HEADER + FINE + drl)))).problems();
        List<Problem> errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("rules/test.drl", errors.get(0).file());
        return errors.get(0);
    }

    @Test
    void anUnknownFieldOnAContinuationLineIsPlacedAtTheFieldWithASuggestion() {
        Problem p = onlyError("""
                rule "Bad field"
                    @provision("P-1")
                when
                    $act : Act( agency == Agency.NYPD,
                                holdHourz > 3 )
                then
                end
                """);
        assertEquals(15, p.line(), p.toString());
        assertEquals(17, p.column(), p.toString());
        assertEquals("rule \"Bad field\"", p.field());
        assertTrue(p.message().startsWith("Act has no field 'holdHourz' (did you mean 'holdHours'?)"), p.message());
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheNearestOne() {
        Problem p = onlyError("""
                rule "Bad value"
                when
                    $act : Act( kind == ActKind.HOLD_PAST_RELEAS )
                then
                end
                """);
        assertEquals(13, p.line(), p.toString());
        assertTrue(p.message().contains("ActKind has no value HOLD_PAST_RELEAS (did you mean 'HOLD_PAST_RELEASE'?)"),
                p.message());
    }

    @Test
    void aJavaErrorInAConsequenceIsPlacedAtTheOffendingLine() {
        Problem p = onlyError("""
                rule "Bad then"
                    @provision("P-1")
                when
                    $act : Act()
                then
                    String reason = "x";
                    Conclude.nott(kcontext, $act, reason);
                end
                """);
        assertEquals(17, p.line(), p.toString());
        assertEquals(14, p.column(), p.toString());
        assertTrue(p.message().startsWith("in the consequence (then … end): The method nott("), p.message());
    }

    @Test
    void anUnknownVariableInAConsequenceIsPlacedAtItsUse() {
        Problem p = onlyError("""
                rule "Bad variable"
                    @provision("P-1")
                when
                    $act : Act()
                then
                    Conclude.note(kcontext, $actt, "x");
                end
                """);
        assertEquals(16, p.line(), p.toString());
        assertEquals(29, p.column(), p.toString());
        assertTrue(p.message().contains("$actt cannot be resolved"), p.message());
    }

    @Test
    void aSyntaxErrorHasItsColumn() {
        Problem p = onlyError("""
                rule "Broken"
                when
                    $act : Act( kind == )
                then
                end
                """);
        assertEquals(13, p.line(), p.toString());
        assertEquals(25, p.column(), p.toString());
        assertTrue(p.message().startsWith("syntax error: "), p.message());
    }

    @Test
    void anUnknownFactTypeIsPlacedAtThePattern() {
        Problem p = onlyError("""
                rule "Bad type"
                when
                    $act : Actt( )
                then
                end
                """);
        assertEquals(13, p.line(), p.toString());
        assertEquals(12, p.column(), p.toString());
        assertTrue(p.message().startsWith("unknown fact type 'Actt'"), p.message());
    }

    @Test
    void aCitationMissingFromTheRegisterSuggestsTheNearestId() {
        Problem p = onlyError("""
                rule "Cites a typo"
                    @provision("P-2")
                when
                    $act : Act()
                then
                end
                """);
        assertEquals(11, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("(did you mean 'P-1'?)"), p.message());
    }

    @Test
    void aMisspeltFieldIsReportedOnceAndFoundAsAWholeWord() {
        Problem p = onlyError("""
                rule "Prefix"
                when
                    $p : Prohibition( act.holdHours != null, act.holdHour <= 72 )
                then
                end
                """);
        assertEquals(13, p.line(), p.toString());
        assertEquals(50, p.column(), p.toString());
        assertEquals("Act has no field 'holdHour' (did you mean 'holdHours'?) in `act.holdHour`", p.message());
    }
}
