package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --rules} refuses unsafe rule files with file:line, and compiles them with --allow-unsafe-rules. */
class HostileRulesCliTest {
    private static final String SYSTEM_EXIT = "src/test/resources/hostile-rules/system-exit";

    @TempDir
    Path dir;

    @Test
    void unsafeRulesAreRefusedUnlessAllowed() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                id: s
                title: t
                source: s
                date: 2024-01-01
                acts:
                  - {id: hold, agency: nypd, kind: hold_past_release}
                """);
        StringWriter err = new StringWriter();
        int refused = Main.execute(new String[] {"run", "--rules", SYSTEM_EXIT, scenario.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, refused);
        assertTrue(err.toString().contains("hostile.drl:13:5: error: 'System' is not allowed"), err::toString);

        StringWriter out = new StringWriter();
        int allowed = Main.execute(new String[] {"run", "--allow-unsafe-rules", "--rules", SYSTEM_EXIT,
                scenario.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, allowed, out::toString);
    }

    @Test
    void rulesThatNeverSettleAreAnErrorOnTheScenarioAndTheRunGoesOn() throws IOException {
        Path looping = Files.writeString(dir.resolve("a.yaml"), """
                id: looping
                title: t
                source: s
                date: 2024-01-01
                acts:
                  - {id: hold, agency: nypd, kind: hold_past_release}
                """);
        Path quiet = Files.writeString(dir.resolve("b.yaml"), """
                id: quiet
                title: t
                source: s
                date: 2024-01-01
                acts:
                  - {id: tell, agency: doc, kind: notify_release}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--rules", "src/test/resources/hostile-rules/endless-retrigger",
                looping.toString(), quiet.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains(looping + ":1:1: error: the rules failed while judging this scenario: "
                + "the rules fired 10000 times for act 'hold' without settling"), err::toString);
        assertTrue(out.toString().contains("quiet"), out::toString);
    }
}
