package org.sanctuaryrules.report;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * A run as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub actions) read: one {@code testsuite} for the
 * run, one {@code testcase} per scenario file ({@code classname} = its directory, so CI groups by folder), a
 * {@code failure} for a verdict other than the expected one, an {@code error} for a file that could not be run, and
 * {@code skipped} for a scenario that expects nothing; each {@code testcase} has the {@code time} judging it took,
 * in seconds. Written with StAX so every text is escaped.
 */
public final class JunitReport {
    private static final String SUITE = "sanctuary-rules scenarios";

    /** What a write into the document does; StAX declares a checked exception for each. */
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    public String render(RunReport report) {
        return document(xml -> {
            RunSummary s = report.summary();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", String.valueOf(s.scenarios()));
            xml.writeAttribute("failures", String.valueOf(s.failed()));
            xml.writeAttribute("errors", String.valueOf(s.errors()));
            xml.writeAttribute("skipped", String.valueOf(s.noExpectation()));
            xml.writeAttribute("time", seconds(report.results().stream().map(ScenarioResult::elapsed)
                    .reduce(Duration.ZERO, Duration::plus)));
            xml.writeCharacters("\n");
            properties(xml, report);
            for (ScenarioResult r : report.results()) {
                testcase(xml, r);
            }
            xml.writeEndElement();
        });
    }

    /**
     * The report of a run whose rules did not compile: one test case, in error, with every problem, so that a CI server
     * publishes the failure rather than an empty file.
     */
    public String renderRuleSetFailure(String origin, List<Problem> problems) {
        return document(xml -> {
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", "1");
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", "1");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n");
            xml.writeStartElement("properties");
            property(xml, "rules", origin);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "rules");
            xml.writeAttribute("name", "the rules compile");
            xml.writeAttribute("time", "0");
            xml.writeStartElement("error");
            xml.writeAttribute("type", "RuleSetError");
            xml.writeAttribute("message", "the rules (" + origin + ") do not compile: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "; no scenario was judged");
            xml.writeCharacters(String.join("\n", problems.stream().map(Object::toString).toList()));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
        });
    }

    private static String document(Body suite) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            suite.write(xml);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Seconds with millisecond precision, as JUnit's own reports write them. */
    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).toPlainString();
    }

    private static void properties(XMLStreamWriter xml, RunReport report) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "rules", report.ruleSetOrigin());
        property(xml, "rules.version", report.ruleSetVersion());
        if (report.asOf() != null) {
            property(xml, "judged.as.of", report.asOf().toString());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    private static void testcase(XMLStreamWriter xml, ScenarioResult r) throws XMLStreamException {
        Path parent = r.file().getParent();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", parent == null ? "." : parent.toString());
        xml.writeAttribute("name", r.name());
        xml.writeAttribute("file", r.file().toString());
        xml.writeAttribute("time", seconds(r.elapsed()));
        switch (r.status()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", "VerdictMismatch");
                xml.writeAttribute("message", String.join("; ", r.mismatches()));
                xml.writeCharacters(failureDetail(r));
                xml.writeEndElement();
            }
            case ERROR -> {
                xml.writeStartElement("error");
                xml.writeAttribute("type", "ScenarioError");
                xml.writeAttribute("message", r.problems().isEmpty() ? "could not be run" : firstProblem(r));
                xml.writeCharacters(String.join("\n", r.problems().stream().map(Object::toString).toList()));
                xml.writeEndElement();
            }
            case NO_EXPECTATION -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "the scenario expects nothing; verdict " + r.assessment().verdict());
            }
            case PASSED -> {
                // a passing testcase has no child
            }
        }
        if (r.assessment() != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(verdicts(r.assessment().acts()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** {@code acts: expected a list …}: the field, so the one-line message stands on its own. */
    private static String firstProblem(ScenarioResult r) {
        var p = r.problems().get(0);
        return (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()
                + (r.problems().size() > 1 ? " (and " + (r.problems().size() - 1) + " more)" : "");
    }

    /** Expected against actual, one mismatch a line, then what each act got and why. */
    private static String failureDetail(ScenarioResult r) {
        StringBuilder text = new StringBuilder();
        r.mismatches().forEach(m -> text.append(m).append('\n'));
        text.append("actual: ").append(verdicts(r.assessment().acts()));
        return text.toString();
    }

    private static String verdicts(List<ActAssessment> acts) {
        StringBuilder text = new StringBuilder();
        for (ActAssessment a : acts) {
            text.append(a.actId()).append(' ').append(a.verdict()).append('\n');
            a.decisiveFindings().forEach(f -> text.append("  ").append(f.provision()).append(": ")
                    .append(f.explanation()).append('\n'));
        }
        return text.toString();
    }
}
