package org.sanctuaryrules.internal.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctuaryrules.engine.ActExplanation;
import org.sanctuaryrules.engine.Explanation;
import org.sanctuaryrules.engine.Firing;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.scenario.FieldPath;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;

/** Judges scenarios in explain mode and records which rules each one fires. */
public final class CoverageRunner {
    private final SanctuaryEngine engine;
    private final ScenarioLoader loader = new ScenarioLoader();

    public CoverageRunner(SanctuaryEngine engine) {
        this.engine = engine;
    }

    public CoverageResult run(List<Path> paths) {
        Map<String, Set<String>> firedBy = new LinkedHashMap<>();
        Map<String, Set<String>> blockedIn = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> files = loader.discover(paths);
        if (files.isEmpty()) {
            problems.add(Problem.error(paths.isEmpty() ? "." : paths.get(0).toString(), 0, 0, "",
                    "no scenario files (*.yaml, *.yml) found"));
        }
        int judged = 0;
        for (Path file : files) {
            LoadResult loaded = loader.load(file);
            if (!loaded.ok()) {
                problems.addAll(loaded.problems());
                continue;
            }
            Scenario scenario = loaded.scenario();
            Explanation explanation;
            try {
                explanation = engine.explain(scenario.aCase());
            } catch (RuntimeException e) {
                problems.add(scenario.errorAt(FieldPath.ROOT, "the rules failed while judging this scenario: "
                        + e.getClass().getSimpleName()));
                continue;
            }
            judged++;
            for (ActExplanation act : explanation.acts()) {
                record(firedBy, act.fired(), scenario.id());
                record(blockedIn, act.blocked(), scenario.id());
            }
        }
        List<RuleCoverage> rules = engine.ruleSet().rules().values().stream()
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .map(r -> new RuleCoverage(r.name(), r.file(), r.line(), r.provision(),
                        List.copyOf(firedBy.getOrDefault(r.name(), Set.of())),
                        List.copyOf(blockedIn.getOrDefault(r.name(), Set.of()))))
                .toList();
        return new CoverageResult(engine.ruleSet().origin(), engine.ruleSet().version(), rules, judged, problems);
    }

    private static void record(Map<String, Set<String>> byRule, List<Firing> firings, String scenarioId) {
        for (Firing f : firings) {
            byRule.computeIfAbsent(f.rule(), k -> new LinkedHashSet<>()).add(scenarioId);
        }
    }
}
