package org.sanctuaryrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleOverlay;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.service.DecisionServer;
import org.sanctuaryrules.service.RulesWatcher;
import org.sanctuaryrules.service.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the decision service over HTTP, with the case page (docs/service.md). */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves the engine over HTTP: POST /v1/assess and /v1/explain, GET /v1/rules, health, metrics,",
                "the OpenAPI document (/openapi.json) and a case page for the browser (/). See docs/service.md.",
                "Runs until stopped (SIGTERM or Ctrl-C: requests in flight finish first).",
                "Exit code: 2 when the rules do not compile or the port cannot be opened."})
public final class ServeCommand implements Callable<Integer> {
    /** Tokens shorter than this are refused: a token is only as good as it is hard to guess. */
    static final int MIN_TOKEN_CHARS = 16;

    @Mixin
    RuleOptions rules;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServiceOptions.DEFAULT_PORT,
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServiceOptions.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: every "
                    + "interface, behind a TLS proxy).")
    String bind;

    @Option(names = "--watch",
            description = "Reload the rules on every save of a rule or data file; a save that breaks them keeps the "
                    + "last good rules in service.")
    boolean watch;

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append a decision record per judged case to FILE (JSON Lines), as run does.")
    Path decisionLog;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require 'Authorization: Bearer TOKEN' on every /v1 call, TOKEN being the file's text "
                    + "(at least " + MIN_TOKEN_CHARS + " characters).")
    Path tokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServiceOptions.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted (default ${DEFAULT-VALUE}); larger is answered 413.")
    long maxBody;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Requests judged at once (default: 4 per core); one more is answered 503 with Retry-After.")
    Integer maxInFlight;

    @Option(names = "--max-cases", paramLabel = "N", defaultValue = "" + ServiceOptions.DEFAULT_MAX_CASES,
            description = "Most cases in one request (default ${DEFAULT-VALUE}).")
    int maxCases;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535 || maxBody < 1 || maxCases < 1 || (maxInFlight != null && maxInFlight < 1)) {
            err.println("sanctuary-rules serve: --port takes 0-65535; --max-body, --max-in-flight and --max-cases "
                    + "take a positive number");
            return Main.EXIT_ERROR;
        }
        String token = null;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                err.println(tokenFile + ": error: --token-file: cannot read it: " + OutputFiles.why(tokenFile, e));
                return Main.EXIT_ERROR;
            }
            if (token.length() < MIN_TOKEN_CHARS || token.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
                err.println(tokenFile + ": error: --token-file: the token must be one line of at least "
                        + MIN_TOKEN_CHARS + " visible characters, without spaces");
                return Main.EXIT_ERROR;
            }
        }
        ServiceOptions options = new ServiceOptions(bind, port, token, maxBody,
                maxInFlight == null ? ServiceOptions.defaultInFlight() : maxInFlight, maxCases, decisionLog,
                Duration.ofSeconds(30));
        Path rulesDir = rules.dir;
        DecisionServer server = new DecisionServer(options, () -> rulesDir == null ? SanctuaryEngine.shipped()
                : SanctuaryEngine.of(RuleSet.fromDirectory(rulesDir, rules.options())));
        // The rules first: a service whose rules do not compile should not start at all (unless it is to wait for a
        // good save, with --watch).
        List<Problem> problems = server.reload();
        Diagnostics.print(problems, err);
        if (!problems.isEmpty() && !watch) {
            return Main.EXIT_ERROR;
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            err.println("sanctuary-rules serve: cannot listen on " + bind + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return Main.EXIT_ERROR;
        }
        Thread hook = new Thread(server::stop, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RulesWatcher watcher = null;
        if (watch) {
            try {
                watcher = new RulesWatcher(server, watched(rulesDir));
            } catch (IOException e) {
                err.println("--watch: error: cannot watch: " + OutputFiles.describe(e));
                server.stop();
                return Main.EXIT_ERROR;
            }
        }
        out.println("sanctuary-rules serve: listening on http://" + bind + ":" + server.port() + "/ (rules "
                + (server.ruleSetVersion() == null ? "not compiled yet" : "version " + server.ruleSetVersion())
                + ")");
        out.flush();
        server.awaitStop();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
        return 0;
    }

    /** The rule directory and an overlay's base; the shipped rules in the jar do not change. */
    private static List<Path> watched(Path rulesDir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (rulesDir != null) {
            dirs.add(rulesDir);
            if (RuleOverlay.isOverlay(rulesDir) && RuleOverlay.base(rulesDir) != null) {
                dirs.add(RuleOverlay.base(rulesDir));
            }
        }
        if (dirs.isEmpty()) {
            throw new IOException("--watch needs --rules DIR: the shipped rules do not change");
        }
        return dirs;
    }
}
