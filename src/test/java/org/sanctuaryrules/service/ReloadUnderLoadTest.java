package org.sanctuaryrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * Reloads under load: two rule sets that judge the same case differently are swapped in and out while clients send
 * lists of that case; every answer must be wholly one rule set's (its verdicts those of the version it names). A
 * reload that does not compile keeps the last good rules. Bounded: a fixed number of requests and reloads.
 */
class ReloadUnderLoadTest {
    private static final String HOLD = DecisionServerTest.SEED;

    @TempDir
    Path dir;

    @Test
    void noAnswerMixesTwoRuleSets() throws Exception {
        SanctuaryEngine shipped = ShippedEngine.get();
        SanctuaryEngine int395 = SanctuaryEngine.fromDirectory(Path.of("rules-variants/int-395-2024"));
        var hold = new ScenarioLoader().parse("hold.yaml", HOLD).scenario().aCase();
        Map<String, String> verdictByVersion = Map.of(
                shipped.ruleSet().version(), shipped.assess(hold).verdict().name(),
                int395.ruleSet().version(), int395.assess(hold).verdict().name());
        assertEquals(2, verdictByVersion.size());
        assertNotEquals(shipped.assess(hold).verdict(), int395.assess(hold).verdict(), "the two rule sets differ");

        AtomicInteger builds = new AtomicInteger();
        try (DecisionServer server = new DecisionServer(ServiceOptions.defaults(0).withLimits(1024 * 1024, 64),
                // A new engine on either compiled rule set at each reload, as a real reload builds one.
                () -> SanctuaryEngine.of((builds.getAndIncrement() % 2 == 0 ? shipped : int395).ruleSet()))) {
            server.reload();
            server.start();
            Http http = new Http(server.port());
            String list = "[" + String.join(",", java.util.Collections.nCopies(4, DecisionServerTest.asJson(HOLD)))
                    + "]";
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    answers.add(clients.submit(() -> {
                        HttpResponse<String> response = http.post("/v1/assess", "application/json", list);
                        assertEquals(200, response.statusCode(), response.body());
                        JsonNode report = Http.json(response);
                        String version = report.path("rule_set").path("version").asText();
                        assertEquals(version, response.headers().firstValue("Sanctuary-Rule-Set-Version")
                                .orElseThrow());
                        String expected = verdictByVersion.get(version);
                        for (JsonNode scenario : report.path("scenarios")) {
                            assertEquals(expected, scenario.path("verdict").asText(),
                                    "a case judged by another rule set than the answer names");
                        }
                        return version;
                    }));
                }
                for (int i = 0; i < 12; i++) {
                    assertEquals(List.of(), server.reload());
                }
                Set<String> seen = new HashSet<>();
                for (Future<String> answer : answers) {
                    seen.add(answer.get());
                }
                assertTrue(seen.size() >= 1);
            } finally {
                clients.shutdownNow();
            }
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("sanctuary_rule_reloads_total 12"), metrics);
            assertEquals(1, metrics.lines().filter(l -> l.startsWith("sanctuary_rule_set{")).count(),
                    "only the version in service is shown");
        }
    }

    @Test
    void aReloadThatDoesNotCompileKeepsTheLastGoodRules() throws Exception {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        try (DecisionServer server = new DecisionServer(ServiceOptions.defaults(0),
                () -> SanctuaryEngine.of(RuleSet.fromDirectory(rules)))) {
            assertEquals(List.of(), server.reload());
            server.start();
            String good = server.ruleSetVersion();
            // A save that breaks the register (found before anything is compiled, so the test stays short).
            Path register = rules.resolve("provisions.yaml");
            Files.writeString(register, Files.readString(register) + "\n  - id: [unclosed\n");
            assertTrue(!server.reload().isEmpty(), "the broken rules are reported");
            assertEquals(good, server.ruleSetVersion(), "the last good rules stay in service");
            Http http = new Http(server.port());
            assertEquals(200, http.post("/v1/assess", "application/yaml", HOLD).statusCode());
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("sanctuary_rule_reloads_failed_total 1"), metrics);
        }
    }

    @Test
    void theWatcherReloadsOnASaveAndKeepsTheLastGoodRulesWhenItBreaks() throws Exception {
        Path rules = dir.resolve("watched");
        copy(Path.of("rules"), rules);
        java.util.concurrent.BlockingQueue<List<org.sanctuaryrules.engine.Problem>> reloads =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (DecisionServer server = new DecisionServer(ServiceOptions.defaults(0),
                () -> SanctuaryEngine.of(RuleSet.fromDirectory(rules)));
             RulesWatcher watcher = new RulesWatcher(server, List.of(rules), reloads::add)) {
            assertEquals(List.of(), server.reload());
            server.start();
            String good = server.ruleSetVersion();
            Path register = rules.resolve("provisions.yaml");
            Files.writeString(register, Files.readString(register) + "\n  - id: [unclosed\n");
            // A guard against a watcher that never fires, not a timing assertion.
            List<org.sanctuaryrules.engine.Problem> problems = reloads.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(problems != null && !problems.isEmpty(), "the save was seen and its problems reported");
            assertEquals(good, server.ruleSetVersion());
            assertEquals(200, new Http(server.port()).post("/v1/assess", "application/yaml", HOLD).statusCode());
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

}
