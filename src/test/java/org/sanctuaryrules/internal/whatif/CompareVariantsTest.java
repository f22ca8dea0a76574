package org.sanctuaryrules.internal.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.Effect;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioRunner;

/** The shipped rules against each worked variant, on the shipped scenarios: exactly the changes the READMEs list. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one instance, so engines and the baseline run are built once
class CompareVariantsTest {
    private static final List<Path> SHIPPED_SCENARIOS = List.of(Path.of("scenarios"));

    private final Map<String, SanctuaryEngine> variants = new java.util.HashMap<>();
    private final Map<List<Path>, RunReport> baselineRuns = new java.util.HashMap<>();

    @Test
    void int395EndsThe48HourHoldAndChangesExactlyTheHoldScenarios() throws Exception {
        Comparison c = compare("rules-variants/int-395-2024", SHIPPED_SCENARIOS);

        // Issue 9 §2.5 added hold scenarios (terrorist-database result, subdivision, a judicial warrant with an old
        // conviction, the state-law limit); each rests on the 48-hour hold, so each changes.
        // The NYPD Operations Order hold scenarios rest on the 48-hour hold too (their decisive citations change).
        assertEquals(Map.ofEntries(
                Map.entry("detainers-nypd-48-hour-hold-reentrant/hold", "COMPLIANT -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-length-unknown/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-records-unknown/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-reentry-unknown/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-terrorist-match-unknown/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-subdivision-unknown/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-judicial-warrant-old-conviction/hold", "INDETERMINATE -> VIOLATION"),
                Map.entry("detainers-nypd-48-hour-hold-state-law/hold", "VIOLATION -> VIOLATION"),
                Map.entry("detainers-nypd-no-records-search/hold", "INDETERMINATE -> INDETERMINATE"),
                Map.entry("detainers-nypd-terrorist-database-match/hold", "COMPLIANT -> COMPLIANT"),
                Map.entry("nypd-oo4-48-hour-hold-lawful-but-breach/hold", "VIOLATION -> VIOLATION"),
                Map.entry("nypd-oo4-before-order/hold", "VIOLATION -> VIOLATION")), changes(c));
        ActChange reentrant = find(c, "detainers-nypd-48-hour-hold-reentrant");
        assertEquals(java.util.Set.of("AC-10-178-e", "AC-14-154-b2"), reentrant.citesBefore());
        assertEquals(java.util.Set.of("AC-10-178-c", "AC-14-154-b1"), reentrant.citesAfter());
        assertTrue(reentrant.after().findings().stream().anyMatch(f -> f.effect() == Effect.NOTE
                        && "INT-395-2024".equals(f.provision()) && f.explanation().contains("repealed")),
                "the variant says why the hold no longer lifts the prohibition");
        assertEquals(0, c.notCompared().size());
        assertEquals(c.compared().size() - 12, c.compared().stream().filter(a -> !a.changed()).count());
    }

    @Test
    void administrativeWarrantsChangeNoShippedVerdictBecauseTheSecondProngStillFails() throws Exception {
        Comparison c = compare("rules-variants/administrative-warrants", SHIPPED_SCENARIOS);

        assertEquals(Map.of(), changes(c), "no shipped scenario has an I-200 and a qualifying conviction");
        // Yet the variant does act on seed 3: the I-200 now establishes the judicial-warrant term.
        ActChange seed3 = c.compared().stream()
                .filter(a -> a.scenarioId().equals("seed-3-times-square-doc-custody")).findFirst().orElseThrow();
        assertEquals("VIOLATION", seed3.verdictAfter().name());
        assertTrue(seed3.after().findings().stream().anyMatch(f -> "WHATIF-ADMIN-WARRANT".equals(f.provision())));
        assertTrue(seed3.before().findings().stream().noneMatch(f -> "WHATIF-ADMIN-WARRANT".equals(f.provision())));
    }

    @Test
    void administrativeWarrantsFlipSeed3WhenTheManHasAQualifyingConviction() throws Exception {
        Comparison c = compare("rules-variants/administrative-warrants",
                List.of(Path.of("rules-variants/administrative-warrants/scenarios")));

        // The release notice flips; the hold does not, as Wells v. DeMarco (state law, issue 9) gives no authority to
        // hold on an administrative warrant whatever the city's detainer test accepts — only its citations change.
        assertEquals(Map.of("whatif-admin-warrant-seed-3-doc-custody-with-conviction/notify", "VIOLATION -> COMPLIANT",
                "whatif-admin-warrant-seed-3-doc-custody-with-conviction/hold", "VIOLATION -> VIOLATION"), changes(c));
    }

    private Comparison compare(String variantDir, List<Path> scenarios) throws Exception {
        SanctuaryEngine variant = variants.get(variantDir);
        if (variant == null) {
            variant = SanctuaryEngine.fromDirectory(Path.of(variantDir));
            variants.put(variantDir, variant);
        }
        RunReport before = baselineRuns.computeIfAbsent(scenarios,
                paths -> new ScenarioRunner(ShippedEngine.get()).runAll(paths));
        RunReport after = new ScenarioRunner(variant).runAll(scenarios);
        return RunComparison.compare(before, after, null);
    }

    private static Map<String, String> changes(Comparison c) {
        Map<String, String> changes = new TreeMap<>();
        c.changes().forEach(a -> changes.put(a.scenarioId() + "/" + a.actId(), a.verdictBefore() + " -> "
                + a.verdictAfter()));
        return changes;
    }

    private static ActChange find(Comparison c, String scenarioId) {
        return c.changes().stream().filter(a -> a.scenarioId().equals(scenarioId)).findFirst().orElseThrow();
    }
}
