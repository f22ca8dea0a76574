package org.sanctuaryrules.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Case;

/**
 * One act judged, as a latency distribution (SampleTime gives p50, p99, p99.9): the engine with pooled sessions
 * (the default), with a fresh session per act (the engine before issue #4), and the hand-written reference; on one
 * thread and on two. Warm-up is long because Drools' JIT warm-up here takes 5-8 s.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class AssessLatencyBench {
    private SanctuaryEngine pooled;
    private SanctuaryEngine fresh;
    private HandWrittenDetainer handWritten;
    private Case detainer;

    @Setup
    public void setUp() throws Exception {
        RuleSet rules = RuleSet.shipped();
        pooled = SanctuaryEngine.of(rules, SanctuaryEngine.Sessions.POOLED);
        fresh = SanctuaryEngine.of(rules, SanctuaryEngine.Sessions.FRESH);
        handWritten = new HandWrittenDetainer(rules.felonies());
        detainer = Fixtures.detainerCase();
        Verdict engineSays = pooled.assess(detainer).verdict();
        Verdict handSays = handWritten.decide(detainer.person(), detainer.acts().get(0));
        if (engineSays != Verdict.COMPLIANT || handSays != engineSays) {
            throw new IllegalStateException("the reference disagrees with the engine: " + handSays + " vs " + engineSays);
        }
    }

    @Benchmark
    @Threads(1)
    public Assessment pooled1() {
        return pooled.assess(detainer);
    }

    @Benchmark
    @Threads(2)
    public Assessment pooled2() {
        return pooled.assess(detainer);
    }

    @Benchmark
    @Threads(1)
    public Assessment freshSession1() {
        return fresh.assess(detainer);
    }

    @Benchmark
    @Threads(1)
    public Verdict handWritten1() {
        return handWritten.decide(detainer.person(), detainer.acts().get(0));
    }

    @Benchmark
    @Threads(2)
    public Verdict handWritten2() {
        return handWritten.decide(detainer.person(), detainer.acts().get(0));
    }
}
