package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloading rules must not keep old rule sets alive: Drools registers every compiled module in its process-wide
 * {@code KieRepository}, so without releasing them {@code run --watch} and {@link ReloadableEngine} users ran out of
 * memory after a few dozen saves. A separate JVM with a small heap reloads a rule set 100 times, each save a new
 * version, and checks that the heap left after a full collection does not grow with the number of reloads.
 */
class ReloadMemoryTest {
    @TempDir
    Path dir;

    @Test
    void reloadingAHundredTimesKeepsTheHeapFlat() throws Exception {
        assertRunsFlat("100");
    }

    /** An engine closed after use releases its sessions, and with them its rule set: no reload helper needed. */
    @Test
    void enginesClosedAfterUseKeepTheHeapFlat() throws Exception {
        assertRunsFlat("60", "close");
    }

    private void assertRunsFlat(String... reloadArgs) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/test-rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path log = dir.resolve("reload.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ReloadMany.class.getName(),
                rules.toString()));
        command.addAll(List.of(reloadArgs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the reloads finish");
        String output = readQuietly(log);
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.startsWith("reloads ")).toList();
        assertEquals(1, lines.size(), output);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
