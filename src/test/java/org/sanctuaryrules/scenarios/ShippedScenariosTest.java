package org.sanctuaryrules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.Provision;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioRunner;

/**
 * Every file in {@code scenarios/} judged by the shipped rules, one test each, so {@code mvn test} fails when a
 * rule change moves a verdict; plus the promises the scenario set makes about the rules as a whole.
 */
class ShippedScenariosTest {
    private static final Path SCENARIOS = Path.of("scenarios");
    private static RunReport report;

    @BeforeAll
    static void runAll() {
        report = new ScenarioRunner(ShippedEngine.get()).runAll(List.of(SCENARIOS));
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioMeetsItsExpectation() {
        return report.results().stream().map(result -> DynamicTest.dynamicTest(result.name(), () ->
                assertEquals(ScenarioResult.Status.PASSED, result.status(), () -> result.file() + ": "
                        + result.mismatches() + result.problems())));
    }

    @Test
    void theSetIsLargeAndEveryScenarioSaysWhereItComesFrom() {
        assertTrue(report.results().size() >= 40, "at least 40 shipped scenarios");
        report.results().forEach(r -> assertFalse(r.scenario().source() == null || r.scenario().source().isBlank(),
                r.file() + " has no source line"));
    }

    @Test
    void everyProhibitionIsKeptSilentBySomeScenario() {
        // Kept silent = lifted by an exception, or the same kind of act judged on a day its provision is not in force.
        Map<String, Set<ActKind>> prohibitedKinds = new TreeMap<>();
        Set<String> silenced = new TreeSet<>();
        List<ActAssessment> acts = report.results().stream().filter(r -> r.assessment() != null)
                .flatMap(r -> r.assessment().acts().stream()).toList();
        for (ActAssessment act : acts) {
            for (Finding f : act.findings()) {
                if (f.effect() == Effect.PROHIBITS) {
                    prohibitedKinds.computeIfAbsent(f.rule(), k -> new TreeSet<>()).add(act.kind());
                } else if (f.effect() == Effect.LIFTS) {
                    silenced.add(f.lifts());
                }
            }
        }
        Map<String, RuleInfo> rules = ShippedEngine.get().ruleSet().rules();
        for (ActAssessment act : acts) {
            prohibitedKinds.forEach((rule, kinds) -> {
                Provision provision = ShippedEngine.get().ruleSet().provisions().find(rules.get(rule).provision())
                        .orElseThrow();
                if (kinds.contains(act.kind()) && !provision.inForceOn(act.date())) {
                    silenced.add(rule);
                }
            });
        }
        Set<String> neverSilenced = new TreeSet<>(prohibitedKinds.keySet());
        neverSilenced.removeAll(silenced);
        assertEquals(Set.of(), neverSilenced, "prohibitions no shipped scenario keeps silent");
    }
}
