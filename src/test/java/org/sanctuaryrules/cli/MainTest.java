package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MainTest {
    private static final String RULES = "src/test/resources/test-rules";

    @TempDir
    Path dir;

    /** What one invocation printed and returned. */
    private record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void allPassingExitsZero() throws IOException {
        Path file = scenario("pass.yaml", "pass", "violation");
        Outcome o = run("run", "--rules", RULES, file.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("PASS  pass  VIOLATION"), o.out());
        assertTrue(o.out().endsWith("1 passed, 0 failed, 0 errors, 0 without expectation\n"), o.out());
        assertEquals("", o.err());
    }

    @Test
    void aFailureExitsOne() throws IOException {
        scenario("pass.yaml", "pass", "violation");
        scenario("fail.yaml", "fail", "compliant");
        Outcome o = run("run", "--rules", RULES, dir.toString());
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.out().contains("FAIL  fail"), o.out());
    }

    @Test
    void aBrokenScenarioExitsTwoAndIsReportedOnStandardError() throws IOException {
        scenario("pass.yaml", "pass", "violation");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "id: x\nacts: 5\n");
        Outcome o = run("run", "--rules", RULES, dir.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains(broken + ":2:7: error: acts: expected a list"), o.err());
        assertTrue(o.out().contains("PASS  pass"), "the other scenarios still run");
    }

    @Test
    void jsonFormatWritesTheReportAsJson() throws IOException {
        scenario("pass.yaml", "pass", "violation");
        Files.writeString(dir.resolve("broken.yaml"), "id: x\n");
        Outcome o = run("run", "--rules", RULES, "--format", "json", dir.toString());

        assertEquals(2, o.exitCode());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals(RULES, root.at("/rule_set/origin").asText());
        assertEquals("ERROR", root.at("/scenarios/0/status").asText());
        assertEquals("PASSED", root.at("/scenarios/1/status").asText());
        assertEquals("hold", root.at("/scenarios/1/acts/0/id").asText());
        assertEquals("TEST-1", root.at("/scenarios/1/acts/0/findings/0/provision").asText());
        assertEquals(1, root.at("/summary/passed").asInt());
        assertEquals(1, root.at("/summary/errors").asInt());
        assertEquals(1, root.at("/summary/verdicts/VIOLATION").asInt());
    }

    @Test
    void rulesThatDoNotCompileExitTwoWithEachProblem() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of(RULES, "provisions.yaml"), rules.resolve("provisions.yaml"));
        Files.copy(Path.of(RULES, "violent-or-serious-felonies.csv"), rules.resolve("violent-or-serious-felonies.csv"));
        Files.writeString(rules.resolve("broken.drl"), "package sanctuary;\nrule \"x\" when then end end\n");
        Path file = scenario("pass.yaml", "pass", "violation");

        Outcome o = run("run", "--rules", rules.toString(), file.toString());

        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("broken.drl"), o.err());
        assertTrue(o.err().contains(": error: "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void rulesThatDoNotCompileAreInTheJsonToo() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of(RULES, "violent-or-serious-felonies.csv"), rules.resolve("violent-or-serious-felonies.csv"));
        Files.copy(Path.of(RULES, "test.drl"), rules.resolve("test.drl"));
        Path file = scenario("pass.yaml", "pass", "violation");

        Outcome o = run("run", "--rules", rules.toString(), "--format", "json", file.toString());

        assertEquals(2, o.exitCode());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertTrue(root.at("/problems/0/message").asText().contains("provisions.yaml"), o.out());
        assertTrue(root.at("/rule_set/version").isNull());
    }

    @Test
    void rulesThatDoNotCompileAreATestSuiteWithAnErrorInJunit() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of(RULES, "provisions.yaml"), rules.resolve("provisions.yaml"));
        Files.copy(Path.of(RULES, "violent-or-serious-felonies.csv"), rules.resolve("violent-or-serious-felonies.csv"));
        Files.writeString(rules.resolve("broken.drl"), "package sanctuary;\nrule \"x\" when then end end\n");
        Path file = scenario("pass.yaml", "pass", "violation");

        Outcome o = run("run", "--rules", rules.toString(), "--format", "junit", file.toString());

        assertEquals(2, o.exitCode());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(o.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("1", suite.getAttribute("errors"), o.out());
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertTrue(error.getAttribute("message").contains("do not compile"), o.out());
        assertTrue(error.getTextContent().contains("broken.drl:2:"), "each problem with its place: " + o.out());
    }

    @Test
    void junitTestCasesCarryTheirTime() throws Exception {
        Path file = scenario("pass.yaml", "pass", "violation");
        Outcome o = run("run", "--rules", RULES, "--format", "junit", file.toString());
        assertEquals(0, o.exitCode(), o.err());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(o.out().getBytes(StandardCharsets.UTF_8)));
        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertTrue(testcase.getAttribute("time").matches("\\d+\\.\\d{3}"), o.out());
        assertTrue(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("time").matches("\\d+\\.\\d{3}"),
                o.out());
    }

    @Test
    void quietShowsOnlyFailuresAndTheSummary() throws IOException {
        scenario("pass.yaml", "pass", "violation");
        scenario("fail.yaml", "fail", "compliant");
        Outcome o = run("run", "--quiet", "--rules", RULES, dir.toString());
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("FAIL  fail  VIOLATION"), o.out());
        assertFalse(o.out().contains("PASS"), o.out());
        assertTrue(o.out().endsWith("1 passed, 1 failed, 0 errors, 0 without expectation\n"), o.out());

        Outcome json = run("run", "--quiet", "--format", "json", "--rules", RULES, dir.toString());
        assertEquals(2, json.exitCode());
        assertTrue(json.err().contains("--quiet shortens the text report"), json.err());
        assertEquals("", json.out());
    }

    @Test
    void aMissingRuleDirectoryExitsTwo() throws IOException {
        Path file = scenario("pass.yaml", "pass", "violation");
        Outcome o = run("run", "--rules", dir.resolve("nope").toString(), file.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("cannot read the rule directory"), o.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("run").exitCode(), "a path is required");
        assertEquals(2, run("run", "--format", "xml", "x.yaml").exitCode());
        assertEquals(2, run("frobnicate").exitCode());
        assertEquals(2, run().exitCode(), "no subcommand");
    }

    @Test
    void versionAndHelpExitZero() {
        Outcome version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("sanctuary-rules "), version.out());

        Outcome help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run"), help.out());

        Outcome runHelp = run("run", "--help");
        assertEquals(0, runHelp.exitCode());
        assertTrue(runHelp.out().contains("--rules"), runHelp.out());
    }

    @Test
    void neverPrintsAStackTrace() {
        Outcome o = run("run", "--rules", RULES, dir.resolve("missing.yaml").toString());
        assertEquals(2, o.exitCode());
        assertFalse(o.err().contains("\tat "), o.err());
        assertTrue(o.err().contains("no such file"), o.err());
    }

    private Path scenario(String name, String id, String expectedVerdict) throws IOException {
        return Files.writeString(dir.resolve(name), """
                id: %s
                title: NYPD holds a person past release
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                expect:
                  verdict: %s
                """.formatted(id, expectedVerdict));
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
