package org.sanctuaryrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;

/** The decision service on a real server on a loopback port: every endpoint and every error status. */
class DecisionServerTest {
    static final String SEED = read("scenarios/detainers-nypd-48-hour-hold-reentrant.yaml");
    static final String UNKNOWN = read("scenarios/access-4-210-area-unknown.yaml");

    private static DecisionServer server;
    private static Http http;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new DecisionServer(ServiceOptions.defaults(0).withLimits(64 * 1024, 8),
                DecisionServerTest::freshEngine);
        assertEquals(List.of(), server.reload());
        server.start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void assessesOneYamlCaseAsRunFormatJsonDoes() throws Exception {
        HttpResponse<String> response = http.post("/v1/assess", "application/yaml", SEED);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Http.json(response);
        String version = ShippedEngine.get().ruleSet().version();
        assertEquals(version, report.path("rule_set").path("version").asText());
        assertEquals(version, response.headers().firstValue("Sanctuary-Rule-Set-Version").orElseThrow());
        JsonNode scenario = report.path("scenarios").get(0);
        assertEquals("detainers-nypd-48-hour-hold-reentrant", scenario.path("id").asText());
        assertEquals("COMPLIANT", scenario.path("verdict").asText());
        assertEquals("PASSED", scenario.path("status").asText(), "the case's expectation is checked as run does");
        assertEquals("case", scenario.path("file").asText());
        assertTrue(scenario.path("acts").get(0).path("findings").toString().contains("AC-14-154-b2"));
        assertEquals(1, report.path("summary").path("passed").asInt());
    }

    @Test
    void assessesAJsonListOfCases() throws Exception {
        String list = "[" + asJson(SEED) + "," + asJson(UNKNOWN) + "]";
        HttpResponse<String> response = http.post("/v1/assess", "application/json; charset=utf-8", list);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode scenarios = Http.json(response).path("scenarios");
        assertEquals(2, scenarios.size());
        assertEquals("case[1]", scenarios.get(1).path("file").asText());
        assertEquals("INDETERMINATE", scenarios.get(1).path("verdict").asText());
        assertFalse(scenarios.get(1).path("acts").get(0).path("missing_facts").isEmpty(), "names the missing facts");
    }

    @Test
    void assessesAYamlListAndJudgesAsOfADay() throws Exception {
        String list = "- " + SEED.strip().replace("\n", "\n  ") + "\n";
        HttpResponse<String> response = http.post("/v1/assess?as_of=2020-01-01", "application/yaml", list);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = Http.json(response);
        assertEquals("2020-01-01", report.path("as_of").asText());
        // From Wells v. DeMarco (2018-11-14) on, state law forbids the hold itself.
        assertEquals("VIOLATION", report.path("scenarios").get(0).path("verdict").asText());
    }

    @Test
    void explainsOneCase() throws Exception {
        HttpResponse<String> response = http.post("/v1/explain", "application/x-yaml", SEED);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode tree = Http.json(response);
        assertEquals("COMPLIANT", tree.path("verdict").asText());
        assertTrue(tree.path("acts").get(0).path("decided_by").size() > 0, response.body());

        HttpResponse<String> two = http.post("/v1/explain", "application/json", "[" + asJson(SEED) + ","
                + asJson(UNKNOWN) + "]");
        assertProblem(two, 422);
    }

    @Test
    void readsAScenarioFileAsJsonForTheForm() throws Exception {
        HttpResponse<String> response = http.post("/v1/read", "application/yaml", SEED);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode read = Http.json(response);
        assertEquals("hold_past_release", read.path("acts").get(0).path("kind").asText());
        assertEquals("2018-03-03", read.path("date").asText(), "dates stay text, as the form has them");
        assertEquals("compliant", read.path("expect").path("verdict").asText());
        assertProblem(http.post("/v1/read", "application/yaml", SEED.replace("kind: hold_past_release",
                "kind: hold")), 422);
    }

    @Test
    void settlesAnIndeterminateCase() throws Exception {
        HttpResponse<String> response = http.post("/v1/settle", "application/yaml", UNKNOWN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode settlement = Http.json(response);
        assertEquals(ShippedEngine.get().ruleSet().version(), settlement.path("rule_set").path("version").asText());
        JsonNode act = settlement.path("acts").get(0);
        assertEquals("INDETERMINATE", act.path("verdict").asText());
        assertTrue(act.path("lines").size() >= 2, "a settle table: " + response.body());
        assertTrue(response.body().contains("acts[].non_public_area"), response.body());
        assertProblem(http.post("/v1/settle", "application/json", "[" + asJson(SEED) + "," + asJson(UNKNOWN) + "]"),
                422);
    }

    @Test
    void listsTheRulesWithProvisions() throws Exception {
        HttpResponse<String> response = http.get("/v1/rules");
        assertEquals(200, response.statusCode());
        JsonNode rules = Http.json(response);
        assertEquals(ShippedEngine.get().ruleSet().version(), rules.path("rule_set").path("version").asText());
        JsonNode provision = null;
        for (JsonNode p : rules.path("provisions")) {
            if (p.path("id").asText().equals("AC-14-154-b2")) {
                provision = p;
            }
        }
        assertNotNull(provision, "the register's provisions are listed");
        assertTrue(provision.path("citation").asText().contains("14-154"));
        assertTrue(provision.path("in_force_from").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertFalse(provision.path("rules").isEmpty(), "with the rules that cite it");
    }

    @Test
    void healthMetricsOpenApiAndThePage() throws Exception {
        assertEquals("UP", Http.json(http.get("/health/live")).path("status").asText());
        HttpResponse<String> ready = http.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("UP", Http.json(ready).path("status").asText());

        http.post("/v1/assess", "application/yaml", SEED);
        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), metrics);
        assertTrue(metrics.contains("route=\"/v1/assess\""), metrics);
        assertTrue(metrics.matches("(?s).*sanctuary_act_verdicts_total\\{[^}]*provision=\"AC-14-154-b2\"[^}]*"
                + "verdict=\"COMPLIANT\"[^}]*} [1-9].*"), metrics);
        assertTrue(metrics.contains("sanctuary_rule_set{version=\"" + server.ruleSetVersion() + "\"} 1"), metrics);
        assertTrue(metrics.contains("sanctuary_rule_reloads_total 0"), metrics);
        assertTrue(metrics.contains("sanctuary_rule_reloads_failed_total 0"), metrics);

        HttpResponse<String> openapi = http.get("/openapi.json");
        assertEquals(200, openapi.statusCode());
        assertEquals(Http.JSON.readTree(read("docs/openapi.json")), Http.json(openapi), "the served document is docs'");
        for (String path : List.of("/v1/assess", "/v1/explain", "/v1/settle", "/v1/read", "/v1/rules",
                "/health/live", "/health/ready", "/metrics")) {
            assertTrue(Http.json(openapi).path("paths").has(path), path + " is documented");
        }
        assertEquals(Http.JSON.readTree(read("docs/scenario.schema.json")),
                Http.json(http.get("/scenario.schema.json")));

        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("connect-src 'self'"));
        assertFalse(page.body().contains("__SCENARIO_SCHEMA__"), "the schema is embedded");
        assertTrue(page.body().contains("\"$defs\""), "the schema is embedded");
    }

    @Test
    void malformedBodiesAre400() throws Exception {
        assertProblem(http.post("/v1/assess", "application/json", "{\"id\": "), 400);
        assertProblem(http.post("/v1/assess", "application/yaml", "id: [unclosed\n"), 400);
        assertProblem(http.post("/v1/assess", "application/json", " "), 400);
        assertProblem(http.post("/v1/assess?as_of=yesterday", "application/yaml", SEED), 400);
    }

    @Test
    void anInvalidCaseIs422WithTheFieldAndAllowedValuesButNotTheValue() throws Exception {
        String bad = SEED.replace("agency: nypd", "agency: secret-agency-x");
        HttpResponse<String> response = http.post("/v1/assess", "application/yaml", bad);
        JsonNode problem = assertProblem(response, 422);
        JsonNode error = problem.path("errors").get(0);
        assertEquals("acts[0].agency", error.path("field").asText(), response.body());
        assertTrue(error.path("message").asText().contains("nypd"), "the allowed values: " + response.body());
        assertFalse(response.body().contains("secret-agency-x"), "never the value sent: " + response.body());
        assertFalse(response.body().contains("/work") || response.body().contains(".yaml"), "no file: "
                + response.body());

        JsonNode inList = assertProblem(http.post("/v1/assess", "application/json",
                "[" + asJson(SEED) + "," + asJson(bad) + "]"), 422);
        assertEquals("case[1]", inList.path("errors").get(0).path("source").asText());
        assertProblem(http.post("/v1/assess", "application/json", "[]"), 422);
    }

    @Test
    void otherMediaTypesAre415AndLargeBodiesAre413() throws Exception {
        assertProblem(http.post("/v1/assess", "text/plain", SEED), 415);
        assertProblem(http.post("/v1/assess", "application/yaml; charset=latin1", SEED), 415);
        // Over a raw socket: the server answers 413 without reading an announced body, and a client still sending
        // it may not see that answer (Java's client reports a reset); one that waits for the answer does.
        String announced = raw(server.port(), "POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml"
                + "\r\nContent-Length: " + (70 * 1024) + "\r\n\r\n");
        assertTrue(announced.startsWith("HTTP/1.1 413"), announced);
        assertTrue(announced.contains("application/problem+json"), announced);
        // Sent in chunks, with no length announced: read up to the limit, then refused.
        String big = SEED + "#".repeat(70 * 1024);
        String chunked = raw(server.port(), "POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length()) + "\r\n" + big
                + "\r\n0\r\n\r\n");
        assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsWithoutStackTraces() throws Exception {
        HttpResponse<String> missing = http.get("/v1/nothing");
        assertProblem(missing, 404);
        HttpResponse<String> wrongMethod = http.get("/v1/assess");
        assertTrue(wrongMethod.statusCode() == 404 || wrongMethod.statusCode() == 405);
        assertTrue(wrongMethod.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertFalse(wrongMethod.body().contains("at io.javalin") || wrongMethod.body().contains("Exception"));
    }

    @Test
    void aBearerTokenGuardsEveryV1CallButNotHealth() throws Exception {
        String token = "s3cret-token-of-the-test-0123456789";
        try (DecisionServer guarded = new DecisionServer(ServiceOptions.defaults(0).withToken(token),
                DecisionServerTest::freshEngine)) {
            guarded.reload();
            guarded.start();
            Http none = new Http(guarded.port());
            Http wrong = new Http(guarded.port(), "not-the-token-at-all-0000000");
            Http right = new Http(guarded.port(), token);
            for (Http client : List.of(none, wrong)) {
                HttpResponse<String> refused = client.post("/v1/assess", "application/yaml", SEED);
                assertProblem(refused, 401);
                assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
                assertFalse(refused.body().contains(token));
                assertProblem(client.get("/v1/rules"), 401);
                assertProblem(client.post("/v1/explain", "application/yaml", SEED), 401);
            }
            assertEquals(200, right.post("/v1/assess", "application/yaml", SEED).statusCode());
            assertEquals(200, right.get("/v1/rules").statusCode());
            assertEquals(200, none.get("/health/ready").statusCode());
            assertTrue(none.get("/").body().contains("const TOKEN_REQUIRED = true;"), "the page asks for the token");
        }
    }

    @Test
    void beyondTheInFlightLimitA503WithRetryAfterAtOnce() throws Exception {
        try (DecisionServer small = new DecisionServer(ServiceOptions.defaults(0).withLimits(64 * 1024, 1),
                DecisionServerTest::freshEngine)) {
            small.reload();
            small.start();
            Http client = new Http(small.port());
            try (Http.Held held = new Http.Held(small.port(), "/v1/assess", "application/yaml", SEED)) {
                assertTrue(small.awaitInFlight(1, Duration.ofSeconds(30)), "the held request is in flight");
                HttpResponse<String> refused = client.post("/v1/assess", "application/yaml", SEED);
                assertProblem(refused, 503);
                assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
                assertEquals(200, client.get("/health/live").statusCode(), "health is not limited");
                assertTrue(held.finish().startsWith("HTTP/1.1 200"));
            }
            assertTrue(small.awaitInFlight(0, Duration.ofSeconds(30)));
            assertEquals(200, client.post("/v1/assess", "application/yaml", SEED).statusCode());
        }
    }

    @Test
    void notReadyUntilTheRulesCompile() throws Exception {
        try (DecisionServer starting = new DecisionServer(ServiceOptions.defaults(0),
                DecisionServerTest::freshEngine)) {
            starting.start();
            Http client = new Http(starting.port());
            HttpResponse<String> ready = client.get("/health/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("STARTING", Http.json(ready).path("status").asText());
            assertProblem(client.post("/v1/assess", "application/yaml", SEED), 503);
            starting.reload();
            assertEquals(200, client.get("/health/ready").statusCode());
        }
    }

    @Test
    void stoppingDrainsTheRequestsInFlightAndRefusesNewOnes() throws Exception {
        DecisionServer draining = new DecisionServer(ServiceOptions.defaults(0), DecisionServerTest::freshEngine);
        draining.reload();
        draining.start();
        int port = draining.port();
        Http client = new Http(port);
        CompletableFuture<Void> stopping;
        try (Http.Held held = new Http.Held(port, "/v1/assess", "application/yaml", SEED)) {
            assertTrue(draining.awaitInFlight(1, Duration.ofSeconds(30)));
            stopping = CompletableFuture.runAsync(draining::stop);
            assertTrue(draining.awaitDraining(Duration.ofSeconds(30)));
            assertFalse(stopping.isDone(), "stop waits for the request in flight");
            assertEquals(503, client.get("/health/ready").statusCode(), "a draining replica is not ready");
            assertProblem(client.post("/v1/assess", "application/yaml", SEED), 503);
            String answer = held.finish();
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"verdict\" : \"COMPLIANT\""), answer);
        }
        stopping.get();
        assertThrows(ConnectException.class, () -> client.get("/health/live"), "the port is closed");
    }

    @Test
    void aDecisionLogGetsARecordPerJudgedCase() throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        try (DecisionServer logging = new DecisionServer(ServiceOptions.defaults(0).withDecisionLog(log),
                DecisionServerTest::freshEngine)) {
            logging.reload();
            logging.start();
            Http client = new Http(logging.port());
            assertEquals(200, client.post("/v1/assess", "application/json", "[" + asJson(SEED) + ","
                    + asJson(UNKNOWN) + "]").statusCode());
            List<String> lines = Files.readAllLines(log);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).contains(ShippedEngine.get().ruleSet().version()));
        }
    }

    @Test
    void aDecisionLogThatCannotBeWrittenIs500WithoutATrace() throws Exception {
        Path notAFile = Files.createDirectories(dir.resolve("a-directory"));
        try (DecisionServer logging = new DecisionServer(ServiceOptions.defaults(0).withDecisionLog(notAFile),
                DecisionServerTest::freshEngine)) {
            logging.reload();
            logging.start();
            HttpResponse<String> response = new Http(logging.port()).post("/v1/assess", "application/yaml", SEED);
            assertProblem(response, 500);
            assertFalse(response.body().contains(notAFile.toString()), "no server path: " + response.body());
        }
    }

    /**
     * An engine of its own on the shipped rule set (compiled once): a server releases its engine's sessions when it
     * stops, which must not touch the engine other tests share.
     */
    static org.sanctuaryrules.engine.SanctuaryEngine freshEngine() {
        return org.sanctuaryrules.engine.SanctuaryEngine.of(ShippedEngine.get().ruleSet());
    }

    /** Sends the request text as it is and reads the answer until the server closes the connection. */
    static String raw(int port, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break; // the problem document is one object: its end is the answer's
                }
            }
            return answer.toString();
        }
    }

    static String asJson(String yaml) throws IOException {
        return Http.JSON.writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml));
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonNode problem = Http.json(response);
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("type").asText().startsWith("urn:sanctuary-rules:problem:"));
        assertFalse(problem.path("title").asText().isBlank());
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"), response.body());
        return problem;
    }
}
