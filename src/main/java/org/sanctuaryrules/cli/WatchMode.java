package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.sanctuaryrules.engine.RuleOverlay;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.internal.watch.WatchLoop;
import org.sanctuaryrules.internal.watch.WatchRound;
import org.sanctuaryrules.internal.watch.WatchRoundText;
import org.sanctuaryrules.internal.watch.Watcher;

/**
 * {@code run --watch}: sets up a {@link Watcher} on the rules and scenarios and hands it to the watch loop. It honours
 * {@code --verbose} (a failing scenario shown in full) and {@code --decision-log} (every round appends its records).
 */
final class WatchMode {
    private WatchMode() {
    }

    static int run(RuleOptions rules, List<Path> paths, LocalDate asOf, boolean textOnly, boolean verbose,
                   Path decisionLog, PrintWriter out, PrintWriter err) {
        if (!textOnly) {
            err.println("--watch: error: --watch writes text only; drop --format and --html");
            return Main.EXIT_ERROR;
        }
        Path rulesDir = rules.dir;
        try {
            Watcher watcher = new Watcher(() -> rulesDir == null ? SanctuaryEngine.shipped()
                    : SanctuaryEngine.of(RuleSet.fromDirectory(rulesDir, rules.options())), paths, asOf);
            new WatchLoop(watcher, new WatchRoundText(verbose), decisionRecords(decisionLog))
                    .run(directories(rulesDir, paths), out);
            return 0;
        } catch (IOException e) {
            err.println("--watch: error: cannot watch: " + OutputFiles.describe(e));
            return Main.EXIT_ERROR;
        }
    }

    /**
     * After each round: append its decision records to {@code log} (nothing without a log, or when no rules have
     * compiled yet); returns the line to show if the log could not be written.
     */
    static Function<WatchRound, String> decisionRecords(Path log) {
        return round -> {
            if (log == null || round.report() == null) {
                return "";
            }
            String problem = RunCommand.appendDecisionLog(log, round.report(), Instant.now());
            return problem == null ? "" : problem + "\n";
        };
    }

    /** The rule directory (and an overlay's base), and the folders of the scenario paths. */
    private static List<Path> directories(Path rulesDir, List<Path> paths) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        if (rulesDir != null) {
            dirs.add(rulesDir);
            if (RuleOverlay.isOverlay(rulesDir) && RuleOverlay.base(rulesDir) != null) {
                dirs.add(RuleOverlay.base(rulesDir));
            }
        }
        for (Path p : paths) {
            Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IOException(p + ": no such file or directory");
            }
            dirs.add(dir);
        }
        return new ArrayList<>(dirs);
    }
}
