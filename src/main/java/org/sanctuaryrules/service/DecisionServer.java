package org.sanctuaryrules.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.sanctuaryrules.internal.audit.DecisionLog;
import org.sanctuaryrules.internal.audit.DecisionRecord;
import org.sanctuaryrules.engine.Explanation;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.ReloadableEngine;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.internal.report.ExplainReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.internal.report.RuleSetReport;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioRunner;
import org.sanctuaryrules.settle.SettleLimits;
import org.sanctuaryrules.settle.Settlement;
import org.sanctuaryrules.settle.Settler;
import org.sanctuaryrules.internal.watch.EngineFactory;
import org.sanctuaryrules.internal.workbench.ExplainBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision service: judges cases sent over HTTP with the engine's public API, on Javalin (Jetty). Stateless:
 * every request is judged wholly by the rule set current when it starts (one engine read per request, so no response
 * mixes two rule sets), and replicas behind a load balancer scale it out. Work is bounded: a body past the limit is
 * refused (413), and past {@link ServiceOptions#maxInFlight()} requests at once the next is told to come back (503
 * with {@code Retry-After}) instead of queueing. {@link #stop()} lets the requests in flight finish first.
 */
public final class DecisionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionServer.class);
    private static final String JSON = "application/json";
    private static final List<String> JSON_TYPES = List.of("application/json");
    private static final List<String> YAML_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml");

    private final ServiceOptions options;
    private final EngineFactory engines;
    private final AtomicReference<ReloadableEngine> engine = new AtomicReference<>();
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final ScenarioLoader yamlLoader = new ScenarioLoader();
    private final ScenarioLoader jsonLoader = ScenarioLoader.forJson();
    private final DecisionLog decisionLog = new DecisionLog();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Object reloading = new Object();
    private final CasePage page;
    private volatile boolean draining;
    private Javalin app;

    /** @param engines builds the rule set afresh, at {@link #reload()} (the first call puts the service in service) */
    public DecisionServer(ServiceOptions options, EngineFactory engines) {
        this.options = options;
        this.engines = engines;
        this.permits = new Semaphore(options.maxInFlight());
        this.page = new CasePage(options.token() != null);
    }

    /** Starts listening; {@code /health/ready} and {@code /v1} answer 503 until {@link #reload()} first succeeds. */
    public synchronized DecisionServer start() {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        // Enough threads for every request judged at once and the health checks beside them. Nothing waits to be
        // judged (the in-flight limit answers 503 at once), and open connections are capped, so the pool's job queue
        // is bounded by them; past the cap Jetty stops accepting and connections wait in the system's backlog.
        int threads = options.maxInFlight() + 16;
        int connections = 4 * options.maxInFlight() + 64;
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.threadPool = new QueuedThreadPool(threads, 4, 60_000);
            config.jetty.modifyServer(server -> {
                server.addBean(new NetworkConnectionLimit(connections, server));
                // Javalin puts its handlers inside this one: stopping Jetty then waits for responses still being
                // written (the drain in stop() waits for the handlers; this, for what Javalin writes after them).
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(Math.max(1000, options.drainTimeout().toMillis()));
                ErrorHandler errors = new ErrorHandler();
                errors.setShowStacks(false);
                errors.setShowMessageInTitle(false);
                server.setErrorHandler(errors);
            });
            config.routes.get("/", route("/", false, this::casePage));
            config.routes.get("/openapi.json", route("/openapi.json", false, ctx ->
                    ctx.contentType(JSON).result(CasePage.resource("openapi.json"))));
            config.routes.get("/scenario.schema.json", route("/scenario.schema.json", false, ctx ->
                    ctx.contentType("application/schema+json").result(CasePage.resource("scenario.schema.json"))));
            config.routes.get("/health/live", route("/health/live", false, ctx -> status(ctx, 200, "UP")));
            config.routes.get("/health/ready", route("/health/ready", false, this::ready));
            config.routes.get("/metrics", route("/metrics", false, ctx ->
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())));
            config.routes.post("/v1/assess", route("/v1/assess", true, this::assess));
            config.routes.post("/v1/explain", route("/v1/explain", true, this::explain));
            config.routes.post("/v1/settle", route("/v1/settle", true, this::settle));
            config.routes.post("/v1/read", route("/v1/read", true, this::read));
            config.routes.get("/v1/rules", route("/v1/rules", true, ctx ->
                    ctx.contentType(JSON).result(new RuleSetReport().json(current(ctx).ruleSet()))));
            // Javalin's own answers (no such route, wrong method, body too large) as problem documents too.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                int status = e.getStatus();
                String title = switch (status) {
                    case 404 -> "Not found";
                    case 405 -> "Method not allowed";
                    case 413 -> "Body too large";
                    default -> "Request not accepted";
                };
                String detail = switch (status) {
                    case 404 -> "no such endpoint; see /openapi.json";
                    case 405 -> "this endpoint does not take that method; see /openapi.json";
                    case 413 -> "the body is larger than " + options.maxBodyBytes() + " bytes";
                    default -> "the request was not accepted";
                };
                problem(ctx, new ProblemException(status, title, detail));
                metrics.request("unmatched", ctx.method().name(), status, 0);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error answering {}", ctx.path(), e);
                problem(ctx, internal());
            });
        });
        app.start(options.bind(), options.port());
        return this;
    }

    /** The port listened on (the one picked, when the options said 0). */
    public int port() {
        return app.port();
    }

    /** Requests being judged now (for tests and the drain). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until {@code n} requests are in flight, or the timeout passes (for tests and tools that hold a request
     * open): a wait on the server's state, not on the clock.
     *
     * @return whether that many were in flight
     */
    public boolean awaitInFlight(int n, java.time.Duration timeout) throws InterruptedException {
        return await(() -> inFlight.get() == n, timeout);
    }

    /** Waits until {@link #stop()} has begun draining, or the timeout passes. */
    public boolean awaitDraining(java.time.Duration timeout) throws InterruptedException {
        return await(() -> draining, timeout);
    }

    private boolean await(java.util.function.BooleanSupplier condition, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlight) {
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                inFlight.wait(left);
            }
            return true;
        }
    }

    public boolean ready() {
        return engine.get() != null && !draining;
    }

    public boolean draining() {
        return draining;
    }

    /** The rule-set version in service, or {@code null} before the first rules compiled. */
    public String ruleSetVersion() {
        ReloadableEngine current = engine.get();
        return current == null ? null : current.version();
    }

    /**
     * Compiles the rules afresh and puts them in service atomically: requests that started on the old rules finish on
     * them. Rules that do not compile leave the last good ones in service.
     *
     * @return the problems that kept the new rules from compiling (empty when they are in service; warnings are not
     * returned)
     */
    public List<Problem> reload() {
        synchronized (reloading) {
            SanctuaryEngine next;
            try {
                next = engines.build();
            } catch (RuleSetException e) {
                return failedReload(e.problems());
            } catch (IOException e) {
                return failedReload(List.of(Problem.error("rules", 0, 0, "", "cannot read the rules: "
                        + e.getMessage())));
            } catch (RuntimeException e) {
                return failedReload(List.of(Problem.error("rules", 0, 0, "", "cannot load the rules: "
                        + e.getMessage())));
            }
            ReloadableEngine current = engine.get();
            if (current == null) {
                engine.set(new ReloadableEngine(next));
                metrics.ruleSet(next.ruleSet().version(), false);
            } else {
                current.swap(next);
                metrics.ruleSet(next.ruleSet().version(), true);
                LOG.info("rules reloaded: version {}", next.ruleSet().version());
            }
            return List.of();
        }
    }

    private List<Problem> failedReload(List<Problem> problems) {
        if (engine.get() != null) {
            metrics.failedReload();
            LOG.warn("the changed rules do not compile ({} problems); the last good rules stay in service",
                    problems.size());
        }
        return problems;
    }

    /**
     * Stops taking requests (new ones get 503, readiness turns false), waits up to the drain timeout for those in
     * flight, then stops the server. Safe to call more than once and from a shutdown hook.
     */
    public void stop() {
        Javalin running;
        synchronized (this) {
            running = app;
            if (running == null || draining && stopped.getCount() == 0) {
                return;
            }
            draining = true;
        }
        synchronized (inFlight) {
            inFlight.notifyAll();
        }
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        running.stop();
        ReloadableEngine current = engine.get();
        if (current != null) {
            current.current().releaseSessions();
        }
        stopped.countDown();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }

    // Routes.

    private interface Route {
        void handle(Context ctx) throws Exception;
    }

    /**
     * Every route through one place: the bearer token and the in-flight limit for {@code /v1}, problems as problem
     * documents, nothing of an internal error but its kind to the client, and the request counted and timed.
     */
    private Handler route(String name, boolean v1, Route route) {
        return ctx -> {
            long start = System.nanoTime();
            boolean counted = false;
            try {
                if (v1) {
                    authorize(ctx);
                    if (draining) {
                        ctx.header("Connection", "close");
                        throw unavailable("the service is shutting down; send the request to another replica");
                    }
                    if (!permits.tryAcquire()) {
                        throw unavailable("the service is judging as many requests as it takes at once ("
                                + options.maxInFlight() + "); try again shortly");
                    }
                    synchronized (inFlight) {
                        inFlight.incrementAndGet();
                        inFlight.notifyAll();
                    }
                    counted = true;
                }
                route.handle(ctx);
            } catch (ProblemException e) {
                problem(ctx, e);
            } catch (HttpResponseException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                LOG.error("internal error answering {}", name, e);
                problem(ctx, internal());
            } finally {
                if (counted) {
                    permits.release();
                    synchronized (inFlight) {
                        inFlight.decrementAndGet();
                        inFlight.notifyAll();
                    }
                }
                metrics.request(name, ctx.method().name(), ctx.statusCode(), System.nanoTime() - start);
            }
        };
    }

    private void authorize(Context ctx) {
        if (options.token() == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        // Compared in constant time, so the answer's timing tells nothing of the token.
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"sanctuary-rules\"");
            throw new ProblemException(401, "Unauthorized", given == null
                    ? "this endpoint needs the header Authorization: Bearer TOKEN"
                    : "the bearer token is not the service's");
        }
    }

    private void casePage(Context ctx) {
        ctx.header("Content-Security-Policy", CasePage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .contentType("text/html; charset=utf-8").result(page.html());
    }

    private void ready(Context ctx) throws JsonProcessingException {
        if (ready()) {
            status(ctx, 200, "UP");
        } else {
            status(ctx.header("Retry-After", "1"), 503, draining ? "DRAINING" : "STARTING");
        }
    }

    private void status(Context ctx, int status, String text) throws JsonProcessingException {
        ObjectMapper m = mapper;
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("status", text);
        body.put("rule_set_version", ruleSetVersion());
        ctx.status(status).contentType(JSON).result(m.writeValueAsString(body));
    }

    /** The engine of this request, read once: everything the request judges is judged by it. */
    private SanctuaryEngine current(Context ctx) {
        ReloadableEngine reloadable = engine.get();
        if (reloadable == null) {
            ctx.header("Retry-After", "1");
            throw new ProblemException(503, "Not ready", "the rules are still being compiled; try again shortly",
                    List.of(), "1");
        }
        SanctuaryEngine current = reloadable.current();
        ctx.header("Sanctuary-Rule-Set-Version", current.ruleSet().version());
        return current;
    }

    private void assess(Context ctx) throws IOException {
        List<Scenario> cases = readCases(ctx);
        LocalDate asOf = asOf(ctx);
        SanctuaryEngine current = current(ctx);
        ScenarioRunner runner = new ScenarioRunner(current, yamlLoader, asOf);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : cases) {
            ScenarioResult result = runner.run(scenario);
            results.add(result);
            if (result.assessment() != null) {
                metrics.verdicts(result.assessment());
            }
        }
        record(results, current.ruleSet().origin(), asOf);
        RunReport report = new RunReport(results, current.ruleSet().origin(), current.ruleSet().version(), asOf);
        ctx.contentType(JSON).result(new JsonReport().render(report));
    }

    private void explain(Context ctx) throws IOException {
        List<Scenario> cases = readCases(ctx);
        if (cases.size() != 1) {
            throw new ProblemException(422, "One case", "explain takes one case, not a list of " + cases.size());
        }
        LocalDate asOf = asOf(ctx);
        SanctuaryEngine current = current(ctx);
        Scenario scenario = cases.get(0);
        Explanation explanation;
        try {
            explanation = current.explain(scenario.aCase(), asOf);
        } catch (RuntimeException e) {
            // A rule that throws or runs past its limits: the rules' fault, said without the case's facts.
            throw new ProblemException(422, "The rules failed", "the rules failed while judging this case: "
                    + e.getClass().getSimpleName());
        }
        var tree = new ExplainBuilder(current.ruleSet()).build(scenario, explanation, asOf);
        ctx.contentType(JSON).result(new ExplainReport().json(tree.withSettlement(settle(current, scenario, asOf))));
    }

    /** {@code POST /v1/settle}: for each act, what would settle it (INDETERMINATE) or make it lawful (VIOLATION). */
    private void settle(Context ctx) throws IOException {
        List<Scenario> cases = readCases(ctx);
        if (cases.size() != 1) {
            throw new ProblemException(422, "One case", "settle takes one case, not a list of " + cases.size());
        }
        LocalDate asOf = asOf(ctx);
        SanctuaryEngine current = current(ctx);
        ctx.contentType(JSON).result(new ExplainReport().settlementJson(current.ruleSet().origin(),
                current.ruleSet().version(), asOf, settle(current, cases.get(0), asOf)));
    }

    /** Bounded in completions, judgments and time ({@link SettleLimits#DEFAULT}). */
    private static Settlement settle(SanctuaryEngine engine, Scenario scenario, LocalDate asOf) {
        try {
            return new Settler(engine, SettleLimits.DEFAULT).settle(scenario.aCase(), asOf);
        } catch (RuntimeException e) {
            throw new ProblemException(422, "The rules failed", "the rules failed while judging a completion of "
                    + "this case: " + e.getClass().getSimpleName());
        }
    }

    /** Appends the judged cases' decision records; a log that cannot be written fails the request. */
    private void record(List<ScenarioResult> results, String ruleSetOrigin, LocalDate asOf) {
        Path log = options.decisionLog();
        if (log == null) {
            return;
        }
        DecisionRecord.Context context = new DecisionRecord.Context(ruleSetOrigin, asOf, java.time.Instant.now());
        List<DecisionRecord> records = results.stream().filter(r -> r.assessment() != null)
                .map(r -> DecisionRecord.of(r.scenario(), r.assessment(), context)).toList();
        synchronized (decisionLog) {
            try {
                decisionLog.append(log, records);
            } catch (IOException e) {
                LOG.error("cannot write the decision log {}: {}", log, e.getClass().getSimpleName());
                throw new ProblemException(500, "Not recorded",
                        "the decision could not be written to the decision log; nothing was answered");
            }
        }
    }

    private static LocalDate asOf(Context ctx) {
        String given = ctx.queryParam("as_of");
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(given.trim());
            if (date.isBefore(ScenarioLoader.EARLIEST_DATE) || date.isAfter(ScenarioLoader.LATEST_DATE)) {
                throw new DateTimeParseException("out of range", given, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Bad query", "as_of: write a date YYYY-MM-DD between "
                    + ScenarioLoader.EARLIEST_DATE + " and " + ScenarioLoader.LATEST_DATE, List.of(
                    new ProblemDetail.Error("query", 0, 0, "as_of", "expected a date YYYY-MM-DD")), null);
        }
    }

    /** The body's cases, or a problem: 415 for a type other than JSON or YAML, 413 past the limit, 400, 422. */
    private List<Scenario> readCases(Context ctx) throws IOException {
        return cases(readBody(ctx));
    }

    /** The body as text, and whether it is JSON (else YAML). */
    private record Body(String text, boolean json) {
    }

    /**
     * {@code POST /v1/read}: a case as the page's form holds it, JSON, from a scenario file in YAML or JSON (the
     * page's "load a file"), after the same checks as an assessment.
     */
    private void read(Context ctx) throws IOException {
        Body body = readBody(ctx);
        if (cases(body).size() != 1) {
            throw new ProblemException(422, "One case", "a list of cases; give one");
        }
        com.fasterxml.jackson.databind.JsonNode tree = body.json() ? mapper.readTree(body.text())
                : CaseTrees.YAML.readTree(body.text());
        ctx.contentType(JSON).result(mapper.writeValueAsString(tree));
    }

    private Body readBody(Context ctx) throws IOException {
        String contentType = ctx.contentType();
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = JSON_TYPES.contains(media) || media.endsWith("+json");
        if (!json && !YAML_TYPES.contains(media)) {
            throw new ProblemException(415, "Unsupported media type", "send the case as Content-Type "
                    + "application/json or application/yaml");
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("charset=")
                && !contentType.toLowerCase(Locale.ROOT).replace("\"", "").matches(".*charset=utf-8\\s*(;.*)?$")) {
            throw new ProblemException(415, "Unsupported charset", "send the case as UTF-8 (charset=utf-8)");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > options.maxBodyBytes()) {
            ctx.header("Connection", "close");
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes() + 1));
        }
        if (bytes.length > options.maxBodyBytes()) {
            ctx.header("Connection", "close");
            throw tooLarge();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "Malformed body", "the body is not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new ProblemException(400, "Malformed body", "the body is empty; send one case or a list of cases");
        }
        return new Body(text, json);
    }

    private List<Scenario> cases(Body body) {
        boolean json = body.json();
        ScenarioLoader.Batch batch = (json ? jsonLoader : yamlLoader).parseEach("case", body.text(),
                options.maxCases());
        List<ProblemDetail.Error> errors = new ArrayList<>();
        List<Scenario> cases = new ArrayList<>();
        for (LoadResult loaded : batch.results()) {
            if (loaded.ok()) {
                cases.add(loaded.scenario());
            }
            for (Problem p : loaded.problems()) {
                errors.add(new ProblemDetail.Error(p.file(), p.line(), p.column(), p.field(), p.message()));
            }
        }
        if (!batch.readable()) {
            throw new ProblemException(400, "Malformed body", "the body is not " + (json ? "JSON" : "YAML")
                    + " that reads as one document", errors, null);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Invalid case", errors.size() == 1 ? "the case has a problem"
                    : "the cases have " + errors.size() + " problems", errors, null);
        }
        return cases;
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "Body too large", "the body is larger than " + options.maxBodyBytes()
                + " bytes; send fewer cases at once");
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Unavailable", detail, List.of(), "1");
    }

    private static ProblemException internal() {
        return new ProblemException(500, "Internal error", "the service failed answering this request; "
                + "the failure is in its log");
    }

    private void problem(Context ctx, ProblemException e) {
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", e.retryAfter());
        }
        String body;
        try {
            body = mapper.writeValueAsString(e.detail(ctx.path()));
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + e.status() + "}";
        }
        ctx.status(e.status()).contentType(ProblemDetail.MEDIA_TYPE).result(body);
    }
}
