package org.sanctuaryrules.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.internal.completion.Completions;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.ScenarioLoader;

class SettlerTest {
    /** Bounded by judgments, not time, so that what is computed does not depend on the machine. */
    static final SettleLimits LIMITS = new SettleLimits(64, 5_000, 6, 2, Duration.ofMinutes(10));

    private final SanctuaryEngine engine = ShippedEngine.get();

    static Case load(String file) {
        return new ScenarioLoader().load(Path.of("scenarios", file)).scenario().aCase();
    }

    @Test
    void aRecordOfUnknownSealingIsSettledBySealingThenTheCourtOrder() {
        ActSettlement s = new Settler(engine, LIMITS).settle(load("sealed-record-sealing-unknown.yaml")).act("share");
        assertEquals(Verdict.INDETERMINATE, s.verdict());
        // The engine names record_sealed; the court order matters only once it is sealed, so sealing comes first.
        assertEquals("acts[].record_sealed", s.lines().get(0).conditions().get(0).field());
        SettleLine violation = s.lines().stream().filter(l -> l.verdict() == Verdict.VIOLATION).findFirst().orElseThrow();
        assertEquals(List.of("acts[].record_sealed = true", "acts[].court_order = false"),
                violation.conditions().stream().map(Condition::text).toList());
        assertTrue(violation.provisions().contains("CPL-160-50"), violation.provisions().toString());
        assertTrue(s.lines().stream().anyMatch(l -> l.verdict() == Verdict.COMPLIANT));
        assertFalse(s.bounded());
    }

    @Test
    void aWrongLineIsCaughtByTheBruteForceCheck() {
        Case c = load("sealed-record-sealing-unknown.yaml");
        Situation s = Situation.of(c).get(0);
        ActSettlement table = new Settler(engine, LIMITS).settleAct(s, null);
        List<String> faults = new ArrayList<>();
        ShippedSettleTablesTest.check(engine, s, table, faults);
        assertEquals(List.of(), faults);
        // The same table with one verdict turned round: the check of the shipped tables must see it.
        List<SettleLine> wrong = new ArrayList<>(table.lines());
        SettleLine first = wrong.get(0);
        wrong.set(0, new SettleLine(first.conditions(), first.verdict() == Verdict.VIOLATION ? Verdict.COMPLIANT
                : Verdict.VIOLATION, first.provisions(), first.citations(), first.basis(), first.completions(),
                first.mattersMost()));
        ShippedSettleTablesTest.check(engine, s, new ActSettlement(table.actId(), table.verdict(), wrong, List.of(),
                table.note(), false, 0), faults);
        assertFalse(faults.isEmpty());
        // And a table missing a line: a completion then meets no line.
        List<String> gap = new ArrayList<>();
        ShippedSettleTablesTest.check(engine, s, new ActSettlement(table.actId(), table.verdict(),
                table.lines().subList(1, table.lines().size()), List.of(), table.note(), false, 0), gap);
        assertTrue(gap.stream().anyMatch(f -> f.contains("meets 0 lines")), gap.toString());
    }

    @Test
    void aTableWithANeedlessSplitIsCaughtByTheBruteForceCheck() {
        // The sealed record with every fact given but sealing, the court order and one more: few enough completions
        // for the check to judge them all.
        Situation unknown = Situation.of(load("sealed-record-sealing-unknown.yaml")).get(0);
        Situation full = Completions.of(unknown, 1, 1).get(0);
        List<Fact> left = Fact.missing(unknown).stream().filter(f -> f.values(unknown).size() == 2).toList();
        Fact other = left.stream().filter(f -> !f.field().equals("acts[].record_sealed")
                && !f.field().equals("acts[].court_order")).findFirst().orElseThrow();
        Situation s = full;
        for (Fact f : left) {
            if (f.equals(other) || f.field().equals("acts[].record_sealed") || f.field().equals("acts[].court_order")) {
                s = f.without(s);
            }
        }
        assertEquals(3, Fact.missing(s).size(), Fact.missing(s).toString());
        assertTrue(Completions.exhaustive(s, ShippedSettleTablesTest.LIMITS.completions()));
        assertEquals(Verdict.INDETERMINATE, ShippedSettleTablesTest.verdict(engine, s));
        ActSettlement table = new Settler(engine, LIMITS).settleAct(s, null);
        // A line cut in two by a fact it does not turn on: still right, and still a partition, but not the fewest.
        SettleLine whole = table.lines().stream().filter(l -> l.conditions().stream()
                .noneMatch(c -> c.fact().equals(other.toString()))).reduce((a, b) -> b).orElseThrow();
        Situation at = s;
        List<SettleLine> longer = new ArrayList<>(table.lines());
        longer.remove(whole);
        for (Object value : other.values(at)) {
            List<Condition> conditions = new ArrayList<>(whole.conditions());
            conditions.add(Tree.condition(other, List.of(value)));
            longer.add(new SettleLine(conditions, whole.verdict(), whole.provisions(), whole.citations(), whole.basis(),
                    whole.completions() / 2, whole.mattersMost()));
        }
        List<String> faults = new ArrayList<>();
        ShippedSettleTablesTest.check(engine, s, new ActSettlement(table.actId(), table.verdict(), longer, List.of(),
                table.note(), false, 0), faults);
        assertEquals(1, faults.size(), faults.toString());
        assertTrue(faults.get(0).contains("yet splitting in another order takes " + table.lines().size()), faults.toString());
    }

    @Test
    void aHoldTooLongComesIntoComplianceByHoldingNoMoreThan48Hours() {
        ActSettlement s = new Settler(engine, LIMITS).settle(load("detainers-nypd-48-hour-hold-too-long.yaml")).act("hold");
        assertEquals(Verdict.VIOLATION, s.verdict());
        CompliancePath first = s.toCompliance().get(0);
        assertEquals(Verdict.COMPLIANT, first.verdict());
        assertEquals(List.of(new Change("acts[].hold_hours", "60", "48")), first.changes());
        assertPathsHold(Situation.of(load("detainers-nypd-48-hour-hold-too-long.yaml")).get(0), s);
    }

    @Test
    void aSealedRecordWithoutACourtOrderHasNoPathTheAgencyControls() {
        Case c = load("sealed-record-to-fbi-for-criminal-case.yaml");
        ActSettlement s = new Settler(engine, LIMITS).settle(c).acts().get(0);
        assertEquals(Verdict.VIOLATION, s.verdict());
        assertTrue(s.toCompliance().stream().noneMatch(p -> p.verdict() == Verdict.COMPLIANT), s.toString());
        assertTrue(s.note().startsWith("nothing in the agency's control would make it COMPLIANT"), s.note());
        assertTrue(s.note().contains("Criminal Procedure Law § 160.50"), s.note());
    }

    @Test
    void everyPathToComplianceReallyComplies() {
        for (String file : List.of("detainers-nypd-48-hour-hold-state-law.yaml", "confidentiality-23-1202-incarceration-status.yaml",
                "confidentiality-23-1202-shelter-tells-nypd-for-robbery-case.yaml")) {
            Case c = load(file);
            Settler settler = new Settler(engine, LIMITS);
            for (Situation s : Situation.of(c)) {
                ActSettlement a = settler.settleAct(s, null);
                if (a.verdict() == Verdict.VIOLATION) {
                    assertFalse(a.toCompliance().isEmpty(), file);
                    assertPathsHold(s, a);
                }
            }
        }
    }

    /** Each path's changes, made again from the agency's controllable facts, give the path's verdict. */
    private void assertPathsHold(Situation s, ActSettlement a) {
        List<ControlledFacts.Candidate> candidates = ControlledFacts.of(s);
        for (CompliancePath p : a.toCompliance()) {
            Situation changed = s;
            for (Change change : p.changes()) {
                changed = candidates.stream().filter(c -> c.change().equals(change)).findFirst().orElseThrow()
                        .apply().apply(changed);
            }
            assertEquals(p.verdict(), ShippedSettleTablesTest.verdict(engine, changed), p.toString());
            int previous = a.toCompliance().indexOf(p) == 0 ? 0 : a.toCompliance().get(a.toCompliance().indexOf(p) - 1).changes().size();
            assertTrue(p.changes().size() >= previous, "fewest changes first: " + a.toCompliance());
        }
    }

    @Test
    void aCompliantActHasNothingToSettle() {
        ActSettlement s = new Settler(engine, LIMITS).settle(load("sealed-record-court-order.yaml")).acts().get(0);
        assertEquals(Verdict.COMPLIANT, s.verdict());
        assertTrue(s.lines().isEmpty() && s.toCompliance().isEmpty());
    }

    @Test
    void manyUnknownFactsWithinABoundStillSayWhatMattersMost() {
        Case c = load("detainers-nypd-no-records-search.yaml");
        ActSettlement s = new Settler(engine, LIMITS.withJudgments(40)).settle(c).acts().get(0);
        assertEquals(Verdict.INDETERMINATE, s.verdict());
        assertTrue(s.bounded());
        // The bound holds, give or take one judgment per open line (to say what matters there).
        assertTrue(s.judgments() <= 40 + s.lines().size() + 1, s.judgments() + " judgments");
        SettleLine open = s.lines().stream().filter(l -> l.basis() == SettleLine.Basis.OPEN).findFirst().orElseThrow();
        assertFalse(open.verdict() == Verdict.INDETERMINATE && open.mattersMost().isEmpty(), open.toString());
        assertTrue(s.lines().stream().anyMatch(l -> l.mattersMost().contains("person.convictions")
                || l.conditions().stream().anyMatch(k -> k.field().equals("person.convictions"))), s.lines().toString());
    }

    @Test
    void theSameCaseSettlesTheSameOnTwoThreadsAtOnce() {
        Case c = load("confidentiality-23-1202-approval-unknown.yaml");
        Settler settler = new Settler(engine, LIMITS);
        CompletableFuture<Settlement> a = CompletableFuture.supplyAsync(() -> settler.settle(c));
        CompletableFuture<Settlement> b = CompletableFuture.supplyAsync(() -> settler.settle(c));
        assertEquals(a.join(), b.join());
        assertEquals(a.join(), settler.settle(c));
    }
}
