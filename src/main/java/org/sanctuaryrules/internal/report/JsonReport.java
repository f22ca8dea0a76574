package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Binding;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.scenario.Expectation;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.RunSummary;
import org.sanctuaryrules.scenario.ScenarioResult;

/**
 * A run as JSON, for scripts and CI. Keys are snake case; every key is always present ({@code null} when there is
 * no value) so consumers can rely on the shape. Free-text descriptions of people and convictions are never written.
 */
public final class JsonReport {
    private final JsonWriter json = new JsonWriter();

    public String render(RunReport report) {
        return RunWriter.render(report, this::start);
    }

    /**
     * Starts the same document as {@link #render} on {@code out}, to be given the scenarios one at a time: each is
     * written when added and not kept, so a run of big files needs memory for one result, not for the report (a run
     * of three 4,500-act files makes 70 MB of JSON).
     */
    public Streamed start(Writer out, String ruleSetOrigin, String ruleSetVersion, LocalDate asOf) throws IOException {
        return new Streamed(out, ruleSetOrigin, ruleSetVersion, asOf);
    }

    /** A run report being written: {@link #add} each scenario in order, then {@link #finish}. */
    public final class Streamed implements RunWriter {
        private final Writer out;
        private final JsonGenerator generator;

        private Streamed(Writer out, String origin, String version, LocalDate asOf) throws IOException {
            this.out = out;
            this.generator = json.stream(out);
            generator.writeStartObject();
            JsonHeader.write(generator, origin, version);
            generator.writeFieldName("as_of");
            json.value(generator, asOf);
            generator.writeFieldName("scenarios");
            generator.writeStartArray();
        }

        @Override
        public void add(ScenarioResult result) throws IOException {
            json.value(generator, scenario(result));
        }

        @Override
        public void finish(RunSummary summary) throws IOException {
            generator.writeEndArray();
            generator.writeFieldName("summary");
            json.value(generator, summary(summary));
            generator.writeEndObject();
            generator.close();
            out.write("\n");
            out.flush();
        }
    }

    /**
     * The document of any command whose rules did not compile: the header (the rule set's {@code version} null) and
     * the rule set's {@code problems}; nothing judged.
     */
    public String renderRuleSetFailure(String origin, List<Problem> problems) {
        return json.document(origin, null, new FailureJson(problems.stream().map(JsonReport::problem).toList()));
    }

    private static ScenarioJson scenario(ScenarioResult r) {
        var s = r.scenario();
        var a = r.assessment();
        return new ScenarioJson(s == null ? null : s.id(), s == null ? null : s.title(), r.file().toString(),
                a == null ? null : a.verdict(), r.status(), s == null ? null : expected(s.expectation()),
                r.mismatches(), r.problems().stream().map(JsonReport::problem).toList(),
                a == null ? List.of() : a.acts().stream().map(JsonReport::act).toList(), a == null ? null : a.policy());
    }

    private static ExpectedJson expected(Expectation e) {
        return e == null ? null : new ExpectedJson(e.verdict(), e.acts(), e.cites(), e.policy());
    }

    private static ActJson act(ActAssessment a) {
        return new ActJson(a.actId(), a.agency(), a.kind(), a.date(), a.verdict(), a.missingFacts(), a.notInForce(),
                a.findings().stream().map(JsonReport::finding).toList(), a.policy(), a.policyMissingFacts());
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule(), f.provision(), f.citation(), f.effect(), f.explanation(), f.notes(),
                f.decisive(), f.lifts(), f.missingFact(), f.binding());
    }

    private static ProblemJson problem(Problem p) {
        return new ProblemJson(p.severity().name().toLowerCase(), p.file(), p.line(), p.column(), p.field(),
                p.message());
    }

    private static SummaryJson summary(RunSummary s) {
        return new SummaryJson(s.scenarios(), s.passed(), s.failed(), s.errors(), s.noExpectation(), s.verdicts());
    }

    // The JSON shape; component names become snake-case keys.

    /** @param problems why the rules did not compile */
    private record FailureJson(List<ProblemJson> problems) {
    }

    private record ScenarioJson(String id, String title, String file, Verdict verdict, ScenarioResult.Status status,
                                ExpectedJson expected, List<String> mismatches, List<ProblemJson> problems,
                                List<ActJson> acts, PolicyOutcome policy) {
    }

    private record ExpectedJson(Verdict verdict, Map<String, Verdict> acts, List<String> cites, PolicyOutcome policy) {
    }

    /** @param policy the department-policy outcome, apart from the legal verdict (NOT_ADDRESSED when none speaks) */
    private record ActJson(String id, Agency agency, ActKind kind, LocalDate date, Verdict verdict,
                           List<String> missingFacts, List<String> notInForce, List<FindingJson> findings,
                           PolicyOutcome policy, List<String> policyMissingFacts) {
    }

    /** @param binding LAW, or DEPARTMENT_POLICY for a department order's finding (which never decides the verdict) */
    private record FindingJson(String rule, String provision, String citation, Effect effect, String explanation,
                               List<String> notes, boolean decisive, String lifts, String missingFact,
                               Binding binding) {
    }

    private record ProblemJson(String severity, String file, int line, int column, String field, String message) {
    }

    private record SummaryJson(int scenarios, int passed, int failed, int errors, int noExpectation,
                               Map<Verdict, Integer> verdicts) {
    }
}
