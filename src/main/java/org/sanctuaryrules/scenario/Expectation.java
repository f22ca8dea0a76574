package org.sanctuaryrules.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;

/**
 * What a scenario file says the rules should conclude.
 *
 * @param verdict the scenario's verdict (its worst act's), or {@code null} if not stated
 * @param acts    verdicts of single acts, by act id, in the order the file gives them
 * @param cites   provision ids some finding of the scenario must cite
 * @param policy  the scenario's department-policy outcome (its worst act's), or {@code null} if not stated
 */
public record Expectation(Verdict verdict, Map<String, Verdict> acts, List<String> cites, PolicyOutcome policy) {
    public Expectation {
        acts = acts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(acts));
        cites = cites == null ? List.of() : List.copyOf(cites);
    }

    /** An expectation that says nothing of department policy. */
    public Expectation(Verdict verdict, Map<String, Verdict> acts, List<String> cites) {
        this(verdict, acts, cites, null);
    }

    /** True when nothing is expected, as with {@code expect: {}}. */
    public boolean isEmpty() {
        return verdict == null && acts.isEmpty() && cites.isEmpty() && policy == null;
    }
}
