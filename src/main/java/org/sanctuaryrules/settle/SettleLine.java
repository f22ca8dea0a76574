package org.sanctuaryrules.settle;

import java.util.List;

import org.sanctuaryrules.engine.Verdict;

/**
 * A line of a settle table: if the facts take these values, the act gets this verdict.
 *
 * @param conditions  the facts to fill in and their values, most decisive first; empty when the verdict is the same
 *                    whatever the missing facts are
 * @param verdict     the verdict every completion meeting the conditions gets (INDETERMINATE when the law the act
 *                    turns on is not encoded); for an {@link Basis#OPEN} line, the engine's verdict on the act with
 *                    just the conditions filled in
 * @param provisions  the provision ids of the findings that decided those completions (for VIOLATION, what stands;
 *                    for COMPLIANT, what lifts it, or none when nothing prohibits)
 * @param citations   the same provisions as the register cites them
 * @param basis       how the line was reached
 * @param completions how many completions meeting the conditions were judged
 * @param mattersMost for an {@link Basis#OPEN} line, the missing facts that matter most, most decisive first; for an
 *                    INDETERMINATE line whose law is not encoded, that law ({@code law: …})
 */
public record SettleLine(List<Condition> conditions, Verdict verdict, List<String> provisions, List<String> citations,
                         Basis basis, int completions, List<String> mattersMost) {
    /** How a line's verdict was reached. */
    public enum Basis {
        /** Every completion meeting the conditions was judged, and all give the verdict. */
        ALL_COMPLETIONS,
        /** A seeded sample of the completions was judged (there were more than the bound), and all give the verdict. */
        SAMPLE,
        /**
         * A bound (time, judgments, depth) was reached first: the verdict is the engine's on the act with the conditions
         * filled in, not checked against completions; if INDETERMINATE, {@code mattersMost} says what to find out.
         */
        OPEN
    }

    public SettleLine {
        conditions = List.copyOf(conditions);
        provisions = List.copyOf(provisions);
        citations = List.copyOf(citations);
        mattersMost = List.copyOf(mattersMost);
    }
}
