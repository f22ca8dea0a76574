package org.sanctuaryrules.engine;

import java.util.List;

/** An assessment with, for every act, the rule firings and facts behind it (see {@link SanctuaryEngine#explain}). */
public record Explanation(Assessment assessment, List<ActExplanation> acts) {
    public Explanation {
        acts = List.copyOf(acts);
    }
}
