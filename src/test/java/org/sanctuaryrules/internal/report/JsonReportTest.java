package org.sanctuaryrules.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sanctuaryrules.engine.Problem;

class JsonReportTest {
    private final String json = new JsonReport().render(Runs.sample());

    @Test
    void hasTheDocumentedShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);

        assertEquals("test rules", root.at("/rule_set/origin").asText());
        assertEquals("abc123", root.at("/rule_set/version").asText());

        JsonNode passing = root.at("/scenarios/0");
        // policy: the department-policy outcome, kept apart from the verdict (issue 9, §2.16)
        assertEquals(List.of("id", "title", "file", "verdict", "status", "expected", "mismatches", "problems", "acts",
                "policy"), fieldNames(passing));
        assertEquals("NOT_ADDRESSED", passing.get("policy").asText());
        assertEquals("passing", passing.get("id").asText());
        assertEquals("Title of passing", passing.get("title").asText());
        assertEquals("scenarios/passing.yaml", passing.get("file").asText());
        assertEquals("VIOLATION", passing.get("verdict").asText());
        assertEquals("PASSED", passing.get("status").asText());
        assertEquals("VIOLATION", passing.at("/expected/verdict").asText());

        JsonNode act = passing.at("/acts/0");
        assertEquals(List.of("id", "agency", "kind", "date", "verdict", "missing_facts", "not_in_force", "findings",
                "policy", "policy_missing_facts"), fieldNames(act));
        assertEquals("2024-02-01", act.get("date").asText());
        assertEquals("P-OLD", act.at("/not_in_force/0").asText());
        JsonNode finding = act.at("/findings/0");
        assertEquals(List.of("rule", "provision", "citation", "effect", "explanation", "notes", "decisive", "lifts",
                "missing_fact", "binding"), fieldNames(finding));
        assertEquals("PROHIBITS", finding.get("effect").asText());
        assertEquals("LAW", finding.get("binding").asText());
        assertTrue(finding.get("decisive").asBoolean());
        assertTrue(finding.get("lifts").isNull());

        JsonNode failing = root.at("/scenarios/1");
        assertEquals("act hold: expected COMPLIANT, got VIOLATION", failing.at("/mismatches/0").asText());
        assertEquals("COMPLIANT", failing.at("/expected/acts/hold").asText());

        JsonNode error = root.at("/scenarios/2");
        assertEquals("ERROR", error.get("status").asText());
        assertTrue(error.get("id").isNull());
        JsonNode problem = error.at("/problems/0");
        assertEquals("scenarios/bad.yaml", problem.get("file").asText());
        assertEquals(4, problem.get("line").asInt());
        assertEquals(13, problem.get("column").asInt());
        assertEquals("acts[0].agency", problem.get("field").asText());

        assertEquals("person.convictions", root.at("/scenarios/3/acts/0/missing_facts/0").asText());

        JsonNode summary = root.get("summary");
        assertEquals(4, summary.get("scenarios").asInt());
        assertEquals(1, summary.get("passed").asInt());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(1, summary.get("errors").asInt());
        assertEquals(1, summary.get("no_expectation").asInt());
        assertEquals(2, summary.at("/verdicts/VIOLATION").asInt());
        assertEquals(1, summary.at("/verdicts/INDETERMINATE").asInt());
        assertEquals(0, summary.at("/verdicts/COMPLIANT").asInt());
    }

    @Test
    void aBreachOfDepartmentPolicyIsItsOwnKey() throws Exception {
        JsonNode root = new ObjectMapper().readTree(new JsonReport().render(Runs.policyBreach()));
        assertEquals("COMPLIANT", root.at("/scenarios/0/verdict").asText());
        assertEquals("BREACH", root.at("/scenarios/0/policy").asText());
        assertEquals("BREACH", root.at("/scenarios/0/acts/0/policy").asText());
        assertEquals("DEPARTMENT_POLICY", root.at("/scenarios/0/acts/0/findings/0/binding").asText());
    }

    @Test
    void ruleSetFailureCarriesTheProblems() throws Exception {
        String text = new JsonReport().renderRuleSetFailure("rules", List.of(
                Problem.error("rules/a.drl", 3, 1, "", "mismatched input")));
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals("rules/a.drl", root.at("/problems/0/file").asText());
        assertEquals(3, root.at("/problems/0/line").asInt());
        assertTrue(root.at("/rule_set/version").isNull());
    }

    @Test
    void neverWritesFreeTextDescriptions() {
        assertFalse(json.contains(Runs.SECRET));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
