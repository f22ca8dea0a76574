package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.engine.SanctuaryEngine;

/** Builds the engine a subcommand asks for: the shipped rules, or the rules in a directory. */
final class EngineLoader {
    /**
     * Either an engine or the problems that kept the rules from compiling.
     *
     * @param origin where the rules were to come from, for messages
     */
    record Loaded(SanctuaryEngine engine, String origin, List<Problem> problems) {
        boolean ok() {
            return engine != null;
        }
    }

    private EngineLoader() {
    }

    /**
     * The options with the command line's cache of compiled rule sets: {@code -Dsanctuary.rule-cache=DIR} (empty: no
     * cache), else {@code $XDG_CACHE_HOME/sanctuary-rules} or {@code ~/.cache/sanctuary-rules}. Checking or running
     * the same rules again then skips compiling them (entries are verified again on every load).
     */
    static RuleSetOptions withCache(RuleSetOptions options) {
        if (options.allowUnsafeRules()) {
            return options;
        }
        String property = System.getProperty(RuleSetOptions.CACHE_PROPERTY);
        if (property != null) {
            return options.withCache(property.isBlank() ? null : Path.of(property));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return options.withCache(base.resolve("sanctuary-rules"));
    }

    /**
     * @param rulesDir the rule directory, or {@code null} for the shipped rules
     * @param option   the option that named the directory ({@code --rules}, {@code --baseline}), for messages
     */
    static Loaded load(Path rulesDir, RuleSetOptions options, String option) {
        String origin = rulesDir == null ? "shipped rules" : rulesDir.toString();
        try {
            SanctuaryEngine engine = rulesDir == null ? SanctuaryEngine.shipped()
                    : SanctuaryEngine.of(RuleSet.fromDirectory(rulesDir, withCache(options)));
            return new Loaded(engine, origin, engine.ruleSet().warnings());
        } catch (RuleSetException e) {
            return new Loaded(null, origin, e.problems());
        } catch (IOException e) {
            return new Loaded(null, origin, List.of(Problem.error(origin, 0, 0, option,
                    "cannot read the rule directory: " + OutputFiles.describe(e))));
        } catch (RuntimeException e) {
            // The shipped rules missing from the classpath, or Drools failing outright.
            return new Loaded(null, origin, List.of(Problem.error(origin, 0, 0, "",
                    "cannot load the rules: " + e.getMessage())));
        }
    }

    /**
     * Loads the engine for a subcommand and prints the rules' problems on {@code err}; when the rules do not compile
     * and the command's output is for a program (JSON, JUnit), also writes the failure in that format on {@code out},
     * so that a CI server reads an error rather than an empty file.
     *
     * @param failureReport renders (origin, problems) in the command's output format; {@code null} for text
     * @return the engine, or {@code null} when the rules could not be loaded (exit with {@link Main#EXIT_ERROR})
     */
    static SanctuaryEngine loadReporting(RuleOptions rules, BiFunction<String, List<Problem>, String> failureReport,
                                         PrintWriter out, PrintWriter err) {
        Loaded loaded = rules.load();
        Diagnostics.print(loaded.problems(), err);
        if (!loaded.ok() && failureReport != null) {
            out.print(failureReport.apply(loaded.origin(), loaded.problems()));
        }
        return loaded.engine();
    }
}
