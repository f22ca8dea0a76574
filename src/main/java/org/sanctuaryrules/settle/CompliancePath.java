package org.sanctuaryrules.settle;

import java.util.List;

import org.sanctuaryrules.engine.Verdict;

/**
 * Changes to facts in the agency's control and the verdict they would give a VIOLATION act.
 *
 * @param changes    the changes, all together
 * @param verdict    COMPLIANT for a path to compliance; INDETERMINATE for the nearest the agency can come when no
 *                   path reaches compliance (the verdict then turns on {@code turnsOn})
 * @param provisions the provisions of the findings that decide the changed act (the exceptions that lift)
 * @param citations  the same, as the register cites them
 * @param turnsOn    for INDETERMINATE, the missing facts the changed act turns on
 */
public record CompliancePath(List<Change> changes, Verdict verdict, List<String> provisions, List<String> citations,
                             List<String> turnsOn) {
    public CompliancePath {
        changes = List.copyOf(changes);
        provisions = List.copyOf(provisions);
        citations = List.copyOf(citations);
        turnsOn = List.copyOf(turnsOn);
    }
}
