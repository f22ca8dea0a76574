package org.sanctuaryrules.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;

/**
 * Batch throughput in acts per second: {@link SanctuaryEngine#assessAll} over {@value #ACTS} acts, on one thread and
 * on two (each thread its own batch, one shared engine). Two inputs: the detainer case repeated, and a mix of all
 * shipped scenarios' acts (many rule families fire). The hand-written reference runs over the detainer batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class BatchBench {
    static final int ACTS = 1000;

    private SanctuaryEngine engine;
    private HandWrittenDetainer handWritten;
    private List<Case> detainers;
    private List<Case> mix;

    @Setup
    public void setUp() throws Exception {
        RuleSet rules = RuleSet.shipped();
        engine = SanctuaryEngine.of(rules);
        handWritten = new HandWrittenDetainer(rules.felonies());
        Case detainer = Fixtures.detainerCase();
        detainers = new ArrayList<>();
        for (int i = 0; i < ACTS; i++) {
            detainers.add(detainer);
        }
        // Single-act cases cut from the shipped scenarios, cycled to ACTS acts.
        List<Case> oneActEach = new ArrayList<>();
        for (Case c : Fixtures.shippedCases()) {
            for (Act act : c.acts()) {
                oneActEach.add(new Case(c.id() + "/" + act.id(), c.date(), c.person(), List.of(act)));
            }
        }
        mix = new ArrayList<>();
        for (int i = 0; i < ACTS; i++) {
            mix.add(oneActEach.get(i % oneActEach.size()));
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ACTS)
    public List<Assessment> detainers1() {
        return engine.assessAll(detainers);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(ACTS)
    public List<Assessment> detainers2() {
        return engine.assessAll(detainers);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ACTS)
    public List<Assessment> mix1() {
        return engine.assessAll(mix);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(ACTS)
    public List<Assessment> mix2() {
        return engine.assessAll(mix);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ACTS)
    public void handWritten1(Blackhole bh) {
        for (Case c : detainers) {
            bh.consume(handWritten.decide(c.person(), c.acts().get(0)));
        }
    }
}
