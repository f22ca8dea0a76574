package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Judging from several threads at once gives exactly the single-threaded results, and swapping rule sets under
 * load never mixes two rule sets in one result. No sleeps: threads start together at a barrier and run a bounded
 * number of iterations.
 */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final Path TEST_RULES = Path.of("src/test/resources/test-rules");

    @TempDir
    Path dir;

    @Test
    void manyThreadsGiveTheSingleThreadedResults() throws Exception {
        SanctuaryEngine engine = ShippedEngine.get();
        List<Case> cases = shippedCases();
        List<Assessment> sequential = cases.stream().map(engine::assess).toList();
        int rounds = 2;

        List<List<Assessment>> perThread = runTogether(THREADS, thread -> {
            List<Integer> order = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Integer> shuffled = new ArrayList<>(indices(cases.size()));
                Collections.shuffle(shuffled, new Random(thread * 31L + round)); // threads collide on different cases
                order.addAll(shuffled);
            }
            Assessment[] results = new Assessment[cases.size() * rounds];
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                results[(k / cases.size()) * cases.size() + i] = engine.assess(cases.get(i));
            }
            return List.of(results);
        });

        for (List<Assessment> results : perThread) {
            for (int k = 0; k < results.size(); k++) {
                assertEquals(sequential.get(k % cases.size()), results.get(k), "case " + cases.get(k % cases.size()).id());
            }
        }
    }

    @Test
    void swappingRuleSetsUnderLoadNeverMixesThem() throws Exception {
        SanctuaryEngine prohibits = SanctuaryEngine.fromDirectory(TEST_RULES);
        SanctuaryEngine allows = SanctuaryEngine.fromDirectory(variantWithoutTheHoldRule());
        String prohibiting = prohibits.ruleSet().version();
        assertNotEquals(prohibiting, allows.ruleSet().version());
        ReloadableEngine engine = new ReloadableEngine(prohibits);
        // Two acts, so a result judged half by one rule set and half by the other would show.
        Case aCase = new Case("swap", null, null, List.of(
                Act.builder("hold-1", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build(),
                Act.builder("hold-2", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build()));
        int maxAssessments = 5_000;
        int assessors = THREADS - 1;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger finished = new AtomicInteger();
        // Each assessment done lets the swapper swap once, so swaps interleave with assessments without sleeping.
        Semaphore progress = new Semaphore(0);

        List<List<Assessment>> results = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                runTogether(THREADS, thread -> {
                    if (thread == 0) {
                        for (int i = 0; finished.get() < assessors; i++) {
                            progress.acquire();
                            engine.swap(i % 2 == 0 ? allows : prohibits);
                        }
                        return List.of();
                    }
                    List<Assessment> mine = new ArrayList<>();
                    Set<String> mineSeen = new HashSet<>();
                    try {
                        // At least 200 each; then stop once this thread has seen both rule sets, or at the bound.
                        for (int i = 0; i < 200 || (i < maxAssessments && mineSeen.size() < 2); i++) {
                            Assessment a = engine.assess(aCase);
                            mine.add(a);
                            mineSeen.add(a.ruleSetVersion());
                            seen.add(a.ruleSetVersion());
                            progress.release();
                        }
                    } finally {
                        finished.incrementAndGet();
                        progress.release(); // wake the swapper so it sees the count
                    }
                    return mine;
                }));

        assertEquals(Set.of(prohibiting, allows.ruleSet().version()), seen, "both rule sets were used");
        for (List<Assessment> list : results) {
            for (Assessment a : list) {
                Verdict expected = a.ruleSetVersion().equals(prohibiting) ? Verdict.VIOLATION : Verdict.COMPLIANT;
                assertEquals(expected, a.verdict(), a::toString);
                a.acts().forEach(act -> assertEquals(expected, act.verdict(), a::toString));
            }
        }
    }

    /** The test rules with the NYPD hold prohibition aimed elsewhere: the same case is then compliant. */
    private Path variantWithoutTheHoldRule() throws IOException {
        Path variant = Files.createDirectories(dir.resolve("variant"));
        try (Stream<Path> files = Files.list(TEST_RULES)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("test.drl")) {
                    text = text.replace("agency == Agency.NYPD, kind == ActKind.HOLD_PAST_RELEASE",
                            "agency == Agency.NYPD, kind == ActKind.SEND_BOOKING_FINGERPRINTS");
                }
                Files.writeString(variant.resolve(f.getFileName()), text);
            }
        }
        return variant;
    }

    private interface Work<T> {
        T run(int thread) throws Exception;
    }

    /** Runs the work on {@code threads} threads released together by a barrier; returns each thread's result. */
    private static <T> List<T> runTogether(int threads, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.run(thread);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Case> shippedCases() throws IOException {
        ScenarioLoader loader = new ScenarioLoader();
        List<Case> cases = new ArrayList<>();
        for (Path file : loader.discover(List.of(Path.of("scenarios")))) {
            LoadResult loaded = loader.load(file);
            assertTrue(loaded.ok(), loaded.problems()::toString);
            cases.add(loaded.scenario().aCase());
        }
        assertTrue(cases.size() > 100, "the shipped scenarios");
        return cases;
    }

    private static List<Integer> indices(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
