package org.sanctuaryrules.internal.completion;

import java.util.List;
import java.util.Set;
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
import org.sanctuaryrules.bench.Fixtures;
import org.sanctuaryrules.bench.HandWrittenDetainer;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;

/**
 * What the completion oracle costs: all {@value #COMPLETIONS} completions of one act with six unknown facts judged
 * ({@link CompletionOracle#complete}), against one of those completions judged alone and the hand-written detainer
 * check, on one thread, in the same run. The act is the representative detainer hold ({@link Fixtures#detainerCase})
 * with every fact the completions could fill given, except six yes/no facts (the terrorist-screening match among them) and the records search finding no
 * conviction, so that the screening match decides; set-up checks there are exactly 64
 * completions and that they do not all agree (the act is INDETERMINATE). In the oracle's package, whose classes are
 * not public.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CompletionBench {
    static final int COMPLETIONS = 64;
    /** The facts left unknown; every other fact a completion could fill is given. */
    static final Set<String> UNKNOWN = Set.of("person.terrorist_screening_match", "person.reentered_after_removal",
            "acts[].court_journey", "acts[].exigent_circumstances", "acts[].agreement",
            "acts[].furthers_agency_mission");

    private SanctuaryEngine engine;
    private CompletionOracle oracle;
    private HandWrittenDetainer handWritten;
    private Situation sixUnknown;
    private Situation oneCompletion;

    @Setup
    public void setUp() throws Exception {
        RuleSet rules = RuleSet.shipped();
        engine = SanctuaryEngine.of(rules);
        oracle = new CompletionOracle(engine);
        handWritten = new HandWrittenDetainer(rules.felonies());
        sixUnknown = sixUnknownFacts();
        List<Situation> all = Completions.of(sixUnknown, CompletionOracle.DEFAULT_BOUND, 1);
        if (all.size() != COMPLETIONS || !Completions.exhaustive(sixUnknown, CompletionOracle.DEFAULT_BOUND)) {
            throw new IllegalStateException("expected " + COMPLETIONS + " completions, got " + all.size());
        }
        oneCompletion = all.get(all.size() - 1);
        if (oracle.complete(sixUnknown, 1).settled() != Verdict.INDETERMINATE) {
            throw new IllegalStateException("the completions agree: the act is not indeterminate");
        }
    }

    /** The detainer hold with every fillable fact given (no, or the first value tried) but the six {@link #UNKNOWN}. */
    static Situation sixUnknownFacts() {
        Situation s = Situation.of(Fixtures.detainerCase()).get(0);
        for (Fact f : Fact.all(s)) {
            if (f.field().equals("person.convictions")) {
                s = f.with(s, List.of()); // no conviction to lift the prohibition: the screening match decides
            } else if (UNKNOWN.contains(f.field())) {
                s = f.without(s);
            }
        }
        for (boolean filled = true; filled; ) {
            filled = false;
            for (Fact f : Fact.missing(s)) {
                if (!UNKNOWN.contains(f.field())) {
                    List<Object> values = f.values(s);
                    s = f.with(s, values.contains(Boolean.FALSE) ? Boolean.FALSE : values.get(0));
                    filled = true;
                    break; // the values of later facts may depend on this one
                }
            }
        }
        if (Fact.missing(s).size() != UNKNOWN.size()) {
            throw new IllegalStateException("unknown facts: " + Fact.missing(s));
        }
        return s;
    }

    @Benchmark
    @Threads(1)
    public CompletionOracle.Outcome allCompletions1() {
        return oracle.complete(sixUnknown, 1);
    }

    @Benchmark
    @Threads(1)
    public ActAssessment oneCompletion1() {
        return oracle.judge(oneCompletion);
    }

    @Benchmark
    @Threads(1)
    public Verdict handWritten1() {
        return handWritten.decide(oneCompletion.person(), oneCompletion.act());
    }
}
