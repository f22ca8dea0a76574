package org.sanctuaryrules.internal.whatif;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.engine.ActAssessment;
import org.sanctuaryrules.engine.Finding;
import org.sanctuaryrules.engine.Verdict;

/**
 * One act judged under two rule sets, with what changed.
 *
 * @param before the act under the baseline rules
 * @param after  the act under the other rules
 */
public record ActChange(String scenarioId, String scenarioTitle, Path file, ActAssessment before,
                        ActAssessment after) {

    public String actId() {
        return after.actId();
    }

    public boolean verdictChanged() {
        return before.verdict() != after.verdict();
    }

    /** Whether the set of provisions among the decisive findings differs. */
    public boolean citationsChanged() {
        return !RunComparison.decisiveProvisions(before).equals(RunComparison.decisiveProvisions(after));
    }

    public boolean changed() {
        return verdictChanged() || citationsChanged();
    }

    public Verdict verdictBefore() {
        return before.verdict();
    }

    public Verdict verdictAfter() {
        return after.verdict();
    }

    public Set<String> citesBefore() {
        return RunComparison.decisiveProvisions(before);
    }

    public Set<String> citesAfter() {
        return RunComparison.decisiveProvisions(after);
    }

    public List<Finding> reasonsBefore() {
        return before.decisiveFindings();
    }

    public List<Finding> reasonsAfter() {
        return after.decisiveFindings();
    }
}
