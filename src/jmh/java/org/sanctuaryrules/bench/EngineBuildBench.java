package org.sanctuaryrules.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryrules.engine.SanctuaryEngine;

/**
 * Building the engine from the shipped rule files (DRL compile, provision register, felony list). {@code cold}: the
 * first build in a fresh JVM, the cost a command pays at start (one shot per fork, 5 forks). {@code warm}: a
 * build in a JVM that already built the rules (a server reloading rules).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBuildBench {
    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SanctuaryEngine cold() throws Exception {
        return SanctuaryEngine.shipped();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public SanctuaryEngine warm() throws Exception {
        return SanctuaryEngine.shipped();
    }
}
