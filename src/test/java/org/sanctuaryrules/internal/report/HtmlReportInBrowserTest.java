package org.sanctuaryrules.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML page in headless Chromium and reads back the DOM after the script ran, with a filter set through
 * the URL fragment. Skipped where Chromium is not installed (fresh CI machines): {@code apt-get install chromium}.
 */
class HtmlReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern SHOWN = Pattern.compile("<span id=\"shown-count\">([^<]*)</span>");

    @TempDir
    Path dir;

    @Test
    void theScriptCountsAndFiltersScenarios() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Path page = Files.writeString(dir.resolve("report.html"), new HtmlReport().render(Pages.sampleWithMarkup()));

        String all = dumpDom(page.toUri() + "");
        assertEquals("5 of 5 scenarios shown", shown(all), "the script ran");

        String violations = dumpDom(page.toUri() + "#verdict=VIOLATION");
        assertEquals("2 of 5 scenarios shown", shown(violations));
        assertTrue(violations.contains("id=\"scenario-open\" data-verdict=\"INDETERMINATE\" data-status=\"NO_EXPECTATION\" data-provisions=\"P-1\" hidden=\"\""),
                "an indeterminate scenario is hidden");

        String byProvision = dumpDom(page.toUri() + "#provision=P-3");
        assertEquals("2 of 5 scenarios shown", shown(byProvision));
    }

    private String dumpDom(String url) throws Exception {
        Path out = Files.createTempFile(dir, "dom", ".html");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", url))
                .redirectOutput(out.toFile()).redirectError(new File("/dev/null")).start();
        // A guard against a hung browser, not a timing assertion.
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String shown(String dom) {
        Matcher m = SHOWN.matcher(dom);
        assertTrue(m.find(), "no shown-count in the page");
        return m.group(1);
    }
}
