package org.sanctuaryrules.engine;

/**
 * The checks woven into compiled analyst rules ({@link GuardWeaver}): called on entry to every consequence,
 * constraint and function, on every turn of a loop, and on every string a rule builds. They stop the act being
 * judged — with an {@link Error}, which rule code may not catch — when it has run past its time budget, and refuse
 * any string longer than {@value #MAX_TEXT} characters, so that no single library call a rule makes can take long.
 *
 * <p>Public only because the generated classes live in a class loader of their own; not an API.
 */
public final class RuleGuard {
    /** The longest string a rule may build: explanations are a few hundred characters. */
    public static final int MAX_TEXT = 20_000;

    /**
     * The budget of the act the current thread is judging. A thread judges one act at a time; the engine sets and
     * clears it around each act, so no state outlives an act.
     */
    private static final ThreadLocal<ActBudget> CURRENT = new ThreadLocal<>();

    private RuleGuard() {
    }

    /** On entry to rule code and on each turn of a loop: stop if the act is past its time. */
    public static void enter() {
        ActBudget budget = CURRENT.get();
        if (budget != null) {
            budget.check();
        }
    }

    /** After rule code made a string: refuse it if it is too long. */
    public static String text(String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new BudgetExceeded(BudgetExceeded.Kind.TEXT, "a rule built a text of " + value.length()
                    + " characters; the most is " + MAX_TEXT);
        }
        enter();
        return value;
    }

    /** After rule code appended to a builder: refuse it if it grew too long. */
    public static StringBuilder text(StringBuilder value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new BudgetExceeded(BudgetExceeded.Kind.TEXT, "a rule built a text of " + value.length()
                    + " characters; the most is " + MAX_TEXT);
        }
        enter();
        return value;
    }

    /** Makes the budget the current thread's until {@link #clear}. */
    static void use(ActBudget budget) {
        CURRENT.set(budget);
    }

    static void clear() {
        CURRENT.remove();
    }

    /**
     * The time an act may take, from when its judging started. Used by the one thread judging the act. The clock is
     * read on every {@value #CHECKS_PER_CLOCK_READ}th check only: checks come at every match, firing and call of rule
     * code, and between two of them there is little work.
     */
    static final class ActBudget {
        private static final int CHECKS_PER_CLOCK_READ = 16;
        private final long deadline;
        private final long limitNanos;
        private int checks;

        ActBudget(long startNanos, long limitNanos) {
            this.limitNanos = limitNanos;
            this.deadline = startNanos + limitNanos;
        }

        void check() {
            if (++checks % CHECKS_PER_CLOCK_READ == 0 && System.nanoTime() - deadline > 0) {
                throw new BudgetExceeded(BudgetExceeded.Kind.TIME, "the rules ran past the time budget of "
                        + limitNanos / 1_000_000 + " ms");
            }
        }
    }

    /**
     * An act ran past a budget. An {@link Error}, so that the catch blocks of rule code (which may catch only
     * exceptions) cannot swallow it; the engine turns it into a {@link RuleLimitException} on that act.
     */
    static final class BudgetExceeded extends Error {
        enum Kind { TIME, TEXT }

        private final Kind kind;

        BudgetExceeded(Kind kind, String message) {
            super(message, null, false, false); // no stack trace: it is thrown to stop, not to be debugged
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }
    }
}
