package org.sanctuaryrules.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;
import org.sanctuaryrules.settle.Settlement;
import org.sanctuaryrules.settle.Settler;

/**
 * The settle table of one INDETERMINATE act with 1, 4 and 8 facts unknown ({@code unknowns}), under the default
 * bounds (SettleLimits.DEFAULT), against the baseline of one judgment of the same act in the same run: NYPD gives
 * the FBI an arrest record for a criminal case, every other fact given as false, and the unknown ones taken from
 * record_sealed, court_order, privacy_officer_approval, exigent_circumstances, required_by_law,
 * furthers_agency_mission, agreement and the person's written_consent, in that order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class SettleBench {
    private static final List<String> UNKNOWN = List.of("acts[].record_sealed", "acts[].court_order",
            "acts[].privacy_officer_approval", "acts[].exigent_circumstances", "acts[].required_by_law",
            "acts[].furthers_agency_mission", "acts[].agreement", "person.written_consent");

    @Param({"1", "4", "8"})
    public int unknowns;

    private SanctuaryEngine engine;
    private Settler settler;
    private Situation situation;
    private Case aCase;

    @Setup
    public void setUp() throws Exception {
        engine = SanctuaryEngine.shipped();
        settler = new Settler(engine);
        situation = withUnknown(unknowns);
        aCase = situation.asCase("bench");
        if (engine.assess(situation.asCase("bench")).verdict() != Verdict.INDETERMINATE
                || Fact.missing(situation).size() != unknowns) {
            throw new IllegalStateException("the fixture is not INDETERMINATE with " + unknowns + " unknown facts");
        }
    }

    /** Every fact given (false, or the first value a completion tries), then the first {@code n} of UNKNOWN left out. */
    static Situation withUnknown(int n) {
        Person person = new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of(), false, false,
                LocalDate.of(2023, 5, 1), false);
        Act act = Act.builder("share", Agency.NYPD, ActKind.SHARE_RECORD, LocalDate.of(2023, 6, 1))
                .recipient(Requester.FBI).information(Information.ARREST_RECORD)
                .purpose(Purpose.CRIMINAL_INVESTIGATION).build();
        Situation s = new Situation(person, act);
        for (Fact f : Fact.missing(s)) {
            List<Object> values = f.values(s);
            s = f.with(s, values.contains(Boolean.FALSE) ? Boolean.FALSE : values.get(0));
        }
        for (Fact f : Fact.all(s)) {
            if (UNKNOWN.subList(0, n).contains(f.field())) {
                s = f.without(s);
            }
        }
        return s;
    }

    @Benchmark
    public Settlement settleTable() {
        return settler.settle(aCase);
    }

    /** The baseline: one judgment of the same act. */
    @Benchmark
    public Assessment judgeOnce() {
        return engine.assess(aCase);
    }
}
