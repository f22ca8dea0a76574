package org.sanctuaryrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.cli.Main;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * The case page in real headless Chromium (Debian's chromium and chromium-driver), against a real server: fill the
 * form for a seed case, judge, answer a missing fact, download the case and run it through {@code run}, load a
 * scenario file. Skipped where the browser is not installed, except on CI ({@code CI=true}), where that fails.
 */
class CasePageInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private DecisionServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, "chromium and chromium-driver must be installed on CI (apt-get install chromium "
                    + "chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium or chromium-driver is not installed");
        server = new DecisionServer(ServiceOptions.defaults(0), DecisionServerTest::freshEngine);
        server.reload();
        server.start();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // A guard against a page that never answers, not a timing assertion.
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void judgesACaseFilledInTheFormAnswersAMissingFactAndDownloadsYamlThatRunAccepts() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        assertEquals(List.of(), unlabelledControls(), "every control has a label");

        // Seed: FBI agents let into a part of a city building the report does not describe (§ 4-210).
        setValue("f-date", "2022-09-01");
        choose("f-request-from", "fbi");
        choose("f-request-instruments-given", "yes");
        choose("f-request-stated_purpose", "criminal_investigation");
        choose("f-acts-0-agency", "other_city_agency");
        choose("f-acts-0-kind", "allow_access");
        choose("f-acts-0-place", "city_property");
        for (String fact : List.of("agreement", "required_by_law", "furthers_agency_mission",
                "exigent_circumstances")) {
            choose("f-acts-0-" + fact, "false");
        }
        browser.findElement(By.id("judge")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-verdict")));
        assertEquals("INDETERMINATE", verdict.getText());
        String result = browser.findElement(By.id("result")).getText();
        assertTrue(result.contains("4-210"), "the citation is shown: " + result);
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settle-act-1")));
        assertTrue(table.getText().contains("acts[].non_public_area = true"), "the settle table: " + table.getText());
        assertTrue(table.getText().contains("VIOLATION") && table.getText().contains("COMPLIANT"), table.getText());

        // Answer the missing fact in place: the area is closed to the public.
        WebElement answer = browser.findElement(By.cssSelector(".answer[data-fact='acts[].non_public_area'] select"));
        new Select(answer).selectByValue("true");
        // What the engine says of the seed with that fact given.
        String answered = DecisionServerTest.UNKNOWN.replace("    agreement: false",
                "    non_public_area: true\n    agreement: false");
        Verdict expected = ShippedEngine.get().assess(new ScenarioLoader().parse("answered.yaml", answered)
                .scenario().aCase()).verdict();
        assertTrue(expected != Verdict.INDETERMINATE, "the answer decides the case");
        wait.until(ExpectedConditions.textToBe(By.id("case-verdict"), expected.name()));

        // Download the case as scenario YAML and run it through the command line.
        browser.findElement(By.id("download")).click();
        String yaml = (String) ((JavascriptExecutor) browser).executeScript("return window.lastDownload;");
        Path file = Files.writeString(dir.resolve("from-the-page.yaml"), yaml, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--format", "json", file.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, code, err + "\n" + yaml);
        JsonNode run = Http.JSON.readTree(out.toString());
        assertEquals(expected.name(), run.path("scenarios").get(0).path("verdict").asText(), yaml);
    }

    @Test
    void loadsAScenarioFileIntoTheFormAndJudgesIt() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("file")).sendKeys(Path.of("scenarios/detainers-nypd-48-hour-hold-reentrant.yaml")
                .toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Loaded"));
        assertEquals("hold_past_release", new Select(browser.findElement(By.id("f-acts-0-kind")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals("30", browser.findElement(By.id("f-acts-0-hold_hours")).getAttribute("value"));
        browser.findElement(By.id("judge")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-verdict"), "COMPLIANT"));
        assertTrue(browser.findElement(By.id("result")).getText().contains("14-154"));
    }

    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    /** A date input takes typing in the browser's locale; its value is set as the page's own script would read it. */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("const e = document.getElementById(arguments[0]);"
                + "e.value = arguments[1]; e.dispatchEvent(new Event('change'));", id, value);
    }

    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input,select,textarea')]"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                        + ".map(e => e.id || e.outerHTML);");
    }
}
