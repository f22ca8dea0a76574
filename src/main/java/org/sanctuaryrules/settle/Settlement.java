package org.sanctuaryrules.settle;

import java.util.List;

/** What would settle each act of a case ({@link Settler#settle}), in the case's order. */
public record Settlement(String caseId, List<ActSettlement> acts) {
    public Settlement {
        acts = List.copyOf(acts);
    }

    /** The act's settlement, or null if the case has no act of that id. */
    public ActSettlement act(String actId) {
        return acts.stream().filter(a -> a.actId().equals(actId)).findFirst().orElse(null);
    }
}
