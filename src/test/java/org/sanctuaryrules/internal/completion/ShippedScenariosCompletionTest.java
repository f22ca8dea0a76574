package org.sanctuaryrules.internal.completion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * The meaning of INDETERMINATE, checked mechanically on every act of every shipped scenario, as written and with each
 * given fact removed in turn ({@link SoundnessCheck} says what is checked; the bound: every completion when there
 * are at most {@value #BOUND}, else a seeded sample of that many). Every flaw it finds is a bug in the rules until
 * shown otherwise.
 */
class ShippedScenariosCompletionTest {
    static final int BOUND = 128;
    /**
     * Scenario files whose flaws are known and not yet fixed, one a line with the reason after a '#'. A listed file
     * must still have a flaw (when it is fixed, take it off the list); every other file must have none.
     */
    private static final Path KNOWN_FLAWS = Path.of("src/test/resources/completion/known-flaws.txt");
    private static final Path SCENARIOS = Path.of("scenarios");

    @TestFactory
    Stream<DynamicTest> everyShippedActMeansWhatItsVerdictSays() throws IOException {
        SoundnessCheck check = new SoundnessCheck(new CompletionOracle(ShippedEngine.get(), BOUND));
        ScenarioLoader loader = new ScenarioLoader();
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            // -Dcompletion.only=PREFIX checks only the files whose names start with it (while working on one family).
            String only = System.getProperty("completion.only", "");
            files = s.filter(p -> p.toString().endsWith(".yaml") && p.getFileName().toString().startsWith(only))
                    .sorted().toList();
        }
        // The checks of all files run first, on every core (the engine is thread-safe); then one test per file.
        Map<Path, List<String>> flaws = files.parallelStream().collect(Collectors.toMap(f -> f, f -> {
            LoadResult loaded = loader.load(f);
            if (!loaded.ok()) {
                return List.of("does not load: " + loaded.problems());
            }
            List<String> found = new ArrayList<>();
            for (Situation s : Situation.of(loaded.scenario().aCase())) {
                check.check(s, f.getFileName().toString()).forEach(flaw -> found.add(flaw.toString()));
            }
            return found;
        }));
        java.util.Set<String> known = Files.readAllLines(KNOWN_FLAWS).stream().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty()).collect(Collectors.toSet());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            if (known.contains(file.getFileName().toString())) {
                assertTrue(!flaws.get(file).isEmpty(), () -> file + " has no flaw left: take it off " + KNOWN_FLAWS);
            } else {
                assertTrue(flaws.get(file).isEmpty(), () -> file + ":\n  " + String.join("\n  ", flaws.get(file)));
            }
        }));
    }
}
