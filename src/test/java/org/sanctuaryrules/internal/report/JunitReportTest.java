package org.sanctuaryrules.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.scenario.RunReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
    private final String xml = new JunitReport().render(Pages.sampleWithMarkup());

    @Test
    void isWellFormedWithOneTestcasePerScenario() throws Exception {
        Document doc = Pages.parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(5, cases.getLength());
        assertEquals("passing", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("scenarios", ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals(0, cases.item(0).getChildNodes().getLength() - countSystemOut(cases.item(0)),
                "a passing testcase has no failure, error or skipped child");
    }

    @Test
    void aFailedExpectationIsAFailureWithExpectedAndActual() throws Exception {
        Element failure = (Element) Pages.parse(xml).getElementsByTagName("failure").item(0);
        assertEquals("act hold: expected COMPLIANT, got VIOLATION", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("actual: hold VIOLATION"), failure.getTextContent());
        assertEquals("failing", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    @Test
    void aLoadErrorIsAnErrorAndMarkupIsEscaped() throws Exception {
        Document doc = Pages.parse(xml);
        NodeList errors = doc.getElementsByTagName("error");
        assertEquals(2, errors.getLength());
        Element markup = (Element) errors.item(1);
        assertEquals(Pages.HOSTILE_PROBLEM, markup.getAttribute("message"), "round-trips through escaping");
        assertEquals("acts[0].agency: is not one of the allowed values", ((Element) errors.item(0)).getAttribute("message"));
        assertFalse(xml.contains("expected </testcase>"), "raw markup never reaches the file");
    }

    @Test
    void theDayOfAnAsOfRunIsAProperty() throws Exception {
        RunReport sample = Runs.sample();
        String asOf = new JunitReport().render(new RunReport(sample.results(), sample.ruleSetOrigin(),
                sample.ruleSetVersion(), LocalDate.of(2013, 6, 1)));
        assertTrue(asOf.contains("<property name=\"judged.as.of\" value=\"2013-06-01\"/>"), asOf);
    }

    private static int countSystemOut(org.w3c.dom.Node testcase) {
        NodeList children = testcase.getChildNodes();
        int n = 0;
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeName().equals("system-out")) {
                n++;
            }
        }
        return n;
    }
}
