package org.sanctuaryrules.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.service.DecisionServer;
import org.sanctuaryrules.service.ServiceOptions;

/**
 * The decision service under load on a loopback port: one seed case (YAML) per {@code POST /v1/assess}, from 1, 4
 * and 16 client threads, against the same case judged in process ({@code assess}) in the same run — the ratio is
 * what HTTP, parsing the case and writing the JSON report cost. SampleTime gives p50/p99 and, with the thread
 * count, the throughput. Bounded: fixed iterations, and the server stops at tear-down.
 * Run: {@code mvn -B -Pbench test -Djmh.args="ServiceLoadBench"}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class ServiceLoadBench {
    private static final String SEED = "scenarios/detainers-nypd-48-hour-hold-reentrant.yaml";

    private DecisionServer server;
    private HttpClient client;
    private HttpRequest request;
    private SanctuaryEngine engine;
    private Case seed;
    private ScenarioLoader loader;
    private String yaml;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        engine = SanctuaryEngine.shipped();
        yaml = Files.readString(Path.of(SEED), StandardCharsets.UTF_8);
        loader = new ScenarioLoader();
        seed = loader.parse("seed.yaml", yaml).scenario().aCase();
        server = new DecisionServer(ServiceOptions.defaults(0).withLimits(1024 * 1024, 64), () -> engine).start();
        server.reload();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/assess"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)).build();
        HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200 || !first.body().contains("\"verdict\" : \"COMPLIANT\"")) {
            throw new IllegalStateException("the service does not judge the seed: " + first.statusCode());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop();
    }

    private String post() throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return response.body();
    }

    @Benchmark
    @Threads(1)
    public String http1() throws Exception {
        return post();
    }

    @Benchmark
    @Threads(4)
    public String http4() throws Exception {
        return post();
    }

    @Benchmark
    @Threads(16)
    public String http16() throws Exception {
        return post();
    }

    /** The baseline: the same case judged in process, the case already read. */
    @Benchmark
    @Threads(1)
    public Assessment inProcess1() {
        return engine.assess(seed);
    }

    /** In process, the YAML read each time as the service does: what is left is HTTP and the JSON report. */
    @Benchmark
    @Threads(1)
    public Assessment inProcessWithParsing1() {
        return engine.assess(loader.parse("seed.yaml", yaml).scenario().aCase());
    }
}
