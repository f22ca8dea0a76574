package org.sanctuaryrules.internal.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.engine.RuleSources;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * The oracle judges a situation's completions as a batch shared among the cores ({@link CompletionOracle#judgeAll},
 * which {@link CompletionOracle#complete} uses). That path must judge exactly as the plainest one: each completion
 * alone, in a fresh session, with the rules compiled from the DRL at run time — for completions of every act of
 * every shipped scenario, assessment by assessment (verdict, every finding with its explanation and notes, their
 * order, the missing facts).
 */
class CompletionParityTest {
    /** Completions per act: enough to vary every family's facts, few enough for a quick test. */
    private static final int PER_ACT = 12;

    @Test
    void batchedCompletionsOnPooledPrecompiledRulesJudgeAsFreshSessionsOnDrlRules() throws Exception {
        RuleSet drl = RuleSet.compile("shipped rules", RuleSources.shipped(),
                RuleSetOptions.ALLOW_UNSAFE_RULES.withoutPrecompiled());
        assertFalse(drl.precompiled());
        assertTrue(ShippedEngine.get().ruleSet().precompiled());
        CompletionOracle plain = new CompletionOracle(SanctuaryEngine.of(drl, SanctuaryEngine.Sessions.FRESH), PER_ACT);
        CompletionOracle batched = new CompletionOracle(ShippedEngine.get(), PER_ACT);

        ScenarioLoader loader = new ScenarioLoader();
        List<Situation> all = new ArrayList<>();
        List<ActAssessment> expected = new ArrayList<>();
        int judged = 0;
        for (Path file : loader.discover(List.of(Path.of("scenarios")))) {
            LoadResult loaded = loader.load(file);
            assertTrue(loaded.ok(), file + ": " + loaded.problems());
            for (Situation s : Situation.of(loaded.scenario().aCase())) {
                List<Situation> completions = Completions.of(s, PER_ACT, file.getFileName().toString().hashCode());
                List<ActAssessment> oneByOne = completions.stream().map(plain::judge).toList();
                assertEquals(oneByOne, batched.judgeAll(completions), file + " " + s.act().id());
                List<Verdict> verdicts = oneByOne.stream().map(ActAssessment::verdict).toList();
                long seed = file.getFileName().toString().hashCode();
                assertEquals(verdicts, batched.complete(s, seed).verdicts(), file + " " + s.act().id());
                all.addAll(completions);
                expected.addAll(oneByOne);
                judged += completions.size();
            }
        }
        assertTrue(judged > 1000, "completions judged: " + judged);
        // All of them in one long batch: the cores share it, and the order is kept.
        assertEquals(expected, batched.judgeAll(all));
    }
}
