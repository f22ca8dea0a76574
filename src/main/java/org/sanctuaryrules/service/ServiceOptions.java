package org.sanctuaryrules.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DecisionServer} listens and what it lets in.
 *
 * @param bind           the address to listen on ({@code 127.0.0.1}: this machine only)
 * @param port           the port; 0 picks a free one ({@link DecisionServer#port()} tells which)
 * @param token          the bearer token every {@code /v1} call must carry, or {@code null} for none
 * @param maxBodyBytes   the largest request body accepted; a larger one is answered 413
 * @param maxInFlight    how many {@code /v1} requests are judged at once; one more is answered 503 at once
 * @param maxCases       the most cases one request may hold
 * @param decisionLog    a file to append a decision record per judged case to, or {@code null}
 * @param drainTimeout   how long stopping waits for requests in flight
 */
public record ServiceOptions(String bind, int port, String token, long maxBodyBytes, int maxInFlight, int maxCases,
                             Path decisionLog, Duration drainTimeout) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8181;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_CASES = 100;

    public ServiceOptions {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535 || maxBodyBytes < 1 || maxInFlight < 1 || maxCases < 1) {
            throw new IllegalArgumentException("port 0-65535 and positive limits");
        }
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
    }

    /** The defaults of {@code serve}, on the given port. */
    public static ServiceOptions defaults(int port) {
        return new ServiceOptions(DEFAULT_BIND, port, null, DEFAULT_MAX_BODY_BYTES, defaultInFlight(),
                DEFAULT_MAX_CASES, null, null);
    }

    /** Judging is work for the processor: a few requests per core at once, the rest told to come back. */
    public static int defaultInFlight() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    public ServiceOptions withToken(String newToken) {
        return new ServiceOptions(bind, port, newToken, maxBodyBytes, maxInFlight, maxCases, decisionLog, drainTimeout);
    }

    public ServiceOptions withLimits(long newMaxBodyBytes, int newMaxInFlight) {
        return new ServiceOptions(bind, port, token, newMaxBodyBytes, newMaxInFlight, maxCases, decisionLog,
                drainTimeout);
    }

    public ServiceOptions withDecisionLog(Path log) {
        return new ServiceOptions(bind, port, token, maxBodyBytes, maxInFlight, maxCases, log, drainTimeout);
    }
}
