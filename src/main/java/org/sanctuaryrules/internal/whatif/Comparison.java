package org.sanctuaryrules.internal.whatif;

import java.time.LocalDate;
import java.util.List;

/**
 * Two runs of the same scenarios compared act by act.
 *
 * @param baseline    where the baseline rules came from, and their version
 * @param candidate   where the other rules came from, and their version
 * @param asOf        the date whose law both runs applied, or {@code null} for each act's own date
 * @param compared    every act judged under both rule sets, changed or not, in run order
 * @param notCompared scenarios that could not be judged under one rule set or the other
 */
public record Comparison(RuleSetLabel baseline, RuleSetLabel candidate, LocalDate asOf, List<ActChange> compared,
                         List<NotCompared> notCompared) {
    public Comparison {
        compared = List.copyOf(compared);
        notCompared = List.copyOf(notCompared);
    }

    /** Where rules came from and their content hash. */
    public record RuleSetLabel(String origin, String version) {
    }

    public List<ActChange> changes() {
        return compared.stream().filter(ActChange::changed).toList();
    }

    /** {@code 154 acts compared, 3 changed (3 verdicts), 0 scenarios not compared}. */
    public String summaryLine() {
        List<ActChange> changes = changes();
        long verdicts = changes.stream().filter(ActChange::verdictChanged).count();
        return compared.size() + " acts compared, " + changes.size() + " changed (" + verdicts + " verdicts, "
                + (changes.size() - verdicts) + " citations only), " + notCompared.size() + " scenarios not compared";
    }

    /** 2 when some scenario could not be compared (an input error), else 0, whatever changed. */
    public int exitCode() {
        return notCompared.isEmpty() ? 0 : 2;
    }
}
