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
 * The executable model precompiled at build time must judge exactly as the same rules compiled at run time — as an
 * analyst's rules are (executable model, verified, with the budget checks woven in) and as trusted rules are with
 * --allow-unsafe-rules (the DRL compiler): every shipped scenario, assessment by assessment. (The build's
 * process-classes step writes the precompiled rules; a build run with -Dprecompile.skip=true has none and fails the
 * first test.)
 */
class PrecompiledParityTest {
    @Test
    void theShippedEngineUsesThePrecompiledRules() {
        assertTrue(ShippedEngine.get().ruleSet().precompiled(), "rules/precompiled.properties is missing or stale");
    }

    @Test
    void theShippedRuleFilesInADirectoryUseThePrecompiledRulesUnlessToldNot() throws Exception {
        assertTrue(RuleSet.fromDirectory(Path.of("rules")).precompiled());
        assertFalse(RuleSet.compile("shipped rules", RuleSources.shipped(), RuleSetOptions.SAFE.withoutPrecompiled())
                .precompiled());
    }

    @Test
    void precompiledAndDrlRulesJudgeEveryScenarioAlike() throws Exception {
        RuleSet verified = RuleSet.compile("shipped rules", RuleSources.shipped(),
                RuleSetOptions.SAFE.withoutPrecompiled());
        RuleSet trusted = RuleSet.compile("shipped rules", RuleSources.shipped(),
                RuleSetOptions.ALLOW_UNSAFE_RULES.withoutPrecompiled());
        for (RuleSet drl : List.of(verified, trusted)) {
            assertFalse(drl.precompiled());
            assertEquals(ShippedEngine.get().ruleSet().version(), drl.version());
            assertEquals(ShippedEngine.get().ruleSet().rules(), drl.rules(), "rule names, places, provisions and notes");
        }
        SanctuaryEngine fromVerified = SanctuaryEngine.of(verified);
        SanctuaryEngine fromTrusted = SanctuaryEngine.of(trusted);
        ScenarioLoader loader = new ScenarioLoader();
        List<Path> files = loader.discover(List.of(Path.of("scenarios")));
        assertTrue(files.size() >= 150);
        for (Path file : files) {
            LoadResult loaded = loader.load(file);
            assertTrue(loaded.ok(), file.toString());
            var shipped = ShippedEngine.get().assess(loaded.scenario().aCase());
            assertEquals(shipped, fromVerified.assess(loaded.scenario().aCase()), file.toString());
            assertEquals(shipped, fromTrusted.assess(loaded.scenario().aCase()), file.toString());
        }
    }
}
