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
}
