package org.sanctuaryrules.engine;

import java.util.List;

/**
 * The result of assessing a case: the worst verdict among its acts, each act's assessment, and the version
 * (content hash) of the rule set that judged it.
 */
public record Assessment(String caseId, Verdict verdict, List<ActAssessment> acts, String ruleSetVersion) {
    public Assessment {
        acts = List.copyOf(acts);
    }

    /** The worst policy outcome among the acts (department orders, apart from the verdict). */
    public PolicyOutcome policy() {
        PolicyOutcome worst = PolicyOutcome.NOT_ADDRESSED;
        for (ActAssessment a : acts) {
            worst = worst.worse(a.policy());
        }
        return worst;
    }

    public ActAssessment act(String actId) {
        return acts.stream().filter(a -> a.actId().equals(actId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no act " + actId));
    }
}
