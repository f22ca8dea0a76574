package org.sanctuaryrules.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetOptions;
import org.sanctuaryrules.engine.RuleSources;
import org.sanctuaryrules.engine.SanctuaryEngine;

/**
 * Building the engine on the shipped rules. {@code cold*}: the first build in a fresh JVM, the cost a command pays
 * at start (one shot per fork, 5 forks). {@code warm*}: a build in a JVM that already built the rules (a server
 * reloading rules). {@code *Precompiled}: {@link SanctuaryEngine#shipped()}, which loads the executable model
 * compiled at build time; {@code *Drl}: the DRL compiler at run time (the engine before issue #4, and since issue 10
 * the path of {@code --allow-unsafe-rules}); {@code *Verified}: the path of rules given with --rules since issue 10
 * (the rule language, the executable model, the check of its classes, the guards woven in), without a cache.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBuildBench {
    private static final RuleSetOptions DRL = RuleSetOptions.ALLOW_UNSAFE_RULES.withoutPrecompiled();
    private static final RuleSetOptions VERIFIED = RuleSetOptions.SAFE.withCache(null).withoutPrecompiled();

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SanctuaryEngine coldPrecompiled() throws Exception {
        return SanctuaryEngine.shipped();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public SanctuaryEngine warmPrecompiled() throws Exception {
        return SanctuaryEngine.shipped();
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SanctuaryEngine coldDrl() throws Exception {
        return SanctuaryEngine.of(RuleSet.compile("shipped rules", RuleSources.shipped(), DRL));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public SanctuaryEngine warmDrl() throws Exception {
        return SanctuaryEngine.of(RuleSet.compile("shipped rules", RuleSources.shipped(), DRL));
    }

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SanctuaryEngine coldVerified() throws Exception {
        return SanctuaryEngine.of(RuleSet.compile("shipped rules", RuleSources.shipped(), VERIFIED));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public SanctuaryEngine warmVerified() throws Exception {
        return SanctuaryEngine.of(RuleSet.compile("shipped rules", RuleSources.shipped(), VERIFIED));
    }
}
