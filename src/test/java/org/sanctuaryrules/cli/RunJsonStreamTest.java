package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --format json} is written as a stream: before, the whole report was built as one string after every
 * result had been kept, so two 1,500-act files (16 MB of JSON) ran out of memory in a 64 MB heap and printed nothing,
 * and three legal 4,500-act files did so in 256 MB. A separate JVM with a small heap must now write every scenario.
 */
class RunJsonStreamTest {
    @TempDir
    Path dir;

    private static String bigScenario(String id, int acts) {
        StringBuilder text = new StringBuilder("""
                id: %s
                title: many holds
                source: hypothetical
                date: 2024-02-01
                person:
                  roles: [arrestee]
                  convictions: []
                request:
                  from: ice_ero
                  instruments: [detainer, administrative_warrant]
                  stated_purpose: civil_immigration_enforcement
                acts:
                """.formatted(id));
        for (int i = 0; i < acts; i++) {
            text.append("  - {id: a").append(i).append(", agency: nypd, kind: hold_past_release}\n");
        }
        return text.toString();
    }

    @Test
    void bigFilesAreWrittenInASmallHeapAndTheOthersKeepTheirResults() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("a-big.yaml"), bigScenario("big-a", 1500));
        Files.copy(Path.of("scenarios/seed-3-times-square-administrative-warrants.yaml"), scenarios.resolve("b-seed.yaml"));
        Files.writeString(scenarios.resolve("c-big.yaml"), bigScenario("big-c", 1500));
        Path out = dir.resolve("run.json");
        Path err = dir.resolve("run.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--format", "json", scenarios.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run finishes");
        assertEquals(0, p.exitValue(), Files.readString(err));

        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertEquals(3, report.get("scenarios").size());
        assertEquals(1500, report.at("/scenarios/0/acts").size());
        assertEquals("PASSED", report.at("/scenarios/1/status").asText(), "the small file between keeps its result");
        assertEquals(1500, report.at("/scenarios/2/acts").size());
        assertEquals(3, report.at("/summary/scenarios").asInt());
        assertEquals(1, report.at("/summary/passed").asInt());
    }
}
