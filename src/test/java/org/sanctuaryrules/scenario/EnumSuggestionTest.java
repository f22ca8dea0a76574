package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.engine.Problem;

/** A misspelt value of a scenario field is answered with the value it was likely meant to be, as docs/workbench.md says. */
class EnumSuggestionTest {
    @Test
    void misspeltValuesGetADidYouMean() {
        LoadResult loaded = new ScenarioLoader().parse("typos.yaml", """
                id: typos
                title: t
                source: s
                date: 2024-02-01
                acts:
                  - { id: hold, agency: docc, kind: hold_past_release }
                expect: { verdict: violaton }
                """);
        List<String> messages = loaded.problems().stream().map(Problem::toString).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("acts[0].agency: is not one of the allowed values "
                + "(did you mean 'doc'?); use one of: nypd, doc,") && !m.contains("docc")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("expect.verdict: is not one of the allowed values "
                + "(did you mean 'violation'?); use one of: ")), messages.toString());
    }

    @Test
    void aValueFarFromEveryAllowedOneGetsOnlyTheList() {
        LoadResult loaded = new ScenarioLoader().parse("far.yaml", """
                id: far
                title: t
                source: s
                date: 2024-02-01
                acts:
                  - { id: hold, agency: police, kind: hold_past_release }
                """);
        assertTrue(loaded.problems().stream().map(Problem::toString).anyMatch(m ->
                m.contains("is not one of the allowed values; use one of: ") && !m.contains("police")), loaded.problems().toString());
    }
}
