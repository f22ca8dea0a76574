package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.ScenarioResult.Status;

class ScenarioRunnerTest {
    static final Path TEST_RULES = Path.of("src/test/resources/test-rules");

    private static SanctuaryEngine engine;
    private final ScenarioLoader loader = new ScenarioLoader();

    @BeforeAll
    static void buildEngine() throws Exception {
        engine = SanctuaryEngine.fromDirectory(TEST_RULES);
    }

    @Test
    void matchingExpectationPasses() {
        ScenarioResult r = run(hold("verdict: violation\n  acts: { hold: violation }\n  cites: [TEST-1]"));
        assertEquals(Status.PASSED, r.status(), r.mismatches().toString());
        assertEquals(Verdict.VIOLATION, r.assessment().verdict());
        assertEquals(List.of(), r.mismatches());
    }

    @Test
    void differingExpectationFailsWithEachMismatch() {
        ScenarioResult r = run(hold("verdict: compliant\n  acts: { hold: compliant }\n  cites: [TEST-2]"));
        assertEquals(Status.FAILED, r.status());
        assertEquals(List.of("scenario: expected COMPLIANT, got VIOLATION", "act hold: expected COMPLIANT, got VIOLATION",
                "provision TEST-2 not cited"), r.mismatches());
    }

    @Test
    void scenarioWithoutExpectationIsJudgedButNotChecked() {
        ScenarioResult r = run(ScenarioLoaderTest.minimal(""));
        assertEquals(Status.NO_EXPECTATION, r.status());
        assertEquals(Verdict.VIOLATION, r.assessment().verdict());
    }

    @Test
    void citingAProvisionNotInTheRegisterIsAnErrorAtItsLine() {
        ScenarioResult r = run(hold("verdict: violation\n  cites: [TEST-1, NOPE-9]"));
        assertEquals(Status.ERROR, r.status());
        assertNotNull(r.assessment(), "the scenario is still judged");
        Problem p = r.problems().get(0);
        assertEquals("expect.cites[1]", p.field());
        assertEquals(11, p.line());
        assertTrue(p.message().contains("'NOPE-9'"), p.message());
        assertEquals(List.of(), r.mismatches(), "an unknown id is not also reported as not cited");
    }

    @Test
    void runAllReportsEveryFileAndTheExitCode(@TempDir Path dir) throws IOException {
        write(dir, "a-pass.yaml", hold("verdict: violation"));
        assertEquals(0, runner().runAll(List.of(dir)).exitCode());

        write(dir, "b-fail.yaml", hold("verdict: compliant").replace("id: minimal", "id: b"));
        assertEquals(1, runner().runAll(List.of(dir)).exitCode());

        write(dir, "c-broken.yaml", "id: [\n");
        write(dir, "d-none.yaml", ScenarioLoaderTest.minimal("").replace("id: minimal", "id: d"));
        RunReport report = runner().runAll(List.of(dir));

        assertEquals(List.of(Status.PASSED, Status.FAILED, Status.ERROR, Status.NO_EXPECTATION),
                report.results().stream().map(ScenarioResult::status).toList());
        assertNull(report.results().get(2).scenario());
        assertEquals(dir.resolve("c-broken.yaml"), report.results().get(2).file());
        assertEquals(2, report.exitCode());
        RunSummary summary = report.summary();
        assertEquals(4, summary.scenarios());
        assertEquals(1, summary.passed());
        assertEquals(1, summary.failed());
        assertEquals(1, summary.errors());
        assertEquals(1, summary.noExpectation());
        assertEquals(3, summary.verdicts().get(Verdict.VIOLATION));
        assertEquals(0, summary.verdicts().get(Verdict.COMPLIANT));
        assertEquals("1 passed, 1 failed, 1 errors, 1 without expectation", summary.line());
        assertEquals(TEST_RULES.toString(), report.ruleSetOrigin());
        assertEquals(engine.ruleSet().version(), report.ruleSetVersion());
    }

    /**
     * Two files with the same id: which one is "the real one" cannot be told, and settling it by the order the files
     * sort in turned the real file into an error when a copy sorted first. Both are errors, each naming the other,
     * whatever the order.
     */
    @Test
    void aRepeatedScenarioIdIsAnErrorOnBothFilesNamingEachOther(@TempDir Path dir) throws IOException {
        Path a = write(dir, "a-copy.yaml", ScenarioLoaderTest.minimal(""));
        Path b = write(dir, "b-real.yaml", ScenarioLoaderTest.minimal(""));
        Path other = write(dir, "c-other.yaml", ScenarioLoaderTest.minimal("").replace("id: minimal", "id: other"));

        for (List<Path> order : List.of(List.of(a, b, other), List.of(b, a, other))) {
            RunReport report = runner().runAll(order);
            for (int i = 0; i < 2; i++) {
                ScenarioResult r = report.results().get(i);
                Path theOther = r.file().equals(a) ? b : a;
                assertEquals(Status.ERROR, r.status(), r.file().toString());
                assertEquals(null, r.assessment(), "neither is judged");
                Problem p = r.problems().get(0);
                assertEquals(r.file().toString(), p.file());
                assertEquals("id", p.field());
                assertEquals(1, p.line());
                assertTrue(p.message().contains(theOther.toString()), p.toString());
                assertFalse(p.message().contains("minimal"), "the id is not quoted: " + p);
            }
            assertEquals(Status.NO_EXPECTATION, report.results().get(2).status());
            assertEquals(2, report.exitCode());
        }
    }

    @Test
    void manyFilesComeBackInFileOrderWithEveryRepeatAnError(@TempDir Path dir) throws IOException {
        // Files are loaded and judged on every core; the report must not depend on which finished first.
        for (int i = 0; i < 60; i++) {
            String id = i % 10 == 9 ? "repeated" : "s" + i;
            write(dir, "f%02d.yaml".formatted(i), ScenarioLoaderTest.minimal("").replace("id: minimal", "id: " + id));
        }

        RunReport report = runner().runAll(List.of(dir));

        assertEquals(60, report.results().size());
        for (int i = 0; i < 60; i++) {
            ScenarioResult r = report.results().get(i);
            assertEquals("f%02d.yaml".formatted(i), r.file().getFileName().toString());
            boolean repeat = i % 10 == 9;
            assertEquals(repeat ? Status.ERROR : Status.NO_EXPECTATION, r.status(), r.file().toString());
        }
        String message = report.results().get(9).problems().get(0).message();
        assertTrue(message.contains("f19.yaml") && message.contains("f59.yaml") && !message.contains("f09.yaml"),
                message);
    }

    /**
     * {@code runEach} hands results on in file order and keeps none: by the time a result is handed on, those handed
     * on a window earlier can be collected. (A run that kept every result held all of them until the end, which is
     * what made {@code run --format json} on big files run out of memory.)
     */
    @Test
    void runEachHandsResultsOnInOrderAndKeepsNone(@TempDir Path dir) throws IOException {
        int files = 60;
        for (int i = 0; i < files; i++) {
            write(dir, "f%02d.yaml".formatted(i), ScenarioLoaderTest.minimal("").replace("id: minimal", "id: s" + i));
        }
        ScenarioFiles loaded = ScenarioFiles.load(loader, List.of(dir));
        int window = 2 * Runtime.getRuntime().availableProcessors() + 1;
        List<java.lang.ref.WeakReference<Object>> handedOn = new java.util.ArrayList<>();
        List<String> order = new java.util.ArrayList<>();
        RunSummary summary = runner().runEach(loaded, r -> {
            order.add(r.file().getFileName().toString());
            handedOn.add(new java.lang.ref.WeakReference<>(r.assessment()));
            if (handedOn.size() == files - 5) {
                // System.gc() is only a request: ask a few times before calling a result held (one held for real
                // stays reachable however often the collector runs).
                long kept = Long.MAX_VALUE;
                for (int attempt = 0; attempt < 5 && kept > 0; attempt++) {
                    System.gc();
                    kept = handedOn.subList(0, handedOn.size() - window).stream().filter(w -> w.get() != null).count();
                }
                assertEquals(0, kept, "results handed on earlier are still held");
            }
        });
        assertEquals(java.util.stream.IntStream.range(0, files).mapToObj("f%02d.yaml"::formatted).toList(), order);
        assertEquals(files, summary.scenarios());
        assertEquals(files, summary.noExpectation());
        assertEquals(0, summary.exitCode());
    }

    @Test
    void aMissingPathIsAnErrorResult(@TempDir Path dir) {
        RunReport report = runner().runAll(List.of(dir.resolve("nope.yaml")));
        assertEquals(Status.ERROR, report.results().get(0).status());
        assertEquals(2, report.exitCode());
    }

    @Test
    void aDirectoryWithoutScenariosIsAnError(@TempDir Path dir) {
        RunReport report = runner().runAll(List.of(dir));
        assertEquals(1, report.results().size());
        assertTrue(report.results().get(0).problems().get(0).message().contains("no scenario files"));
        assertEquals(2, report.exitCode());
    }

    @Test
    void liftedProhibitionAndMissingFactsAreJudged() {
        ScenarioResult r = run("""
                id: lifted
                title: t
                source: s
                date: 2024-02-01
                request: { from: ice_ero, instruments: [judicial_warrant] }
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                  - { id: notify, agency: doc, kind: notify_release }
                expect:
                  acts: { hold: compliant, notify: indeterminate }
                  verdict: indeterminate
                """);
        assertEquals(Status.PASSED, r.status(), r.mismatches().toString());
        assertEquals(List.of("acts[].purpose"), r.assessment().act("notify").missingFacts());
    }

    private ScenarioRunner runner() {
        return new ScenarioRunner(engine, loader);
    }

    private ScenarioResult run(String yaml) {
        LoadResult loaded = loader.parse("test.yaml", yaml);
        assertTrue(loaded.ok(), () -> loaded.problems().toString());
        return runner().run(loaded.scenario());
    }

    /** The minimal NYPD hold (a violation under the test rules) with an {@code expect:} block. */
    private static String hold(String expectations) {
        return ScenarioLoaderTest.minimal("expect:\n  " + expectations + "\n");
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
