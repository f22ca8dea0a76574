package org.sanctuaryrules.internal.workbench;

import java.util.List;

/**
 * How one rule was exercised by a set of scenarios.
 *
 * @param firedBy   ids of the scenarios in which the rule fired
 * @param blockedIn ids of the scenarios in which the rule matched but its provision was not in force
 */
public record RuleCoverage(String rule, String file, int line, String provision, List<String> firedBy,
                           List<String> blockedIn) {
    public RuleCoverage {
        firedBy = List.copyOf(firedBy);
        blockedIn = List.copyOf(blockedIn);
    }

    public boolean covered() {
        return !firedBy.isEmpty();
    }

    public String place() {
        return file + ":" + line;
    }
}
