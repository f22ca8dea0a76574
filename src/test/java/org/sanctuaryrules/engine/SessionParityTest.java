package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Pooled sessions must judge exactly as a fresh session per act did, on one thread and on two: every shipped
 * scenario, compared assessment by assessment (records: every finding, note and explanation).
 */
class SessionParityTest {
    private static List<Case> cases;
    private static List<Assessment> fresh;

    @BeforeAll
    static void judgeWithFreshSessions() {
        ScenarioLoader loader = new ScenarioLoader();
        cases = new ArrayList<>();
        for (Path file : loader.discover(List.of(Path.of("scenarios")))) {
            LoadResult loaded = loader.load(file);
            assertTrue(loaded.ok(), file + ": " + loaded.problems());
            cases.add(loaded.scenario().aCase());
        }
        assertTrue(cases.size() >= 150, "the shipped scenarios: " + cases.size());
        SanctuaryEngine freshEngine = SanctuaryEngine.of(ShippedEngine.get().ruleSet(), SanctuaryEngine.Sessions.FRESH);
        fresh = cases.stream().map(freshEngine::assess).toList();
    }

    @Test
    void theSharedEngineUsesPooledSessions() {
        assertEquals(SanctuaryEngine.Sessions.POOLED, ShippedEngine.get().sessions());
    }

    @Test
    void pooledSessionsJudgeAsFreshOnesOnOneThread() {
        SanctuaryEngine pooled = ShippedEngine.get();
        // Twice over: the second pass reuses sessions that already judged other acts.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < cases.size(); i++) {
                assertEquals(fresh.get(i), pooled.assess(cases.get(i)), cases.get(i).id());
            }
        }
    }

    @Test
    void assessAllJudgesAsOneByOne() {
        assertEquals(fresh, ShippedEngine.get().assessAll(cases));
    }

    @Test
    void assessAllKeepsTheOrderOfALongShuffledListWhileTwoCallersShareTheCores() throws Exception {
        // assessAll splits a long list over the cores: results must come back in list order, for each caller.
        List<Integer> order = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < cases.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(7));
        List<Case> many = order.stream().map(cases::get).toList();
        List<Assessment> expected = order.stream().map(fresh::get).toList();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Assessment>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(callers.submit(() -> ShippedEngine.get().assessAll(many)));
            }
            for (Future<List<Assessment>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(List.of(fresh.get(0)), ShippedEngine.get().assessAll(List.of(cases.get(0))));
        assertEquals(List.of(), ShippedEngine.get().assessAll(List.of()));
    }

    @Test
    void pooledSessionsJudgeAsFreshOnesOnTwoThreads() throws Exception {
        SanctuaryEngine pooled = ShippedEngine.get();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long seed = t;
                runs.add(threads.submit(() -> mismatches(pooled, new Random(seed))));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(List.of(), run.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Judges every case five times in a shuffled order, so the two threads interleave different cases. */
    private static List<String> mismatches(SanctuaryEngine engine, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < cases.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        List<String> mismatches = new ArrayList<>();
        for (int i : order) {
            if (!fresh.get(i).equals(engine.assess(cases.get(i)))) {
                mismatches.add(cases.get(i).id());
            }
        }
        return mismatches;
    }
}
