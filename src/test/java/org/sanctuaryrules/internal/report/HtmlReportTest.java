package org.sanctuaryrules.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.scenario.RunReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private final RunReport run = Pages.sampleWithMarkup();
    private final String html = new HtmlReport().render(run);

    @Test
    void isWellFormedAndHasEveryScenario() throws Exception {
        Document doc = Pages.parse(html);
        List<String> ids = new ArrayList<>();
        sections(doc).forEach(s -> ids.add(s.getAttribute("id")));
        assertEquals(List.of("scenario-passing", "scenario-failing", "scenario-scenarios/bad.yaml", "scenario-open",
                "scenario-markup"), ids);
    }

    @Test
    void sectionsCarryWhatTheFiltersMatch() throws Exception {
        Element passing = sections(Pages.parse(html)).get(0);
        assertEquals("VIOLATION", passing.getAttribute("data-verdict"));
        assertEquals("P-1 P-3", passing.getAttribute("data-provisions"));
        assertTrue(passing.getTextContent().contains("NYPD held the person past release"), "the reason is shown");
        assertTrue(passing.getTextContent().contains("Admin. Code § 14-154(b) [P-1]"), "the citation is shown");
        assertTrue(passing.getTextContent().contains("NOTE Cite 3 [P-3]: a side remark"),
                "a provision the filter offers is visible even when it decided nothing");
    }

    @Test
    void hasAVerdictAndAProvisionFilter() throws Exception {
        Document doc = Pages.parse(html);
        assertEquals(List.of("", "COMPLIANT", "INDETERMINATE", "VIOLATION"), options(doc, "verdict-filter").stream()
                .sorted().toList());
        assertEquals(List.of("", "P-1", "P-3"), options(doc, "provision-filter"));
        assertTrue(html.contains("getElementById('verdict-filter')"), "the script reads the filter");
        assertEquals("", byId(doc, "shown-count").getTextContent(), "filled in by the script only");
    }

    @Test
    void escapesMarkupInTitlesAndProblems() throws Exception {
        assertFalse(html.contains("<script>alert"), "a title cannot open a script");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        Element markup = sections(Pages.parse(html)).get(4);
        assertTrue(markup.getTextContent().contains(Pages.HOSTILE_TITLE), "round-trips through escaping");
        assertTrue(markup.getTextContent().contains(Pages.HOSTILE_PROBLEM));
        assertEquals(1, Pages.parse(html).getElementsByTagName("script").getLength());
    }

    @Test
    void aBreachOfDepartmentPolicyIsShownApartFromTheVerdict() {
        String breach = new HtmlReport().render(Runs.policyBreach());
        assertTrue(breach.contains("data-verdict=\"COMPLIANT\""), breach);
        assertTrue(breach.contains("<b>department policy (not law):</b> <span class=\"policy BREACH\">BREACH</span>"),
                breach);
        assertTrue(breach.contains("held for ICE, against the order"), breach);
    }

    @Test
    void fetchesNothing() {
        assertFalse(html.contains("src="), "no external script or image");
        assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/1999/xhtml\""));
        assertFalse(html.contains("https://"));
        assertFalse(html.contains("<link"));
    }

    @Test
    void anAsOfRunShowsItsDayInABanner() throws Exception {
        RunReport sample = Runs.sample();
        String asOf = new HtmlReport().render(new RunReport(sample.results(), sample.ruleSetOrigin(),
                sample.ruleSetVersion(), java.time.LocalDate.of(2013, 6, 1)));
        assertTrue(byId(Pages.parse(asOf), "as-of").getTextContent().startsWith("judged as of 2013-06-01"));
        assertFalse(html.contains("id=\"as-of\""), "no banner for a run on each scenario's own date");
    }

    private static List<Element> sections(Document doc) {
        NodeList all = doc.getElementsByTagName("section");
        List<Element> sections = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            sections.add((Element) all.item(i));
        }
        return sections;
    }

    private static List<String> options(Document doc, String selectId) {
        NodeList options = byId(doc, selectId).getElementsByTagName("option");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            values.add(((Element) options.item(i)).getAttribute("value"));
        }
        return values;
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element #" + id);
    }
}
