package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanctuaryrules.engine.RuleSources;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options the commands share, the messages for a command line that cannot be read, and the CI switches. */
class CliOptionsTest {
    /** Rules refused unless --allow-unsafe-rules is given; their one rule never fires. */
    private static final String UNSAFE = "src/test/resources/hostile-rules/system-exit";
    private static final List<String> JUDGING = List.of("check", "explain", "coverage", "compare", "audit", "run");

    @TempDir
    Path dir;

    private Path scenario;

    private record Outcome(int exitCode, String out, String err) {
    }

    @BeforeEach
    void writeScenario() throws IOException {
        scenario = Files.writeString(dir.resolve("s.yaml"), """
                id: s
                title: an NYPD hold
                source: hypothetical
                date: 2024-01-01
                acts:
                  - {id: hold, agency: nypd, kind: hold_past_release}
                """);
    }

    // ---- shared options: one definition, every command ----------------------------------------------------------

    @Test
    void everyCommandThatLoadsRulesTakesTheSameRulesOptions() {
        CommandLine root = Main.commandLine(InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (String name : JUDGING) {
            CommandLine command = root.getSubcommands().get(name);
            OptionSpec rules = command.getCommandSpec().findOption("--rules");
            OptionSpec unsafe = command.getCommandSpec().findOption("--allow-unsafe-rules");
            assertTrue(rules != null && unsafe != null, name + " takes --rules and --allow-unsafe-rules");
            assertEquals(root.getSubcommands().get("run").getCommandSpec().findOption("--rules").description()[0],
                    rules.description()[0], name + ": the one definition of --rules");
        }
        for (String name : List.of("run", "explain", "compare")) {
            assertTrue(root.getSubcommands().get(name).getCommandSpec().findOption("--as-of") != null, name);
        }
        for (String name : List.of("check", "explain", "coverage", "compare", "run")) {
            assertTrue(root.getSubcommands().get(name).getCommandSpec().findOption("--format") != null, name);
        }
    }

    @Test
    void unsafeRulesAreRefusedByEveryCommandUnlessAllowed() throws IOException {
        Path log = dir.resolve("log.jsonl");
        assertEquals(0, run("audit-gen", "--lines", "3", log.toString()).exitCode());
        List<List<String>> commands = List.of(
                List.of("check", scenario.toString()),
                List.of("explain", scenario.toString()),
                List.of("coverage", scenario.toString()),
                List.of("compare", "--baseline", UNSAFE, scenario.toString()),
                List.of("audit", log.toString()),
                List.of("run", scenario.toString()));
        for (List<String> command : commands) {
            Outcome refused = run(with(command, "--rules", UNSAFE));
            assertEquals(2, refused.exitCode(), command + ": " + refused.err());
            assertTrue((refused.err() + refused.out()).contains("'System' is not allowed"), command + ": " + refused.err());

            Outcome allowed = run(with(command, "--rules", UNSAFE, "--allow-unsafe-rules"));
            assertFalse((allowed.err() + allowed.out()).contains("is not allowed"), command + ": " + allowed.err());
            assertFalse(allowed.err().contains("Unknown option"), command + ": " + allowed.err());
        }
    }

    private static String[] with(List<String> command, String... options) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(command.get(0)),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(options), command.stream().skip(1)))
                .toArray(String[]::new);
    }

    // ---- a command line that cannot be read: one line, a suggestion, where help is ---------------------------------

    @Test
    void aMistypedCommandGetsASuggestionNotTheWholeUsage() {
        Outcome o = run("rn", "scenarios/");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("sanctuary-rules: 'rn' is not a command (did you mean 'run'?); the commands are: run, "),
                o.err());
        assertEquals(2, o.err().lines().count(), "the problem and where the help is:\n" + o.err());
    }

    @Test
    void aMistypedOptionOrValueGetsASuggestion() {
        Outcome option = run("run", "--formt", "json", scenario.toString());
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("sanctuary-rules run: unknown option '--formt' (did you mean '--format'?)"),
                option.err());
        Outcome value = run("audit", "--format", "csvv", scenario.toString());
        assertEquals(2, value.exitCode());
        assertTrue(value.err().contains("'csvv' is not allowed (did you mean 'csv'?); use one of: jsonl, csv"),
                value.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1800-01-01", "2101-01-01"})
    void asOfIsLimitedToTheYearsOfScenarioDates(String date) {
        for (String command : List.of("run", "explain")) {
            Outcome o = run(command, "--as-of", date, scenario.toString());
            assertEquals(2, o.exitCode(), command);
            assertTrue(o.err().contains(date + " is outside 1900–2100"), o.err());
        }
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        Outcome lines = run("audit-gen", "--lines", "-5", dir.resolve("x.jsonl").toString());
        assertEquals(2, lines.exitCode());
        assertTrue(lines.err().contains("'--lines': '-5' is negative"), lines.err());
        assertFalse(Files.exists(dir.resolve("x.jsonl")), "nothing written");
        Outcome min = run("coverage", "--min", "150", scenario.toString());
        assertEquals(2, min.exitCode());
        assertTrue(min.err().contains("'--min': '150' is not a percentage from 0 to 100"), min.err());
        Outcome threads = run("audit", "--threads", "0", scenario.toString());
        assertEquals(2, threads.exitCode());
        assertTrue(threads.err().contains("'--threads': '0' is not 1 or more"), threads.err());
    }

    @Test
    void writingIntoAMissingFolderSaysSoBeforeAnyWork() throws IOException {
        Path missing = dir.resolve("no-such-folder").resolve("out.jsonl");
        Outcome gen = run("audit-gen", "--lines", "3", missing.toString());
        assertEquals(2, gen.exitCode());
        assertTrue(gen.err().contains("the folder " + missing.getParent() + " does not exist"), gen.err());
        assertFalse(gen.err().contains("internal error"), gen.err());

        Path log = dir.resolve("log.jsonl");
        assertEquals(0, run("audit-gen", "--lines", "3", log.toString()).exitCode());
        Outcome audit = run("audit", log.toString(), "--out", missing.toString());
        assertEquals(2, audit.exitCode());
        assertTrue(audit.err().contains("--out " + missing + ": the folder " + missing.getParent() + " does not exist"),
                audit.err());
        assertFalse(audit.err().contains("internal error"), audit.err());
    }

    @Test
    void compareNamesTheOptionWhoseDirectoryIsMissing() {
        Outcome o = run("compare", "--baseline", dir.resolve("nope").toString(), scenario.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains(": error: --baseline: cannot read the rule directory"), o.err());
    }

    // ---- audit: standard input, --fail-on-violation --------------------------------------------------------------

    @Test
    void auditReadsStandardInputAndCanFailOnAViolation() throws IOException {
        Path log = dir.resolve("log.jsonl");
        assertEquals(0, run("audit-gen", "--lines", "200", "--seed", "3", log.toString()).exitCode());
        byte[] lines = Files.readAllBytes(log);

        Outcome fromFile = run("audit", log.toString());
        Outcome fromStdin = run(new ByteArrayInputStream(lines), "audit", "-");
        assertEquals(0, fromStdin.exitCode(), fromStdin.err());
        assertEquals(withoutTime(fromFile.out()), withoutTime(fromStdin.out()),
                "the same results from a file and from standard input");
        assertTrue(fromStdin.out().contains("\"verdict\":\"VIOLATION\""), "the synthetic log holds violations");

        Outcome failing = run(new ByteArrayInputStream(lines), "audit", "--fail-on-violation", "-");
        assertEquals(AuditCommand.EXIT_VIOLATION, failing.exitCode(), failing.err());

        Outcome csvFromStdin = run(new ByteArrayInputStream("no,such,header\n".getBytes(StandardCharsets.UTF_8)),
                "audit", "--format", "csv", "-");
        assertEquals(2, csvFromStdin.exitCode());
        assertTrue(csvFromStdin.err().startsWith("sanctuary-rules audit: stdin:1: "), csvFromStdin.err());
    }

    /** Each audit states the time it ran; the rest is the same. */
    private static String withoutTime(String lines) {
        return lines.replaceAll("\"decided_at\":\"[^\"]*\"", "");
    }

    @Test
    void auditWithoutViolationsPassesFailOnViolation() throws IOException {
        Path log = dir.resolve("log.jsonl");
        assertEquals(0, run("audit-gen", "--lines", "50", "--seed", "3", log.toString()).exitCode());
        // One line of the synthetic log whose one act is compliant.
        String compliant = run("audit", log.toString()).out().lines()
                .filter(l -> l.contains("\"verdict\":\"COMPLIANT\"")).findFirst().orElseThrow();
        int line = Integer.parseInt(compliant.replaceAll(".*\"line\":(\\d+),.*", "$1"));
        Path one = Files.writeString(dir.resolve("one.jsonl"), Files.readAllLines(log).get(line - 1) + "\n");
        Outcome o = run("audit", "--fail-on-violation", one.toString());
        assertFalse(o.out().contains("VIOLATION"), o.out());
        assertEquals(0, o.exitCode(), o.out() + o.err());
    }

    // ---- check --strict, completion, --version -------------------------------------------------------------------

    @Test
    void strictCheckTurnsWarningsIntoErrors() {
        Outcome lenient = run("check");
        assertEquals(0, lenient.exitCode(), lenient.out());
        assertTrue(lenient.out().contains(": warning: "), "the shipped register has placeholder dates: " + lenient.out());
        Outcome strict = run("check", "--strict");
        assertEquals(2, strict.exitCode(), strict.out());
        assertFalse(strict.out().contains(": warning: "), strict.out());
        assertTrue(strict.out().contains(" 0 warnings"), strict.out());
    }

    @Test
    void completionWritesAShellScriptForEveryCommand() {
        Outcome o = run("completion");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("#!/usr/bin/env bash"), o.out());
        for (String command : JUDGING) {
            assertTrue(o.out().contains(command), command);
        }
        assertTrue(o.out().contains("--allow-unsafe-rules"), "options too");
    }

    @Test
    void versionNamesTheCommitAndTheShippedRules() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"run", "--version"})) {
            Outcome o = run(args);
            assertEquals(0, o.exitCode());
            List<String> lines = o.out().lines().toList();
            assertTrue(lines.get(0).matches("sanctuary-rules \\S.* \\(commit (unknown|[0-9a-f]{7,}.*)\\)"), o.out());
            assertEquals("shipped rules: version " + RuleSources.shippedVersion(), lines.get(1));
        }
    }

    private static Outcome run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static Outcome run(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, in, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
