package org.sanctuaryrules.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Assessment;
import org.sanctuaryrules.engine.Verdict;

/** Compares what the rules concluded with what a scenario expects. */
final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /**
     * One line per difference: {@code scenario: expected …, got …}, {@code act hold: expected …, got …},
     * {@code provision X not cited}. Provisions in {@code uncheckable} (not in the register) are left out.
     */
    static List<String> mismatches(Expectation expected, Assessment actual, Set<String> uncheckable) {
        List<String> mismatches = new ArrayList<>();
        if (expected.verdict() != null && expected.verdict() != actual.verdict()) {
            mismatches.add("scenario: expected " + expected.verdict() + ", got " + actual.verdict());
        }
        for (Map.Entry<String, Verdict> e : expected.acts().entrySet()) {
            Verdict got = actual.acts().stream().filter(a -> a.actId().equals(e.getKey()))
                    .map(ActAssessment::verdict).findFirst().orElse(null);
            if (got != e.getValue()) {
                mismatches.add("act " + e.getKey() + ": expected " + e.getValue() + ", got "
                        + (got == null ? "no assessment" : got));
            }
        }
        if (expected.policy() != null && expected.policy() != actual.policy()) {
            mismatches.add("department policy: expected " + expected.policy() + ", got " + actual.policy());
        }
        Set<String> cited = new LinkedHashSet<>();
        actual.acts().forEach(a -> cited.addAll(a.citedProvisions()));
        for (String provision : expected.cites()) {
            if (!uncheckable.contains(provision) && !cited.contains(provision)) {
                mismatches.add("provision " + provision + " not cited");
            }
        }
        return mismatches;
    }
}
