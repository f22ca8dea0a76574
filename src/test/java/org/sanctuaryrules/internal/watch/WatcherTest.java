package org.sanctuaryrules.internal.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.engine.SanctuaryEngine;

/** The watch core driven by hand: each test saves files, then calls {@code onChange} as the loop would. */
class WatcherTest {
    private static final Path TEST_RULES = Path.of("src/test/resources/test-rules");

    @TempDir
    Path dir;

    private Path rules;
    private Path scenarios;
    private Path hold;
    private int builds;
    private Watcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        for (String f : List.of("test.drl", "provisions.yaml", "violent-or-serious-felonies.csv")) {
            Files.copy(TEST_RULES.resolve(f), rules.resolve(f));
        }
        scenarios = Files.createDirectories(dir.resolve("scenarios"));
        hold = scenario("hold.yaml", "hold", "violation", "");
        watcher = new Watcher(() -> {
            builds++;
            return SanctuaryEngine.fromDirectory(rules);
        }, List.of(scenarios), null);
    }

    @Test
    void theFirstRunCompilesAndReportsNoChanges() {
        WatchRound first = watcher.start();
        assertEquals(1, builds);
        assertTrue(first.rulesReloaded());
        assertEquals(1, first.report().summary().passed());
        assertEquals(List.of(), first.changes());
    }

    @Test
    void aScenarioSaveReRunsWithoutRecompilingAndShowsTheChange() throws IOException {
        watcher.start();
        scenario("hold.yaml", "hold", "violation", "  instruments: [judicial_warrant]\n");

        WatchRound round = watcher.onChange(Set.of(hold));

        assertEquals(1, builds, "only scenario files changed");
        assertEquals(List.of("hold: PASSED VIOLATION -> FAILED COMPLIANT"), lines(round));
        assertTrue(new WatchRoundText().render(round).contains("changed since the last run:\n"
                + "    hold: PASSED VIOLATION -> FAILED COMPLIANT\nFAIL  hold\n"));
    }

    @Test
    void aNewAndADeletedScenarioAreChanges() throws IOException {
        watcher.start();
        Path other = scenario("other.yaml", "other", "violation", "");
        assertEquals(List.of("other: (new) -> PASSED VIOLATION"), lines(watcher.onChange(Set.of(other))));
        Files.delete(other);
        assertEquals(List.of("other: PASSED VIOLATION -> (gone)"), lines(watcher.onChange(Set.of(other))));
    }

    @Test
    void aBrokenRuleSaveKeepsTheLastGoodRulesAndAFixReloads() throws IOException {
        WatchRound first = watcher.start();
        String good = Files.readString(rules.resolve("test.drl"));
        Files.writeString(rules.resolve("test.drl"), good + "\nrule \"broken\" when then end end\n");

        WatchRound broken = watcher.onChange(Set.of(rules.resolve("test.drl")));

        assertFalse(broken.ruleProblems().isEmpty());
        assertTrue(broken.keptLastGoodRules());
        assertEquals(first.report().ruleSetVersion(), broken.report().ruleSetVersion(), "judged with the old rules");
        assertTrue(new WatchRoundText().render(broken).contains("the saved rules do not compile; judged with the "
                + "last rules that did:\n    " + broken.ruleProblems().get(0)));

        // Drop the exception: the hold, expected to be a violation, stays one; a changed rule file recompiles.
        Files.writeString(rules.resolve("test.drl"), good.replace("act.presents(Instrument.JUDICIAL_WARRANT)",
                "act.presents(Instrument.DETAINER)"));
        WatchRound fixed = watcher.onChange(Set.of(rules.resolve("test.drl")));
        assertTrue(fixed.rulesReloaded());
        assertEquals(List.of(), fixed.ruleProblems());
        assertFalse(fixed.report().ruleSetVersion().equals(first.report().ruleSetVersion()));
    }

    @Test
    void rulesThatNeverCompiledGiveNoReport() throws IOException {
        Files.writeString(rules.resolve("test.drl"), "package sanctuary;\nrule \"x\" when then end end\n");
        WatchRound round = watcher.start();
        assertNull(round.report());
        assertTrue(new WatchRoundText().render(round).contains("the rules do not compile; waiting for a fix:"));
    }

    @Test
    void onlyRuleDataAndScenarioFilesTriggerARun() {
        assertTrue(WatchLoop.relevant(Path.of("rules/detainers.drl")));
        assertTrue(WatchLoop.relevant(Path.of("rules/violent-or-serious-felonies.csv")));
        assertTrue(WatchLoop.relevant(Path.of("scenarios/a.yml")));
        assertFalse(WatchLoop.relevant(Path.of("rules/.detainers.drl.swp")));
        assertFalse(WatchLoop.relevant(Path.of("rules/README.md")));
        assertTrue(Watcher.isRuleFile(Path.of("v/overlay.yaml")));
        assertFalse(Watcher.isRuleFile(Path.of("scenarios/a.yaml")));
    }

    private static List<String> lines(WatchRound round) {
        return round.changes().stream().map(ScenarioChange::line).toList();
    }

    @Test
    void verboseShowsAFailingScenarioInFullAndQuietTextOnlyItsMismatch() throws IOException {
        scenario("hold.yaml", "hold", "compliant", "");
        WatchRound round = watcher.start();
        String brief = new WatchRoundText().render(round);
        String full = new WatchRoundText(true).render(round);
        assertTrue(brief.contains("FAIL  hold\n    mismatch: "), brief);
        assertFalse(brief.contains("held past release"), brief);
        assertTrue(full.contains("prohibited by") && full.contains("held past release"), full);
        assertTrue(full.contains("rules that fired:") && full.contains("test.drl:"), "where each rule is written: " + full);
        assertTrue(full.endsWith("0 passed, 1 failed, 0 errors, 0 without expectation\n"), full);
    }

    private Path scenario(String name, String id, String expected, String request) throws IOException {
        return Files.writeString(scenarios.resolve(name), """
                id: %s
                title: NYPD holds a person past release
                source: hypothetical
                date: 2024-02-01
                request:
                  from: ice_ero
                %sacts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                expect: { verdict: %s }
                """.formatted(id, request, expected));
    }
}
