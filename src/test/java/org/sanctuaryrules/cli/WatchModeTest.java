package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.internal.watch.WatchRound;
import org.sanctuaryrules.internal.watch.Watcher;

/** {@code run --watch --decision-log}: every round appends its records, as a single run does. */
class WatchModeTest {
    private static final Path TEST_RULES = Path.of("src/test/resources/test-rules");

    @TempDir
    Path dir;

    @Test
    void everyRoundAppendsItsDecisionRecords() throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("hold.yaml"), """
                id: hold
                title: NYPD holds a person past release
                source: hypothetical
                date: 2024-02-01
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                expect: { verdict: violation }
                """);
        Watcher watcher = new Watcher(() -> SanctuaryEngine.fromDirectory(TEST_RULES), List.of(scenarios), null);
        Path log = dir.resolve("decisions.jsonl");
        Function<WatchRound, String> after = WatchMode.decisionRecords(log);

        assertEquals("", after.apply(watcher.start()));
        assertEquals(1, Files.readAllLines(log).size());
        assertTrue(Files.readString(log).contains("\"case_id\":\"hold\""), Files.readString(log));
        assertEquals("", after.apply(watcher.onChange(Set.of(scenarios.resolve("hold.yaml")))));
        assertEquals(2, Files.readAllLines(log).size(), "the second round appended its record");
    }

    @Test
    void aLogThatCannotBeWrittenIsShownAndWatchingGoesOn() throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("hold.yaml"), """
                id: hold
                title: t
                source: s
                date: 2024-02-01
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                """);
        Watcher watcher = new Watcher(() -> SanctuaryEngine.fromDirectory(TEST_RULES), List.of(scenarios), null);
        Path log = dir.resolve("missing").resolve("decisions.jsonl");
        String shown = WatchMode.decisionRecords(log).apply(watcher.start());
        assertTrue(shown.contains("--decision-log: cannot write the decision log: the folder"), shown);
    }
}
