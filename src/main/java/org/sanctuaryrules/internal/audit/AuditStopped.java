package org.sanctuaryrules.internal.audit;

/**
 * The audit could not go on: a worker failed beyond a bad line (out of memory, an error in the engine). The results of
 * every line before {@link #line()} were written, in order, and none after; {@link #summary()} counts those.
 */
public final class AuditStopped extends Exception {
    private final long line;
    private final transient AuditSummary summary;

    AuditStopped(long line, Throwable cause, AuditSummary summary) {
        super(describe(cause), cause);
        this.line = line;
        this.summary = summary;
    }

    /** The line the audit stopped at. */
    public long line() {
        return line;
    }

    /** The lines judged and skipped before it. */
    public AuditSummary summary() {
        return summary;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof OutOfMemoryError) {
            return "ran out of memory judging this line (OutOfMemoryError); give the JVM more heap (-Xmx) or use "
                    + "fewer --threads";
        }
        return "a worker failed on this line (" + (cause == null ? "it stopped without a result"
                : cause.getClass().getSimpleName()) + ")";
    }
}
