package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;

/** Rule files that reach outside the model are refused with file and line, unless the caller opts in. */
class UnsafeRuleCheckTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");

    static Stream<Arguments> hostileRuleSets() {
        return Stream.of(
                // directory, line of the first problem, words in its message
                Arguments.of("system-exit", 13, "'System' is not allowed"),
                Arguments.of("runtime-exec", 13, "'Runtime' is not allowed"),
                Arguments.of("process-builder", 13, "'ProcessBuilder' is not allowed"),
                Arguments.of("import-java-io", 7, "import of 'java.io.File' is not allowed"),
                Arguments.of("qualified-nio", 13, "'java.nio.file.Files.exists' is outside"),
                Arguments.of("network", 13, "'java.net.Socket' is outside"),
                Arguments.of("reflection", 13, "'Class' is not allowed"),
                Arguments.of("get-class-loader", 13, "'getClass' is not allowed"),
                Arguments.of("method-handles", 13, "'java.lang.invoke.MethodHandles.lookup' is outside"),
                Arguments.of("thread", 13, "'Thread' is not allowed"),
                Arguments.of("script-engine", 13, "'javax.script.ScriptEngineManager' is outside"),
                Arguments.of("mvel-eval", 10, "attribute 'dialect' is not allowed"),
                Arguments.of("unicode-escape", 13, "Unicode escapes"),
                Arguments.of("while-true", 13, "'while' is not allowed"),
                Arguments.of("counting-for", 13, "counting for-loops"),
                Arguments.of("function-import", 7, "import of 'java.lang.System.exit' is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRuleSets")
    void refusedByDefaultWithFileAndLine(String name, int line, String words) {
        RuleSetException refused = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(HOSTILE.resolve(name)));
        Problem first = refused.problems().get(0);
        assertEquals(Problem.Severity.ERROR, first.severity());
        assertTrue(first.file().endsWith("hostile.drl"), first::toString);
        assertEquals(line, first.line(), first::toString);
        assertTrue(first.message().contains(words), first::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRuleSets")
    void compiledWhenTheCallerOptsIn(String name, int line, String words) {
        RuleSet rules = assertDoesNotThrow(() -> RuleSet.fromDirectory(HOSTILE.resolve(name),
                RuleSetOptions.ALLOW_UNSAFE_RULES));
        assertTrue(rules.rules().containsKey("Hostile"));
    }

    @Test
    void theShippedAndTestRulesPassTheCheck() throws Exception {
        assertEquals(List.of(), UnsafeRuleCheck.check(drls(RuleSources.shipped())));
        assertEquals(List.of(), UnsafeRuleCheck.check(drls(RuleSources.fromDirectory(Path.of("src/test/resources/test-rules")))));
    }

    private static List<SourceFile> drls(List<SourceFile> files) {
        return files.stream().filter(f -> f.name().endsWith(".drl")).toList();
    }

    @Test
    void commentsAndStringsMayNameAnything() {
        String drl = """
                package sanctuary;
                // System.exit(1) would be refused in code, not in a comment
                /* nor java.io.File in a block comment */
                rule "Talks about System.exit"
                    @note("Runtime and Thread are words here")
                when
                then
                end
                """;
        assertEquals(List.of(), UnsafeRuleCheck.check(new SourceFile("talk.drl", drl)));
    }

    @Test
    void everyOffenceIsReportedAtItsOwnLineAndColumn() {
        String drl = "package sanctuary;\nrule \"x\" when then\n  System.exit(1);\n    new Thread();\nend\n";
        List<Problem> problems = UnsafeRuleCheck.check(new SourceFile("two.drl", drl));
        assertEquals(List.of("two.drl:3:3", "two.drl:4:9"),
                problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList());
    }

    @Test
    void waitingEndlessStreamsAndClassLiteralsAreRefused() {
        String drl = """
                package sanctuary;
                rule "x" when then
                    synchronized ($act) { $act.wait(); }
                    java.util.stream.Stream.iterate(0, i -> i + 1).forEach(i -> { });
                    Object m = Act.class;
                end
                """;
        List<String> found = UnsafeRuleCheck.check(new SourceFile("x.drl", drl)).stream()
                .map(p -> p.line() + " " + p.message().substring(0, p.message().indexOf(' ', 1))).toList();
        assertEquals(List.of("3 'synchronized'", "3 'wait'", "4 'iterate'", "5 class"), found);
    }

    @Test
    void rulesThatRetriggerEachOtherStopWithAnError() throws Exception {
        SanctuaryEngine engine = SanctuaryEngine.of(RuleSet.fromDirectory(HOSTILE.resolve("endless-retrigger")));
        Case aCase = new Case("loop", null, null,
                List.of(Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build()));
        RuleLoopException loop = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RuleLoopException.class, () -> engine.assess(aCase)));
        assertTrue(loop.getMessage().contains("act 'hold'"), loop.getMessage());
    }

    @Test
    void recursionIsRefusedAtLoadFromTheCompiledCode() {
        RuleSetException refused = assertThrows(RuleSetException.class,
                () -> RuleSet.fromDirectory(HOSTILE.resolve("endless-recursion")));
        Problem first = refused.problems().get(0);
        assertTrue(first.toString().contains("recursion.drl:8:12: error: function \"deeper\": compiled rule code "
                + "calls itself (deeper → deeper)"), first::toString);
    }

    @Test
    void endlessRecursionInTrustedRulesStopsWithAnError() throws Exception {
        SanctuaryEngine engine = SanctuaryEngine.of(RuleSet.fromDirectory(HOSTILE.resolve("endless-recursion"),
                RuleSetOptions.ALLOW_UNSAFE_RULES));
        Case aCase = new Case("deep", null, null,
                List.of(Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build()));
        RuleLoopException loop = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RuleLoopException.class, () -> engine.assess(aCase)));
        assertTrue(loop.getMessage().contains("recursed without end"), loop.getMessage());
    }
}
