package org.sanctuaryrules.internal.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.FelonyList;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.ProvisionRegister;
import org.sanctuaryrules.engine.RuleOverlay;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioRunner;

/**
 * The core of {@code run --watch}, apart from any file-system watching so it can be tested by calling
 * {@link #onChange} directly: recompiles the rules when a rule or data file changed, keeps the last rules that
 * compiled when a save breaks them, re-runs every scenario and says which changed since the last run.
 * Not thread-safe: one loop calls it.
 */
public final class Watcher {
    private final EngineFactory engines;
    private final List<Path> scenarioPaths;
    private final LocalDate asOf;
    private final ScenarioLoader loader = new ScenarioLoader();

    private SanctuaryEngine lastGoodEngine;
    private RunReport lastReport;
    private int rounds;

    public Watcher(EngineFactory engines, List<Path> scenarioPaths, LocalDate asOf) {
        this.engines = engines;
        this.scenarioPaths = List.copyOf(scenarioPaths);
        this.asOf = asOf;
    }

    /** Whether a changed file is part of a rule set (so the rules must be compiled again). */
    public static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".drl") || name.equals(ProvisionRegister.FILE_NAME) || name.equals(FelonyList.FILE_NAME)
                || name.equals(RuleOverlay.MANIFEST);
    }

    /** The first run: compile and judge everything. */
    public WatchRound start() {
        return onChange(Set.of());
    }

    /** Re-runs after the given files changed (an empty set on the first call compiles the rules). */
    public WatchRound onChange(Set<Path> changed) {
        rounds++;
        List<Problem> problems = List.of();
        boolean reloaded = false;
        if (lastGoodEngine == null || changed.stream().anyMatch(Watcher::isRuleFile)) {
            try {
                SanctuaryEngine previous = lastGoodEngine;
                lastGoodEngine = engines.build();
                if (previous != null && previous != lastGoodEngine) {
                    previous.releaseSessions(); // else every save keeps a rule set alive
                }
                reloaded = true;
            } catch (RuleSetException e) {
                problems = e.problems();
            } catch (IOException e) {
                problems = List.of(Problem.error("rules", 0, 0, "", "cannot read the rules: " + e.getMessage()));
            }
        }
        if (lastGoodEngine == null) {
            return new WatchRound(rounds, false, problems, null, List.of());
        }
        RunReport report = new ScenarioRunner(lastGoodEngine, loader, asOf).runAll(scenarioPaths);
        List<ScenarioChange> changes = lastReport == null ? List.of() : RunDiff.between(lastReport, report);
        lastReport = report;
        return new WatchRound(rounds, reloaded, problems, report, changes, lastGoodEngine.ruleSet().rules());
    }
}
