package org.sanctuaryrules.internal.audit;

import java.util.List;

/**
 * What became of one line of the log: the acts judged on it, or why it was skipped.
 *
 * @param line    the line's number in the file (1 = the first line, the CSV header included)
 * @param acts    the verdict on each act of the line; empty if the line was skipped
 * @param field   for a skipped line, the field at fault ("" if the line as a whole); null otherwise
 * @param problem for a skipped line, what is wrong with it; null otherwise
 */
public record LineOutcome(long line, List<AuditedAct> acts, String field, String problem) {
    public LineOutcome {
        acts = List.copyOf(acts);
    }

    static LineOutcome judged(long line, List<AuditedAct> acts) {
        return new LineOutcome(line, acts, null, null);
    }

    static LineOutcome skipped(long line, String field, String problem) {
        return new LineOutcome(line, List.of(), field == null ? "" : field, problem);
    }

    public boolean isSkipped() {
        return problem != null;
    }
}
