package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.internal.text.PrintableText;
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
        return RunWriter.render(report, this::start);
    }

    /**
     * The same report as {@link #render}, written as the results come. The suite's counts come first in the XML but
     * are known only at the end, so each {@code testcase} is written at once to a temporary file (readable by its
     * owner only, deleted at {@link RunWriter#finish}) and copied to {@code out} after the counts: memory holds one
     * result, never the run.
     */
    public RunWriter start(Writer out, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf)
            throws IOException {
        return new Spilled(out, ruleSetOrigin, ruleSetVersion, asOf);
    }

    private static final class Spilled implements RunWriter {
        private final Writer out;
        private final String origin;
        private final String version;
        private final LocalDate asOf;
        private final Path spill;
        private final Writer spillText;
        private final XMLStreamWriter cases;
        private Duration time = Duration.ZERO;

        Spilled(Writer out, String origin, String version, LocalDate asOf) throws IOException {
            this.out = out;
            this.origin = origin;
            this.version = version;
            this.asOf = asOf;
            this.spill = Files.createTempFile("sanctuary-rules-junit", ".xml");
            this.spillText = Files.newBufferedWriter(spill, StandardCharsets.UTF_8);
            try {
                this.cases = XMLOutputFactory.newFactory().createXMLStreamWriter(spillText);
            } catch (XMLStreamException e) {
                close();
                throw new IOException("cannot write the JUnit report", e);
            }
        }

        @Override
        public void add(ScenarioResult r) throws IOException {
            time = time.plus(r.elapsed());
            try {
                testcase(cases, r);
            } catch (XMLStreamException e) {
                close();
                throw new IOException("cannot write the JUnit report", e);
            }
        }

        @Override
        public void finish(RunSummary s) throws IOException {
            try {
                cases.flush();
                spillText.flush();
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuites");
                xml.writeStartElement("testsuite");
                attribute(xml, "name", SUITE);
                attribute(xml, "tests", String.valueOf(s.scenarios()));
                attribute(xml, "failures", String.valueOf(s.failed()));
                attribute(xml, "errors", String.valueOf(s.errors()));
                attribute(xml, "skipped", String.valueOf(s.noExpectation()));
                attribute(xml, "time", seconds(time));
                xml.writeCharacters("\n");
                properties(xml, origin, version, asOf);
                xml.flush();
                try (Reader written = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
                    written.transferTo(out); // the test cases, already escaped XML, inside the open testsuite
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.flush();
                out.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the JUnit report", e);
            } finally {
                close();
            }
        }

        private void close() throws IOException {
            try {
                spillText.close();
            } finally {
                Files.deleteIfExists(spill);
            }
        }
    }

    /**
     * The report of a run whose rules did not compile: one test case, in error, with every problem, so that a CI server
     * publishes the failure rather than an empty file.
     */
    public String renderRuleSetFailure(String origin, List<Problem> problems) {
        return document(xml -> {
            xml.writeStartElement("testsuite");
            attribute(xml, "name", SUITE);
            attribute(xml, "tests", "1");
            attribute(xml, "failures", "0");
            attribute(xml, "errors", "1");
            attribute(xml, "skipped", "0");
            attribute(xml, "time", "0");
            xml.writeCharacters("\n");
            xml.writeStartElement("properties");
            property(xml, "rules", origin);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "rules");
            attribute(xml, "name", "the rules compile");
            attribute(xml, "time", "0");
            xml.writeStartElement("error");
            attribute(xml, "type", "RuleSetError");
            attribute(xml, "message", "the rules (" + origin + ") do not compile: " + problems.size()
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

    private static void properties(XMLStreamWriter xml, String origin, String version, LocalDate asOf)
            throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "rules", origin);
        property(xml, "rules.version", version);
        if (asOf != null) {
            property(xml, "judged.as.of", asOf.toString());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value == null ? "" : value);
    }

    private static void testcase(XMLStreamWriter xml, ScenarioResult r) throws XMLStreamException {
        Path parent = r.file().getParent();
        xml.writeStartElement("testcase");
        attribute(xml, "classname", parent == null ? "." : parent.toString());
        attribute(xml, "name", r.name());
        attribute(xml, "file", r.file().toString());
        attribute(xml, "time", seconds(r.elapsed()));
        switch (r.status()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                attribute(xml, "type", "VerdictMismatch");
                attribute(xml, "message", String.join("; ", r.mismatches()));
                xml.writeCharacters(failureDetail(r));
                xml.writeEndElement();
            }
            case ERROR -> {
                xml.writeStartElement("error");
                attribute(xml, "type", "ScenarioError");
                attribute(xml, "message", r.problems().isEmpty() ? "could not be run" : firstProblem(r));
                xml.writeCharacters(String.join("\n", r.problems().stream().map(Object::toString).toList()));
                xml.writeEndElement();
            }
            case NO_EXPECTATION -> {
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", "the scenario expects nothing; verdict " + r.assessment().verdict());
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

    /**
     * An attribute whose value may hold text from a rule, data or scenario file: on one line, with control
     * characters (which XML 1.0 cannot hold at all) shown as escapes.
     */
    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, PrintableText.oneLine(value));
    }

    private static String t(String text) {
        return PrintableText.oneLine(text);
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
        r.mismatches().forEach(m -> text.append(t(m)).append('\n'));
        text.append("actual: ").append(verdicts(r.assessment().acts()));
        return text.toString();
    }

    private static String verdicts(List<ActAssessment> acts) {
        StringBuilder text = new StringBuilder();
        for (ActAssessment a : acts) {
            text.append(t(a.actId())).append(' ').append(a.verdict()).append('\n');
            a.decisiveFindings().forEach(f -> text.append("  ").append(t(f.provision())).append(": ")
                    .append(t(f.explanation())).append('\n'));
        }
        return text.toString();
    }
}
