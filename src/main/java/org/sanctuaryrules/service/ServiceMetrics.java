package org.sanctuaryrules.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Finding;

/**
 * The service's metrics in Prometheus' text format ({@code GET /metrics}): requests by route, method and status with a
 * latency histogram, act verdicts by the provision that decided them, the rule-set version, reloads. One registry per
 * server, no global state.
 */
final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter reloads = Counter.builder("sanctuary.rule.reloads")
            .description("Rule sets compiled and put in service after the first").register(registry);
    private final Counter failedReloads = Counter.builder("sanctuary.rule.reloads.failed")
            .description("Reloads whose rules did not compile; the last good rules stayed in service")
            .register(registry);
    private final AtomicReference<Gauge> version = new AtomicReference<>();

    void request(String route, String method, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Each act's verdict under every provision its decisive findings cite ({@code none} when no finding decided). */
    void verdicts(Assessment assessment) {
        for (ActAssessment act : assessment.acts()) {
            var provisions = act.decisiveFindings().stream().map(Finding::provision).distinct().toList();
            for (String provision : provisions.isEmpty() ? java.util.List.of("none") : provisions) {
                Counter.builder("sanctuary.act.verdicts")
                        .description("Acts judged, by verdict and by a provision that decided it")
                        .tag("verdict", act.verdict().name()).tag("provision", provision == null ? "none" : provision)
                        .register(registry).increment();
            }
        }
    }

    /** The rule set now in service, as an info gauge whose label is its version (the old one is removed). */
    void ruleSet(String ruleSetVersion, boolean reload) {
        Gauge next = Gauge.builder("sanctuary.rule.set", () -> 1).description("The rule set in service (its version)")
                .tag("version", ruleSetVersion).register(registry);
        Gauge previous = version.getAndSet(next);
        if (previous != null && previous != next) {
            registry.remove(previous);
        }
        if (reload) {
            reloads.increment();
        }
    }

    void failedReload() {
        failedReloads.increment();
    }

    String scrape() {
        return registry.scrape();
    }
}
