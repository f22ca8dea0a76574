package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The text, JUnit and HTML reports of {@code run} are written as the results come, as the JSON one is
 * ({@link RunJsonStreamTest}): before, each was rendered from the whole run kept in memory, and six 1,500-act files
 * ran out of memory in a 64 MB heap. A separate JVM with that heap must now write every report whole. (The HTML page
 * streams the same way, but settles every act that is not compliant, which for 9,000 violations takes too long for a
 * unit test.)
 */
class RunReportsStreamTest {
    private static final int FILES = 6;
    private static final int ACTS = 1500;

    @TempDir
    Path dir;

    @Test
    void theJunitReportOfABigRunIsWrittenInASmallHeap() throws Exception {
        Run run = run("--format", "junit", bigRun().toString());

        Document junit = parse(run.out());
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(FILES + 1), suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(FILES + 1, junit.getElementsByTagName("testcase").getLength());
    }

    @Test
    void theTextReportOfABigRunIsWrittenInASmallHeap() throws Exception {
        Run run = run(bigRun().toString());
        List<String> lines = Files.readAllLines(run.out());
        assertEquals(FILES + 1 + " passed, 0 failed, 0 errors, 0 without expectation", lines.get(lines.size() - 1));
        assertEquals(FILES + 1, lines.stream().filter(l -> l.startsWith("PASS ")).count());
        assertEquals(FILES * ACTS, lines.stream().filter(l -> l.matches(" {4}a\\d+ {2}VIOLATION.*")).count(),
                "every act's line");
    }

    private record Run(Path out, Path err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("run.out");
        Path err = dir.resolve("run.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run finishes");
        assertEquals(0, p.exitValue(), Files.readString(err));
        return new Run(out, err);
    }

    /** Six files of 1,500 NYPD holds for ICE (violations) that each pass, and a shipped scenario among them. */
    private Path bigRun() throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder("""
                    id: big-%d
                    title: many acts
                    source: hypothetical
                    date: 2024-02-01
                    person:
                      roles: [%s]
                      convictions: []
                      terrorist_screening_match: false
                    request:
                      from: ice_ero
                      instruments: [detainer, administrative_warrant]
                      stated_purpose: civil_immigration_enforcement
                    acts:
                    """.formatted(f, "arrestee"));
            for (int i = 0; i < ACTS; i++) {
                text.append("  - {id: a").append(i).append(", agency: nypd, kind: hold_past_release}\n");
            }
            text.append("expect:\n  verdict: violation\n");
            Files.writeString(scenarios.resolve("big-" + f + ".yaml"), text.toString());
        }
        Files.copy(Path.of("scenarios/seed-3-times-square-administrative-warrants.yaml"), scenarios.resolve("seed.yaml"));
        return scenarios;
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
