package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.scenario.ScenarioResult.Status;

/** A rule that throws while judging is reported on the scenario it broke, and the other scenarios still run. */
class RuleFailureTest {
    @TempDir
    static Path rules;

    private static SanctuaryEngine engine;

    @BeforeAll
    static void buildEngineWithAThrowingRule() throws Exception {
        Path testRules = ScenarioRunnerTest.TEST_RULES;
        Files.copy(testRules.resolve("provisions.yaml"), rules.resolve("provisions.yaml"));
        Files.copy(testRules.resolve("violent-or-serious-felonies.csv"), rules.resolve("violent-or-serious-felonies.csv"));
        Files.writeString(rules.resolve("throws.drl"), """
                package sanctuary;
                import org.sanctuaryrules.model.*;
                rule "Test: a rule with a bug"
                    @provision("TEST-1")
                when
                    Act( agency == Agency.DOC )
                then
                    throw new IllegalStateException("boom in the consequence");
                end
                """);
        engine = SanctuaryEngine.fromDirectory(rules);
    }

    @Test
    void aThrowingRuleIsAnErrorOnItsScenarioOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), ScenarioLoaderTest.minimal("").replace("agency: nypd", "agency: doc"));
        Files.writeString(dir.resolve("b.yaml"), ScenarioLoaderTest.minimal("").replace("id: minimal", "id: other"));

        RunReport report = new ScenarioRunner(engine).runAll(List.of(dir));

        ScenarioResult broken = report.results().get(0);
        assertEquals(Status.ERROR, broken.status());
        String message = broken.problems().get(0).message();
        assertTrue(message.contains("rule \"Test: a rule with a bug\" (" + rules.resolve("throws.drl") + ":3)"), message);
        assertTrue(message.contains("boom in the consequence"), message);
        assertEquals(Status.NO_EXPECTATION, report.results().get(1).status());
    }
}
