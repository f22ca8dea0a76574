package org.sanctuaryrules.internal.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Binding;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.Scenario;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioResult.Status;

/** A hand-made run with one scenario of each status, so report tests need no rule engine. */
final class Runs {
    static final String PROHIBITION = "NYPD must not hold past release";
    static final String LIFT = "Unless a judicial warrant";
    static final String SECRET = "SECRET-DESCRIPTION";

    static final Map<String, RuleInfo> RULES = Map.of(
            PROHIBITION, new RuleInfo(PROHIBITION, "rules/nypd.drl", 12, "P-1", null, List.of()),
            LIFT, new RuleInfo(LIFT, "rules/nypd.drl", 30, "P-2", PROHIBITION, List.of()));

    private Runs() {
    }

    static RunReport sample() {
        Scenario passing = scenario("passing", "verdict: violation");
        Scenario failing = scenario("failing", "acts: { hold: compliant }");
        Scenario open = scenario("open", null);
        Problem loadError = Problem.error("scenarios/bad.yaml", 4, 13, "acts[0].agency", "is not one of the allowed values");
        return new RunReport(List.of(
                new ScenarioResult(passing, passing.file(), violation("passing"), Status.PASSED, List.of(), List.of()),
                new ScenarioResult(failing, failing.file(), violation("failing"), Status.FAILED,
                        List.of("act hold: expected COMPLIANT, got VIOLATION"), List.of()),
                ScenarioResult.error(null, Path.of("scenarios/bad.yaml"), List.of(loadError)),
                new ScenarioResult(open, open.file(), indeterminate("open"), Status.NO_EXPECTATION, List.of(),
                        List.of())),
                "test rules", "abc123");
    }

    /** One scenario whose act complies with the law but breaches a department order (issue 9, §2.16). */
    static RunReport policyBreach() {
        Scenario s = scenario("breach", "verdict: compliant");
        Finding order = new Finding("Members must not hold for civil immigration enforcement", "ORDER-1",
                "Department Order 1", Effect.PROHIBITS, "held for ICE, against the order", List.of(), true, null, null,
                Binding.DEPARTMENT_POLICY);
        Assessment a = new Assessment("breach", Verdict.COMPLIANT, List.of(new ActAssessment("hold", Agency.NYPD,
                ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1), Verdict.COMPLIANT, List.of(order), List.of(),
                List.of(), PolicyOutcome.BREACH, List.of())), "abc123");
        return new RunReport(List.of(new ScenarioResult(s, s.file(), a, Status.PASSED, List.of(), List.of())),
                "test rules", "abc123");
    }

    private static Scenario scenario(String id, String expect) {
        String yaml = """
                id: %s
                title: Title of %s
                source: hypothetical
                date: 2024-02-01
                person:
                  convictions:
                    - { offense: "160.15", description: %s }
                acts:
                  - { id: hold, agency: nypd, kind: hold_past_release, description: %s }
                """.formatted(id, id, SECRET, SECRET) + (expect == null ? "" : "expect:\n  " + expect + "\n");
        LoadResult loaded = new ScenarioLoader().parse("scenarios/" + id + ".yaml", yaml);
        if (!loaded.ok()) {
            throw new AssertionError(loaded.problems());
        }
        return loaded.scenario();
    }

    private static Assessment violation(String caseId) {
        Finding prohibits = new Finding(PROHIBITION, "P-1", "Admin. Code § 14-154(b)", Effect.PROHIBITS,
                "NYPD held the person past release", List.of("Unverified: read narrowly"), true, null, null);
        Finding note = new Finding("A note rule", "P-3", "Cite 3", Effect.NOTE, "a side remark", List.of(), false,
                null, null);
        return new Assessment(caseId, Verdict.VIOLATION, List.of(new ActAssessment("hold", Agency.NYPD,
                ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1), Verdict.VIOLATION, List.of(prohibits, note),
                List.of(), List.of("P-OLD"))), "abc123");
    }

    private static Assessment indeterminate(String caseId) {
        Finding needs = new Finding("Needs the convictions", "P-1", "Admin. Code § 14-154(b)", Effect.NEEDS_FACT,
                "whether the person has a qualifying conviction", List.of(), true, PROHIBITION, "person.convictions");
        return new Assessment(caseId, Verdict.INDETERMINATE, List.of(new ActAssessment("hold", Agency.NYPD,
                ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1), Verdict.INDETERMINATE, List.of(needs),
                List.of("person.convictions"), List.of())), "abc123");
    }
}
