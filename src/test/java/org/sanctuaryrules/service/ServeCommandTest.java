package org.sanctuaryrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sanctuary-rules serve} as its own process: it prints where it listens, answers, and on SIGTERM drains and
 * exits. The process is always ended by the test.
 */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void servesWithATokenAndExitsOnSigterm() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "a-token-for-the-serve-test-42\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty("sanctuary.rule-cache");
        if (cache != null) {
            command.add("-Dsanctuary.rule-cache=" + cache);
        }
        command.addAll(List.of("org.sanctuaryrules.cli.Main", "serve", "--port", "0", "--token-file",
                tokenFile.toString()));
        Process serve = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null, "serve printed nothing: " + Files.readString(dir.resolve("stderr")));
            Matcher m = LISTENING.matcher(line);
            assertTrue(m.find(), line);
            Http http = new Http(Integer.parseInt(m.group(1)), "a-token-for-the-serve-test-42");
            assertEquals(200, http.get("/health/ready").statusCode());
            assertEquals(200, http.post("/v1/assess", "application/yaml", DecisionServerTest.SEED).statusCode());
            assertEquals(401, new Http(Integer.parseInt(m.group(1))).get("/v1/rules").statusCode());

            serve.destroy(); // SIGTERM
            // A guard against a hung process, not a timing assertion.
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not exit on SIGTERM");
            assertEquals(143, serve.exitValue(), "ended by SIGTERM, after the shutdown hook ran");
            String stderr = Files.readString(dir.resolve("stderr"));
            assertTrue(!stderr.contains("Exception"), stderr);
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void refusesAShortToken() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "short");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = org.sanctuaryrules.cli.Main.execute(new String[] {"serve", "--port", "0", "--token-file",
                tokenFile.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("at least 16"), err.toString());
        assertTrue(!err.toString().contains("short"), "the token is not echoed");
    }
}
