package org.sanctuaryrules.internal.completion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.sanctuaryrules.bench.Fixtures;
import org.sanctuaryrules.bench.HandWrittenDetainer;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Case;

/**
 * The JMH figures' companion for a crowded machine: the CPU time the calling thread spends per operation
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}), which other processes on the cores do not inflate the way they
 * inflate wall time (they still cost cache and memory bandwidth). One thread, the same operations as
 * {@code AssessLatencyBench.pooled1}, the 64 completions of {@link CompletionBench} judged one after another,
 * and the hand-written check; prints the median and the
 * best of 15 rounds after warm-up, the bytes one act allocates, and the ratios between them. Run from the project
 * directory:
 *
 * <pre>
 * mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath) org.sanctuaryrules.internal.completion.CpuTime
 * </pre>
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = RuleSet.shipped();
        SanctuaryEngine engine = SanctuaryEngine.of(rules);
        CompletionOracle oracle = new CompletionOracle(engine);
        HandWrittenDetainer handWritten = new HandWrittenDetainer(rules.felonies());
        Case detainer = Fixtures.detainerCase();
        Situation sixUnknown = CompletionBench.sixUnknownFacts();
        List<Situation> completions = Completions.of(sixUnknown, CompletionOracle.DEFAULT_BOUND, 1);

        List<String> lines = new ArrayList<>();
        double oneAct = measure("one act (pooled1)", 2_000, () -> engine.assess(detainer), lines);
        double hand = measure("hand-written check", 2_000_000, () -> handWritten.decide(detainer.person(),
                detainer.acts().get(0)), lines);
        // The 64 completions one after another on this thread: CompletionOracle.complete shares them among the
        // cores, whose CPU time this thread's clock does not see.
        double all = measure("64 completions, 1 thread", 40, () -> completions.stream().map(oracle::judge).toList(),
                lines);
        double one = measure("one completion", 2_000, () -> oracle.judge(completions.get(completions.size() - 1)),
                lines);
        lines.add(String.format("one act allocates      %,d bytes", allocatedPerAct(engine, detainer)));
        lines.forEach(System.out::println);
        System.out.printf("one act / hand-written: %.0fx%n", oneAct / hand);
        System.out.printf("64 completions / one completion: %.1fx%n", all / one);
    }

    /**
     * Bytes this thread allocates per act, over 10,000 acts after the measurements above: exact where CPU time on a
     * shared machine drifts, so a saving of a few percent shows.
     */
    private static long allocatedPerAct(SanctuaryEngine engine, Case act) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        long thread = Thread.currentThread().getId();
        long start = threads.getThreadAllocatedBytes(thread);
        Object sink = null;
        for (int i = 0; i < 10_000; i++) {
            sink = engine.assess(act);
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        return (threads.getThreadAllocatedBytes(thread) - start) / 10_000;
    }

    /** Median CPU microseconds per operation over 15 rounds of {@code perRound} operations, after 15 of warm-up. */
    private static double measure(String what, int perRound, Supplier<?> op, List<String> out) {
        Object sink = null;
        double[] rounds = new double[15];
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rounds.length; r++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink = op.get();
                }
                rounds[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / perRound;
            }
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(rounds);
        double median = rounds[rounds.length / 2];
        out.add(String.format("%-22s median %10.3f us CPU/op, best %10.3f", what, median, rounds[0]));
        return median;
    }
}
