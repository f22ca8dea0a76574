package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.ScenarioLoader;

/** {@code assessAll(cases, executor)}: the caller's executor lends the helpers, and results are as one by one. */
class AssessAllExecutorTest {
    private static List<Case> cases;
    private static List<Assessment> oneByOne;

    @BeforeAll
    static void judgeOneByOne() {
        ScenarioLoader loader = new ScenarioLoader();
        cases = new ArrayList<>();
        for (Path file : loader.discover(List.of(Path.of("scenarios")))) {
            cases.add(loader.load(file).scenario().aCase());
        }
        oneByOne = cases.stream().map(ShippedEngine.get()::assess).toList();
    }

    @Test
    void anOwnPoolJudgesAsOneByOne() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger lent = new AtomicInteger();
        try {
            List<Assessment> all = ShippedEngine.get().assessAll(cases, task -> {
                lent.incrementAndGet();
                pool.execute(task);
            });
            assertEquals(oneByOne, all);
        } finally {
            pool.shutdown();
        }
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(lent.get() > 0, "with more than one core the executor is asked for helpers");
        }
    }

    @Test
    void anExecutorThatRejectsEveryHelperLeavesTheWorkToTheCaller() {
        List<Assessment> all = ShippedEngine.get().assessAll(cases, task -> {
            throw new RejectedExecutionException("full");
        });
        assertEquals(oneByOne, all);
    }

    @Test
    void anExecutorThatRunsHelpersOnTheCallingThreadJudgesAsOneByOne() {
        assertEquals(oneByOne, ShippedEngine.get().assessAll(cases, Runnable::run));
    }

    @Test
    void theExecutorIsRequired() {
        assertThrows(NullPointerException.class, () -> ShippedEngine.get().assessAll(cases, null));
    }
}
