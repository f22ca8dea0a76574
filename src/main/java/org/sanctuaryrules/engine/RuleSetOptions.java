package org.sanctuaryrules.engine;

import java.nio.file.Path;

/**
 * How a rule set is compiled.
 *
 * @param allowUnsafeRules compile rule files as they are, without restricting the language or verifying the compiled
 *                         classes (see docs/security.md); only for rule files as trusted as the program itself
 * @param cacheDirectory   where compiled rule sets are kept by content hash (see {@link CompiledRuleCache}), or
 *                         {@code null} for no cache
 * @param usePrecompiled   use the shipped rules precompiled at build time when the rule files are the shipped ones
 */
public record RuleSetOptions(boolean allowUnsafeRules, Path cacheDirectory, boolean usePrecompiled) {
    /** The system property naming a cache directory for {@link #SAFE} (unset: no cache). */
    public static final String CACHE_PROPERTY = "sanctuary.rule-cache";

    /** The default: rule files are held to the rule language and their compiled form is verified. */
    public static final RuleSetOptions SAFE = new RuleSetOptions(false, propertyCache(), true);
    /** Opt-in for trusted rule files. */
    public static final RuleSetOptions ALLOW_UNSAFE_RULES = new RuleSetOptions(true, null, true);

    public RuleSetOptions(boolean allowUnsafeRules) {
        this(allowUnsafeRules, allowUnsafeRules ? null : propertyCache(), true);
    }

    /** The same options, keeping compiled rule sets in {@code directory}. */
    public RuleSetOptions withCache(Path directory) {
        return new RuleSetOptions(allowUnsafeRules, directory, usePrecompiled);
    }

    /** The same options, compiling the DRL even when it is the shipped rules' (to compare the two). */
    public RuleSetOptions withoutPrecompiled() {
        return new RuleSetOptions(allowUnsafeRules, cacheDirectory, false);
    }

    private static Path propertyCache() {
        String dir = System.getProperty(CACHE_PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }
}
