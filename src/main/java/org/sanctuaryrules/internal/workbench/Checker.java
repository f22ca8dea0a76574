package org.sanctuaryrules.internal.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleFileException;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.engine.RuleSources;
import org.sanctuaryrules.engine.SourceFile;
import org.sanctuaryrules.scenario.FieldPath;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioIds;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Compiles a rule set and reads scenario files without judging anything, collecting every problem with its place.
 * Never throws on bad input.
 */
public final class Checker {
    private final ScenarioLoader loader = new ScenarioLoader();

    /**
     * @param rulesDir  the rule directory, or {@code null} for the shipped rules
     * @param scenarios scenario files or directories (may be empty)
     */
    public CheckResult check(Path rulesDir, List<Path> scenarios) {
        return check(rulesDir, RuleSetOptions.SAFE, scenarios);
    }

    /** As {@link #check(Path, List)}, compiling the rules with the given options (unsafe rules allowed, say). */
    public CheckResult check(Path rulesDir, RuleSetOptions options, List<Path> scenarios) {
        String origin = rulesDir == null ? "shipped rules" : rulesDir.toString();
        List<Problem> problems = new ArrayList<>();
        List<SourceFile> files;
        try {
            files = rulesDir == null ? RuleSources.shipped() : RuleSources.fromDirectory(rulesDir);
        } catch (RuleFileException e) {
            problems.add(e.problem());
            return new CheckResult(origin, null, 0, 0, 0, 0, 0, problems);
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(origin, 0, 0, "--rules", "cannot read the rules: " + e.getMessage()));
            return new CheckResult(origin, null, 0, 0, 0, 0, 0, problems);
        }
        RuleSet ruleSet = null;
        try {
            ruleSet = RuleSet.compile(origin, files, options);
            problems.addAll(ruleSet.warnings());
            problems.addAll(new RegisterLint(ruleSet).problems());
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
        }
        List<Problem> scenarioProblems = new ArrayList<>();
        int scenarioCount = checkScenarios(scenarios, ruleSet, scenarioProblems);
        List<Problem> all = sorted(problems);
        all.addAll(sorted(scenarioProblems));
        List<SourceFile> drls = files.stream().filter(f -> f.name().endsWith(".drl")).toList();
        int ruleCount = ruleSet != null ? ruleSet.rules().size()
                : drls.stream().mapToInt(f -> RuleSet.ruleLines(f.content()).size()).sum();
        return new CheckResult(origin, ruleSet == null ? null : ruleSet.version(), drls.size(), ruleCount,
                ruleSet == null ? 0 : ruleSet.provisions().all().size(),
                ruleSet == null ? 0 : ruleSet.felonies().size(), scenarioCount, all);
    }

    /** Loads every scenario; returns how many files were read. */
    private int checkScenarios(List<Path> paths, RuleSet ruleSet, List<Problem> problems) {
        if (paths.isEmpty()) {
            return 0;
        }
        List<Path> files = loader.discover(paths);
        if (files.isEmpty()) {
            problems.add(Problem.error(paths.get(0).toString(), 0, 0, "", "no scenario files (*.yaml, *.yml) found"));
        }
        List<Scenario> loadedScenarios = new ArrayList<>();
        for (Path file : files) {
            LoadResult loaded = loader.load(file);
            problems.addAll(loaded.problems());
            if (!loaded.ok()) {
                continue;
            }
            Scenario scenario = loaded.scenario();
            loadedScenarios.add(scenario);
            if (ruleSet != null && scenario.expectation() != null) {
                List<String> cites = scenario.expectation().cites();
                for (int i = 0; i < cites.size(); i++) {
                    if (ruleSet.provisions().find(cites.get(i)).isEmpty()) {
                        problems.add(scenario.errorAt(FieldPath.of("expect").key("cites").index(i),
                                "'" + cites.get(i) + "' is not a provision id of the rule set; see its provisions.yaml"));
                    }
                }
            }
        }
        ScenarioIds.clashes(loadedScenarios).stream().filter(p -> p != null).forEach(problems::add);
        return files.size();
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return copy;
    }
}
