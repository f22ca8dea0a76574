package org.sanctuaryrules.settle;

import java.util.List;

import org.sanctuaryrules.engine.Verdict;

/**
 * What would settle one act, or make it lawful.
 *
 * <ul>
 *   <li>INDETERMINATE: {@code lines} is the settle table: each line a set of values of missing facts and the verdict
 *       they give, computed by judging completions; the lines do not overlap, and together they cover every way of
 *       filling in the missing facts.</li>
 *   <li>VIOLATION: {@code toCompliance} lists the changes to facts in the agency's control that would make it
 *       COMPLIANT, fewest changes first; when there is none, {@code note} says so plainly and {@code toCompliance}
 *       may hold the nearest changes, which leave it INDETERMINATE.</li>
 *   <li>COMPLIANT: nothing to settle; both lists are empty.</li>
 * </ul>
 *
 * @param verdict   the engine's verdict on the act as given
 * @param note      a sentence for people: what the table or the paths mean here, or why there are none
 * @param bounded   whether a bound of {@link SettleLimits} was reached (some lines are then {@code OPEN}, or the
 *                  paths may not be all)
 * @param judgments how many judgments of the engine it took
 */
public record ActSettlement(String actId, Verdict verdict, List<SettleLine> lines, List<CompliancePath> toCompliance,
                            String note, boolean bounded, int judgments) {
    public ActSettlement {
        lines = List.copyOf(lines);
        toCompliance = List.copyOf(toCompliance);
    }
}
