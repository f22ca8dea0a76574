package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.sanctuaryrules.model.Case;

/**
 * An engine whose rule set can be replaced while other threads are judging cases. Each assessment reads the current
 * engine exactly once and is judged wholly by it, so no result mixes two rule sets; the result names the rule-set
 * version that judged it ({@link Assessment#ruleSetVersion()}). Assessments already running finish on the rule set
 * they started with.
 */
public final class ReloadableEngine implements AutoCloseable {
    private final AtomicReference<SanctuaryEngine> current;

    public ReloadableEngine(SanctuaryEngine initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** Judges the case with the engine current when the call starts. */
    public Assessment assess(Case aCase) {
        return current.get().assess(aCase);
    }

    /** Judges the case by the law in force on {@code asOf}, with the engine current when the call starts. */
    public Assessment assess(Case aCase, LocalDate asOf) {
        return current.get().assess(aCase, asOf);
    }

    /**
     * Makes {@code next} the engine for assessments that start from now on, and returns the one it replaces, its
     * pooled sessions released ({@link SanctuaryEngine#releaseSessions()}) so that the old rule set can be freed once
     * nothing else holds it. Compile the new rule set first (outside any lock): a rule set that does not compile
     * never gets here.
     */
    public SanctuaryEngine swap(SanctuaryEngine next) {
        SanctuaryEngine previous = current.getAndSet(Objects.requireNonNull(next, "next"));
        if (previous != next) {
            previous.releaseSessions();
        }
        return previous;
    }

    /** Closes the current engine ({@link SanctuaryEngine#close()}); engines swapped out were released already. */
    @Override
    public void close() {
        current.get().close();
    }

    public SanctuaryEngine current() {
        return current.get();
    }

    /** Version of the rule set assessments starting now are judged by. */
    public String version() {
        return current.get().ruleSet().version();
    }
}
