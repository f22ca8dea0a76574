package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.internal.audit.Auditor;
import org.sanctuaryrules.internal.audit.JsonlParser;
import org.sanctuaryrules.internal.audit.LineOutcome;
import org.sanctuaryrules.internal.audit.LogReader;
import org.sanctuaryrules.internal.audit.Progress;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;

/**
 * Every act is judged within its limits; an act past one is an error on that act alone, and the engine goes on
 * judging the others. The attacks here never finish, so the limit that stops them does not depend on timing.
 */
class JudgingLimitsTest {
    private static final String REGISTER = "- id: P-1\n  citation: \"Test § 1\"\n  title: test\n  from: 2000-01-01\n";
    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;

            rule "Fine"
                @provision("P-1")
            when
                $act : Act( id != "probe" )
            then
                Conclude.note(kcontext, $act, "judged");
            end
            """;

    private static RuleSet rules(String drl, RuleSetOptions options) throws RuleSetException {
        return RuleSet.compile("test", List.of(new SourceFile("rules/provisions.yaml", REGISTER),
                new SourceFile("rules/violent-or-serious-felonies.csv", "160.15,,a\n"),
                new SourceFile("rules/test.drl", HEADER + drl)), options);
    }

    private static Case aCase(String actId) {
        return new Case(actId, null, null,
                List.of(Act.builder(actId, Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build()));
    }

    /** The act with id "probe" hits the limit; another act before and after is judged alike. */
    private static RuleLimitException stopped(SanctuaryEngine engine) {
        Assessment before = engine.assess(aCase("other"));
        RuleLimitException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(RuleLimitException.class, () -> engine.assess(aCase("probe"))));
        assertEquals(before, engine.assess(aCase("other")));
        assertTrue(e.getMessage().contains("'probe'"), e::getMessage);
        return e;
    }

    @Test
    void anActPastItsTimeBudgetStops() throws Exception {
        StringBuilder functions = new StringBuilder("function long f0(long x) { return x + 1; }\n");
        for (int i = 1; i <= 60; i++) {
            functions.append("function long f").append(i).append("(long x) { return f").append(i - 1)
                    .append("(x) + f").append(i - 1).append("(x + 1); }\n");
        }
        RuleSet rules = rules(functions + """
                rule "Calls 2^60 functions"
                    @provision("P-1")
                when
                    $act : Act( id == "probe" )
                then
                    Conclude.note(kcontext, $act, "" + f60(0));
                end
                """, RuleSetOptions.SAFE);
        SanctuaryEngine engine = SanctuaryEngine.of(rules, new JudgingLimits(Duration.ofMillis(300), 10_000));
        RuleLimitException e = stopped(engine);
        assertEquals(RuleLimitException.Limit.TIME, e.limit());
        assertTrue(e.getMessage().contains("time budget of 300 ms"), e::getMessage);
    }

    @Test
    void aTextPastTheLongestARuleMayBuildStops() throws Exception {
        RuleSet rules = rules("""
                rule "Doubles a text"
                    @provision("P-1")
                when
                    $act : Act( id == "probe" )
                then
                    String s = "0123456789";
                """ + "    s = s + s;\n".repeat(20) + """
                    Conclude.note(kcontext, $act, s);
                end
                """, RuleSetOptions.SAFE);
        RuleLimitException e = stopped(SanctuaryEngine.of(rules));
        assertEquals(RuleLimitException.Limit.TEXT, e.limit());
        assertTrue(e.getMessage().contains("the most is " + RuleGuard.MAX_TEXT), e::getMessage);
    }

    @Test
    void rulesThatKeepFiringStopAtTheFiringBudget() throws Exception {
        RuleSet rules = rules("""
                rule "Seed"
                    @provision("P-1")
                when
                    $act : Act( id == "probe" )
                then
                    insert(new Note($act, "Seed", "P-1", "ping"));
                end

                rule "Ping pong"
                    @provision("P-1")
                when
                    $n : Note( rule == "Seed" )
                then
                    delete($n);
                    insert(new Note($n.act(), $n.rule(), $n.provision(), "again"));
                end
                """, RuleSetOptions.SAFE);
        RuleLimitException e = stopped(SanctuaryEngine.of(rules, new JudgingLimits(Duration.ofSeconds(30), 200)));
        assertEquals(RuleLimitException.Limit.FIRINGS, e.limit());
        assertTrue(e instanceof RuleLoopException);
    }

    @Test
    void runningOutOfMemoryIsAnErrorOnThatActAlone() throws Exception {
        // Trusted rules only could ask for this much; the JVM refuses at once, without filling the heap.
        RuleSet rules = rules("""
                rule "Asks for 16 GB"
                    @provision("P-1")
                when
                    $act : Act( id == "probe" )
                then
                    long[] big = new long[Integer.MAX_VALUE];
                    Conclude.note(kcontext, $act, "" + big.length);
                end
                """, RuleSetOptions.ALLOW_UNSAFE_RULES);
        assertEquals(RuleLimitException.Limit.MEMORY, stopped(SanctuaryEngine.of(rules)).limit());
    }

    @Test
    void theAuditGoesOnPastALineThatRunsOutOfMemory() throws Exception {
        RuleSet rules = rules("""
                rule "Asks for 16 GB"
                    @provision("P-1")
                when
                    $act : Act( id == "probe" )
                then
                    long[] big = new long[Integer.MAX_VALUE];
                end
                """, RuleSetOptions.ALLOW_UNSAFE_RULES);
        String log = """
                {"id": "a", "date": "2024-01-01", "acts": [{"id": "first", "agency": "nypd", "kind": "hold_past_release"}]}
                {"id": "b", "date": "2024-01-01", "acts": [{"id": "probe", "agency": "nypd", "kind": "hold_past_release"}]}
                {"id": "c", "date": "2024-01-01", "acts": [{"id": "last", "agency": "nypd", "kind": "hold_past_release"}]}
                """;
        List<LineOutcome> skipped = new ArrayList<>();
        StringWriter out = new StringWriter();
        new Auditor(SanctuaryEngine.of(rules), 2).run(new LogReader(new ByteArrayInputStream(
                log.getBytes(StandardCharsets.UTF_8)), 1), new JsonlParser(), out, skipped::add, Progress.NONE);
        assertEquals(2, out.toString().lines().count(), out::toString);
        assertEquals(1, skipped.size(), skipped::toString);
        assertEquals(2, skipped.get(0).line());
    }
}
