package org.sanctuaryrules.internal.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.w3c.dom.Document;

/** The sample run of {@link Runs} plus a scenario whose title and problem hold markup, and an XML parser. */
final class Pages {
    static final String HOSTILE_TITLE = "<script>alert('x')</script> & \"quoted\"";
    static final String HOSTILE_PROBLEM = "expected </testcase> & <b>";

    private Pages() {
    }

    static RunReport sampleWithMarkup() {
        RunReport sample = Runs.sample();
        LoadResult loaded = new ScenarioLoader().parse("scenarios/markup.yaml", """
                id: markup
                title: "%s"
                source: hypothetical
                date: 2024-02-01
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release }
                """.formatted(HOSTILE_TITLE.replace("\"", "\\\"")));
        if (!loaded.ok()) {
            throw new AssertionError(loaded.problems());
        }
        Scenario markup = loaded.scenario();
        List<ScenarioResult> results = new ArrayList<>(sample.results());
        results.add(ScenarioResult.error(markup, Path.of("scenarios/markup.yaml"),
                List.of(Problem.error("scenarios/markup.yaml", 1, 1, "", HOSTILE_PROBLEM))));
        return new RunReport(results, sample.ruleSetOrigin(), sample.ruleSetVersion());
    }

    /** Parses text as XML; throws if it is not well-formed. */
    static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
