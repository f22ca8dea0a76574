package org.sanctuaryrules.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.internal.completion.Completions;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Every shipped INDETERMINATE act's settle table, checked against brute-force completions judged by the engine, with
 * other seeds than the table used:
 * <ul>
 *   <li>each line's condition really gives its verdict: for each way (up to {@value #WAYS}) of meeting the condition,
 *       {@value #CHECKS} completions are judged and must all give the line's verdict;</li>
 *   <li>the lines partition the completions: each of {@value #CHECKS} completions of the act meets exactly one line,
 *       and gets that line's verdict unless the line is open;</li>
 *   <li>where every completion is judged, no order of splitting gives fewer lines (a brute force over every
 *       order).</li>
 * </ul>
 * Bounded so that it fits in {@code mvn test}: the tables are built with {@link #LIMITS} (a judgment bound and no time
 * bound, so the tables do not depend on the machine's speed), and the files are checked on every core.
 */
class ShippedSettleTablesTest {
    static final int CHECKS = 16;
    static final int WAYS = 4;
    static final SettleLimits LIMITS = new SettleLimits(32, 1_500, 6, 0, Duration.ofMinutes(10));

    @TestFactory
    Stream<DynamicTest> everyLineOfEveryShippedTableGivesItsVerdict() throws IOException {
        SanctuaryEngine engine = ShippedEngine.get();
        Settler settler = new Settler(engine, LIMITS);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        AtomicInteger tables = new AtomicInteger();
        Map<Path, List<String>> faults = files.parallelStream().collect(Collectors.toMap(f -> f, f -> {
            LoadResult loaded = new ScenarioLoader().load(f);
            List<String> found = new ArrayList<>();
            if (!loaded.ok()) {
                return List.of("does not load: " + loaded.problems());
            }
            for (Situation s : Situation.of(loaded.scenario().aCase())) {
                if (verdict(engine, s) == Verdict.INDETERMINATE) {
                    tables.incrementAndGet();
                    check(engine, s, settler.settleAct(s, null), found);
                }
            }
            return found;
        }));
        // The shipped scenarios hold over a hundred INDETERMINATE acts; a loader or engine fault would check none.
        assertTrue(tables.get() > 50, tables + " tables checked");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertEquals(List.of(), faults.get(file), file.toString())));
    }

    static void check(SanctuaryEngine engine, Situation s, ActSettlement table, List<String> faults) {
        String act = s.act().id();
        if (table.lines().isEmpty()) {
            faults.add(act + ": an INDETERMINATE act has an empty table");
            return;
        }
        if (!table.bounded() && Completions.exhaustive(s, LIMITS.completions())) {
            int fewest = fewestLines(engine, s, new HashMap<>(), new HashMap<>());
            if (table.lines().size() > fewest) {
                faults.add(act + ": the table has " + table.lines().size() + " lines, yet splitting in another order "
                        + "takes " + fewest);
            }
        }
        for (SettleLine line : table.lines()) {
            if (line.basis() == SettleLine.Basis.OPEN) {
                if (line.verdict() == Verdict.INDETERMINATE && line.mattersMost().isEmpty()) {
                    faults.add(act + ": an open line names no fact that matters");
                }
                continue;
            }
            List<Situation> ways = meet(s, line.conditions());
            for (Situation way : ways.subList(0, Math.min(WAYS, ways.size()))) {
                for (Situation c : Completions.of(way, CHECKS, 7919L * act.hashCode() + ways.indexOf(way))) {
                    Verdict v = verdict(engine, c);
                    if (v != line.verdict()) {
                        faults.add(act + ": line '" + line.conditions() + " → " + line.verdict() + "', yet a completion "
                                + "meeting it gives " + v + ": " + given(c, s));
                        break;
                    }
                }
            }
        }
        for (Situation c : Completions.of(s, CHECKS, 104729L * act.hashCode())) {
            List<SettleLine> met = table.lines().stream().filter(l -> meets(c, l.conditions())).toList();
            if (met.size() != 1) {
                faults.add(act + ": a completion meets " + met.size() + " lines, not one: " + given(c, s));
            } else if (met.get(0).basis() != SettleLine.Basis.OPEN && verdict(engine, c) != met.get(0).verdict()) {
                faults.add(act + ": a completion meeting '" + met.get(0).conditions() + "' gives " + verdict(engine, c));
            }
        }
    }

    /**
     * The fewest lines of any table for the act, by brute force over every order of splitting on its judged
     * completions, without grouping values (grouping only takes lines away): the settle table must not have more.
     */
    static int fewestLines(SanctuaryEngine engine, Situation q, Map<Situation, Verdict> judged,
                           Map<Situation, Integer> known) {
        Integer done = known.get(q);
        if (done != null) {
            return done;
        }
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        for (Situation c : Completions.of(q, LIMITS.completions(), 0)) {
            verdicts.add(judged.computeIfAbsent(c, x -> verdict(engine, x)));
        }
        if (verdicts.size() == 1) {
            known.put(q, 1);
            return 1;
        }
        int fewest = Integer.MAX_VALUE;
        for (Fact f : Completions.fillableNow(q)) {
            if (f.values(q).size() > 1) {
                int lines = 0;
                for (Object v : f.values(q)) {
                    lines += fewestLines(engine, f.with(q, v), judged, known);
                }
                fewest = Math.min(fewest, lines);
            }
        }
        fewest = fewest == Integer.MAX_VALUE ? 1 : fewest;
        known.put(q, fewest);
        return fewest;
    }

    /** Every way of meeting the conditions, facts set in the line's order. */
    static List<Situation> meet(Situation s, List<Condition> conditions) {
        List<Situation> ways = new ArrayList<>(List.of(s));
        for (Condition cond : conditions) {
            List<Situation> next = new ArrayList<>();
            for (Situation w : ways) {
                Fact f = fact(w, cond);
                for (Object v : f.values(w)) {
                    if (cond.values().contains(FactValues.text(f, v))) {
                        next.add(f.with(w, v));
                    }
                }
            }
            assertFalse(next.isEmpty(), "no value of " + cond.fact() + " reads " + cond.values());
            ways = next;
        }
        return ways;
    }

    static boolean meets(Situation completion, List<Condition> conditions) {
        for (Condition cond : conditions) {
            Fact f = fact(completion, cond);
            if (f == null || !cond.values().contains(FactValues.text(f, f.value(completion)))) {
                return false;
            }
        }
        return true;
    }

    static Fact fact(Situation s, Condition cond) {
        return Fact.all(s).stream().filter(f -> f.toString().equals(cond.fact())).findFirst().orElse(null);
    }

    static Verdict verdict(SanctuaryEngine engine, Situation s) {
        return engine.assess(s.asCase("check")).acts().get(0).verdict();
    }

    private static String given(Situation completion, Situation original) {
        return Fact.missing(original).stream().map(f -> f + "=" + FactValues.text(f, f.value(completion)))
                .collect(Collectors.joining(", "));
    }
}
