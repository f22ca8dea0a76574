package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.report.JsonReport;

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

    static Loaded load(Path rulesDir) {
        return load(rulesDir, RuleSetOptions.SAFE);
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

    static Loaded load(Path rulesDir, RuleSetOptions options) {
        String origin = rulesDir == null ? "shipped rules" : rulesDir.toString();
        try {
            SanctuaryEngine engine = rulesDir == null ? SanctuaryEngine.shipped()
                    : SanctuaryEngine.of(RuleSet.fromDirectory(rulesDir, withCache(options)));
            return new Loaded(engine, origin, engine.ruleSet().warnings());
        } catch (RuleSetException e) {
            return new Loaded(null, origin, e.problems());
        } catch (IOException e) {
            return new Loaded(null, origin, List.of(Problem.error(origin, 0, 0, "--rules",
                    "cannot read the rule directory: " + e.getMessage())));
        } catch (RuntimeException e) {
            // The shipped rules missing from the classpath, or Drools failing outright.
            return new Loaded(null, origin, List.of(Problem.error(origin, 0, 0, "",
                    "cannot load the rules: " + e.getMessage())));
        }
    }

    /**
     * Loads the engine for a subcommand and prints the rules' problems on {@code err}; when the rules do not compile,
     * also reports the failure as JSON on {@code out} if the command's output is JSON.
     *
     * @return the engine, or {@code null} when the rules could not be loaded (exit with {@link Main#EXIT_ERROR})
     */
    static SanctuaryEngine loadReporting(Path rulesDir, RuleSetOptions options, boolean json, PrintWriter out,
                                         PrintWriter err) {
        Loaded rules = load(rulesDir, options);
        Diagnostics.print(rules.problems(), err);
        if (!rules.ok() && json) {
            out.print(new JsonReport().renderRuleSetFailure(rules.origin(), rules.problems()));
        }
        return rules.engine();
    }
}
