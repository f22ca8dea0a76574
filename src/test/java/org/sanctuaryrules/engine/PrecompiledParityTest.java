package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * The executable model precompiled at build time must judge exactly as the DRL compiled at run time: every shipped
 * scenario, assessment by assessment. (The build's process-classes step writes the precompiled rules; a build
 * run with -Dprecompile.skip=true has none and fails the first test.)
 */
class PrecompiledParityTest {
    @Test
    void theShippedEngineUsesThePrecompiledRules() {
        assertTrue(ShippedEngine.get().ruleSet().precompiled(), "rules/precompiled.properties is missing or stale");
    }

    @Test
    void rulesGivenAsFilesAreCompiledFromTheDrl() throws Exception {
        assertFalse(RuleSet.compile("shipped rules", RuleSources.shipped()).precompiled());
    }

    @Test
    void precompiledAndDrlRulesJudgeEveryScenarioAlike() throws Exception {
        RuleSet drl = RuleSet.compile("shipped rules", RuleSources.shipped());
        assertEquals(ShippedEngine.get().ruleSet().version(), drl.version());
        assertEquals(ShippedEngine.get().ruleSet().rules(), drl.rules(), "rule names, places, provisions and notes");
        SanctuaryEngine fromDrl = SanctuaryEngine.of(drl);
        ScenarioLoader loader = new ScenarioLoader();
        List<Path> files = loader.discover(List.of(Path.of("scenarios")));
        assertTrue(files.size() >= 150);
        for (Path file : files) {
            LoadResult loaded = loader.load(file);
            assertTrue(loaded.ok(), file.toString());
            assertEquals(fromDrl.assess(loaded.scenario().aCase()), ShippedEngine.get().assess(loaded.scenario().aCase()),
                    file.toString());
        }
    }
}
