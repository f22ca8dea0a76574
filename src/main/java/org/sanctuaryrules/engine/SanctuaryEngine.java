package org.sanctuaryrules.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.AgendaFilter;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.reasoning.Conclusion;
import org.sanctuaryrules.reasoning.Lifted;
import org.sanctuaryrules.reasoning.Note;
import org.sanctuaryrules.reasoning.Permitted;
import org.sanctuaryrules.reasoning.Prohibition;
import org.sanctuaryrules.reasoning.Unknown;

/**
 * Judges cases against a rule set. Build it once (compiling the rules takes about a second) and share it:
 * {@link #assess} is thread-safe, since every act is judged in a session of its own.
 *
 * <p>Sessions are reused ({@link Sessions#POOLED}, the default): creating a session costs about twice as much as
 * judging a small act. A session judges one act at a time; afterwards the act's facts are deleted from it, which
 * leaves it empty, and it waits for the next act.
 * Each act still gets a session of its own: the rules are not written to keep acts apart (a term established for
 * one act would satisfy {@code exists Established(...)} for another), so acts are never judged together.
 *
 * <pre>{@code
 * SanctuaryEngine engine = SanctuaryEngine.shipped();
 * Assessment result = engine.assess(aCase);
 * }</pre>
 *
 * <p>An engine holds Drools sessions, which keep its rule set reachable; {@link #close()} it (or use
 * try-with-resources) when it is no longer needed, so that they are released and the rule set can be freed.
 */
public final class SanctuaryEngine implements AutoCloseable {
    /** The name rule files use for the felony list global. */
    public static final String FELONIES_GLOBAL = "felonies";
    /** The name rule files use for the provision register global. */
    public static final String PROVISIONS_GLOBAL = "provisions";

    /**
     * Most rule firings allowed for one act by default ({@link JudgingLimits#DEFAULT}). The shipped rules fire a few
     * dozen times per act; a rule set that keeps re-triggering itself would otherwise never return.
     */
    public static final int MAX_FIRINGS_PER_ACT = 10_000;

    /**
     * A session with the listener that checks the act's time budget at every match the rules make, so that
     * conditions that join ever more facts stop in time even before any rule fires. The listener holds the budget of
     * the act the session is judging (one act at a time, on one thread), so nothing is looked up per match.
     */
    record Lease(KieSession session, BudgetAtEveryMatch budget) {
    }

    private static final class BudgetAtEveryMatch extends DefaultAgendaEventListener {
        private RuleGuard.ActBudget current;

        @Override
        public void matchCreated(MatchCreatedEvent event) {
            RuleGuard.ActBudget budget = current;
            if (budget != null) {
                budget.check();
            }
        }
    }

    /** {@link #assessAll} hands out a list to the cores in runs of this many consecutive cases. */
    private static final int CASES_PER_RUN = 16;

    /** Where each act's session comes from. */
    public enum Sessions {
        /** A new session per act, disposed after it (the original behaviour; kept to compare against). */
        FRESH,
        /**
         * A session borrowed from a pool shared by all threads; when given back, the act and person are deleted from
         * it (which withdraws every logical conclusion), so the next act finds it as empty as a new one.
         */
        POOLED
    }

    private final RuleSet ruleSet;
    private final Sessions sessions;
    private final JudgingLimits limits;
    /**
     * Idle sessions, empty of facts, for {@link Sessions#POOLED}; null for {@link Sessions#FRESH}. Grows on demand (a
     * thread that finds none creates one), so it never blocks a thread; it holds at most as many sessions as threads
     * ever judged acts at once.
     */
    private final ConcurrentLinkedDeque<Lease> idle;
    private final boolean setFelonies;
    private final boolean setProvisions;
    private final Comparator<Conclusion> inRuleOrder;
    /** Set by {@link #releaseSessions()}: sessions are then disposed after use instead of pooled. */
    private volatile boolean released;

    private SanctuaryEngine(RuleSet ruleSet, Sessions sessions, JudgingLimits limits) {
        this.ruleSet = ruleSet;
        this.sessions = sessions;
        this.limits = limits;
        // Rule sets need not declare every global; Drools rejects setting an undeclared one.
        this.setFelonies = ruleSet.globals().contains(FELONIES_GLOBAL);
        this.setProvisions = ruleSet.globals().contains(PROVISIONS_GLOBAL);
        this.idle = sessions == Sessions.POOLED && !matchesEmptyMemory() ? new ConcurrentLinkedDeque<>() : null;
        this.inRuleOrder = ruleOrder(ruleSet);
    }

    private SanctuaryEngine(RuleSet ruleSet) {
        this(ruleSet, Sessions.POOLED, JudgingLimits.DEFAULT);
    }

    /** An engine on the rules shipped inside the jar. */
    public static SanctuaryEngine shipped() throws RuleSetException {
        return new SanctuaryEngine(RuleSet.shipped());
    }

    /** An engine on the rules in a directory. */
    public static SanctuaryEngine fromDirectory(Path rulesDir) throws RuleSetException, IOException {
        return new SanctuaryEngine(RuleSet.fromDirectory(rulesDir));
    }

    public static SanctuaryEngine of(RuleSet ruleSet) {
        return new SanctuaryEngine(ruleSet);
    }

    /** An engine on the rule set whose sessions come from the given source (results are the same either way). */
    public static SanctuaryEngine of(RuleSet ruleSet, Sessions sessions) {
        return new SanctuaryEngine(ruleSet, sessions, JudgingLimits.DEFAULT);
    }

    /** An engine on the rule set that judges every act within the given limits. */
    public static SanctuaryEngine of(RuleSet ruleSet, JudgingLimits limits) {
        return new SanctuaryEngine(ruleSet, Sessions.POOLED, limits);
    }

    public JudgingLimits limits() {
        return limits;
    }

    public Sessions sessions() {
        return sessions;
    }

    /**
     * Disposes the pooled sessions and stops pooling. Drools keeps every session not yet disposed reachable from a
     * process-wide table (its truth maintenance), and with it the whole rule set: call this when the engine is
     * replaced ({@link ReloadableEngine#swap} does) or no longer needed. The engine still judges, and judges the
     * same, with a new session per act; assessments already running are not disturbed.
     */
    public void releaseSessions() {
        released = true;
        disposeIdle();
    }

    /**
     * Releases what the engine holds ({@link #releaseSessions()}): an engine dropped without closing keeps its rule set
     * reachable through Drools' sessions. Closing twice does nothing more; a closed engine still judges, with a new
     * session per act, so a request already running when its engine is closed completes.
     */
    @Override
    public void close() {
        releaseSessions();
    }

    private void disposeIdle() {
        if (idle != null) {
            for (Lease l = idle.pollFirst(); l != null; l = idle.pollFirst()) {
                dispose(l.session());
            }
        }
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Judges every act of the case by the law in force on the act's date. */
    public Assessment assess(Case aCase) {
        return assess(aCase, null);
    }

    /** Judges every act of the case by the law in force on {@code asOf} instead of the act's own date (if not null). */
    public Assessment assess(Case aCase, LocalDate asOf) {
        List<ActAssessment> acts = new ArrayList<>();
        Verdict worst = Verdict.COMPLIANT;
        for (Act act : aCase.acts()) {
            ActAssessment a = assessAct(aCase, act, asOf == null ? act.date() : asOf);
            acts.add(a);
            worst = worst.worse(a.verdict());
        }
        return new Assessment(aCase.id(), worst, acts, ruleSet.version());
    }

    /**
     * Like {@link #assess(Case, LocalDate)}, and also records every rule firing with the facts it matched, the matches
     * kept from firing because their provision was not in force, and the final working memory of each act. Slower
     * than {@code assess} (a listener on every session), so meant for explaining and coverage, not for bulk runs.
     */
    public Explanation explain(Case aCase, LocalDate asOf) {
        List<ActExplanation> acts = new ArrayList<>();
        Verdict worst = Verdict.COMPLIANT;
        for (Act act : aCase.acts()) {
            FiringLog log = new FiringLog();
            List<Object> memory = new ArrayList<>();
            ActAssessment a = assessAct(aCase, act, asOf == null ? act.date() : asOf, log, memory);
            acts.add(new ActExplanation(act, a, log.fired(), log.blocked(), memory));
            worst = worst.worse(a.verdict());
        }
        Assessment assessment = new Assessment(aCase.id(), worst,
                acts.stream().map(ActExplanation::assessment).toList(), ruleSet.version());
        return new Explanation(assessment, acts);
    }

    /** {@link #explain(Case, LocalDate)} by the law in force on each act's date. */
    public Explanation explain(Case aCase) {
        return explain(aCase, null);
    }

    /**
     * Judges many cases, each by the law in force on each act's date, and returns their assessments in the order of
     * {@code cases}: the same as calling {@link #assess(Case)} on each. Acts are still judged one per session (see
     * the class comment), but the cores share a long list: the calling thread and up to one helper per other core
     * (from the common fork-join pool) take consecutive runs of {@value #CASES_PER_RUN} cases until none is left, so
     * a helper that starts late, or not at all because other callers keep the pool busy, costs nothing. If cases
     * fail, the exception of the first failing one (in list order) is thrown, as it was thrown.
     */
    public List<Assessment> assessAll(List<Case> cases) {
        return assessAll(cases, ForkJoinPool.commonPool());
    }

    /**
     * {@link #assessAll(List)} with the helpers taken from {@code executor} instead of the common fork-join pool (a
     * service's own pool, say). The calling thread always works too, so a busy, small or rejecting executor only
     * makes the batch slower: a helper that has not started when the work runs out is withdrawn, and one the
     * executor rejects is skipped.
     */
    public List<Assessment> assessAll(List<Case> cases, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        int n = cases.size();
        int runs = (n + CASES_PER_RUN - 1) / CASES_PER_RUN;
        int helpers = Math.min(Runtime.getRuntime().availableProcessors(), runs) - 1;
        if (helpers <= 0) {
            List<Assessment> results = new ArrayList<>(n);
            for (Case aCase : cases) {
                results.add(assess(aCase, null));
            }
            return results;
        }
        Assessment[] results = new Assessment[n];
        RuntimeException[] failures = new RuntimeException[runs];
        AtomicInteger nextRun = new AtomicInteger();
        Runnable work = () -> {
            for (int run = nextRun.getAndIncrement(); run < runs; run = nextRun.getAndIncrement()) {
                try {
                    for (int i = run * CASES_PER_RUN, end = Math.min(n, i + CASES_PER_RUN); i < end; i++) {
                        results[i] = assess(cases.get(i), null);
                    }
                } catch (RuntimeException e) {
                    failures[run] = e;
                }
            }
        };
        List<Helper> started = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            Helper helper = new Helper(work);
            try {
                executor.execute(helper);
            } catch (RejectedExecutionException e) {
                continue; // the others, and the calling thread, do its share
            }
            started.add(helper);
        }
        work.run();
        for (Helper helper : started) {
            helper.awaitUnlessNotStarted();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    /** A helper of {@link #assessAll}: runs its work unless the caller, done first, withdrew it before it started. */
    private static final class Helper implements Runnable {
        private static final int PENDING = 0;
        private static final int RUNNING = 1;
        private static final int WITHDRAWN = 2;

        private final Runnable work;
        private final AtomicInteger state = new AtomicInteger(PENDING);
        private final CountDownLatch done = new CountDownLatch(1);
        private Error error;

        Helper(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(PENDING, RUNNING)) {
                return;
            }
            try {
                work.run();
            } catch (Error e) {
                error = e; // published by the latch
            } finally {
                done.countDown();
            }
        }

        /** Waits for the helper to finish the run it took, if it started; its results are visible afterwards. */
        void awaitUnlessNotStarted() {
            if (state.compareAndSet(PENDING, WITHDRAWN)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error != null) {
                throw error;
            }
        }
    }

    private ActAssessment assessAct(Case aCase, Act act, LocalDate lawDate) {
        return assessAct(aCase, act, lawDate, null, null);
    }

    /**
     * Judges one act in a session of its own, within the act's limits: an act that runs past its time or firing
     * budget, recurses, exhausts memory or otherwise fails with an {@link Error} ends with a
     * {@link RuleLimitException} on that act; its session is thrown away, and nothing else is affected.
     *
     * @param log when not null, receives every firing; {@code memory} then receives the final working memory
     */
    private ActAssessment assessAct(Case aCase, Act act, LocalDate lawDate, FiringLog log, List<Object> memory) {
        RuleGuard.ActBudget budget = new RuleGuard.ActBudget(System.nanoTime(), limits.time().toNanos());
        RuleGuard.use(budget);
        try {
            return judge(aCase, act, lawDate, log, memory, budget);
        } catch (RuleGuard.BudgetExceeded e) {
            throw e.kind() == RuleGuard.BudgetExceeded.Kind.TIME ? RuleLimitException.time(act.id(), limits)
                    : RuleLimitException.text(act.id(), e.getMessage());
        } catch (StackOverflowError e) {
            // An Error would end the whole run; the stack has unwound here, so report it on this act alone.
            throw RuleLoopException.recursion(act.id(), e);
        } catch (OutOfMemoryError e) {
            throw RuleLimitException.memory(act.id());
        } catch (RuleLimitException e) {
            throw e;
        } catch (RuntimeException e) {
            // Drools wraps what a constraint or consequence throws; a budget or an error may be inside.
            RuntimeException limit = limitInside(act.id(), e);
            throw limit != null ? limit : e;
        } catch (Error e) {
            throw RuleLimitException.failure(act.id(), e);
        } finally {
            RuleGuard.clear();
        }
    }

    private RuntimeException limitInside(String actId, Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RuleGuard.BudgetExceeded b) {
                return b.kind() == RuleGuard.BudgetExceeded.Kind.TIME ? RuleLimitException.time(actId, limits)
                        : RuleLimitException.text(actId, b.getMessage());
            } else if (t instanceof StackOverflowError so) {
                return RuleLoopException.recursion(actId, so);
            } else if (t instanceof OutOfMemoryError) {
                return RuleLimitException.memory(actId);
            } else if (t instanceof RuleLimitException r) {
                return r;
            }
        }
        return null;
    }

    private ActAssessment judge(Case aCase, Act act, LocalDate lawDate, FiringLog log, List<Object> memory,
                                RuleGuard.ActBudget budget) {
        Set<String> notInForce = new LinkedHashSet<>();
        AgendaFilter inForceOnDate = match -> {
            budget.check();
            Object id = match.getRule().getMetaData().get("provision");
            if (id == null || ruleSet.provisions().inForce(id.toString(), lawDate)) {
                return true;
            }
            notInForce.add(id.toString());
            if (log != null) {
                log.blocked(match);
            }
            return false;
        };
        // Explaining takes a fresh session: a listener must not stay on a session that other acts will use.
        boolean pooled = idle != null && log == null;
        Lease lease = pooled ? idle.pollFirst() : null;
        if (lease == null) {
            lease = newSession();
        }
        KieSession session = lease.session();
        lease.budget().current = budget;
        Collection<?> conclusions;
        boolean reusable = false;
        try {
            if (log != null) {
                session.addEventListener(log);
            }
            FactHandle personHandle = session.insert(aCase.person());
            FactHandle actHandle = session.insert(act);
            int fired = session.fireAllRules(inForceOnDate, limits.firings());
            if (fired >= limits.firings()) {
                throw new RuleLoopException(act.id(), limits.firings());
            }
            conclusions = new ArrayList<>(session.getObjects(o -> o instanceof Conclusion));
            if (memory != null) {
                memory.addAll(session.getObjects(o -> o != act && o != aCase.person()));
            }
            if (pooled) {
                reusable = emptied(session, personHandle, actHandle);
            }
        } finally {
            lease.budget().current = null;
            if (reusable) {
                idle.offerFirst(lease);
                if (released) {
                    disposeIdle(); // released while this act was judged
                }
            } else {
                dispose(session);
            }
        }
        return resolve(act, conclusions.stream().map(Conclusion.class::cast).sorted(inRuleOrder).toList(), notInForce);
    }

    /** Disposes of a session, which may be half-way through firing when a limit stopped it. */
    private static void dispose(KieSession session) {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            // The session is dropped either way; nothing else refers to it.
        }
    }

    /**
     * Whether a rule matches a working memory with no fact in it. A new session fires such a rule for every act, a
     * reused one only for the first, so a rule set with one is judged in a new session per act (the shipped rules
     * have none: every rule matches on the act or on conclusions about it).
     */
    private boolean matchesEmptyMemory() {
        RuleGuard.use(new RuleGuard.ActBudget(System.nanoTime(), limits.time().toNanos()));
        Lease lease = newSession();
        KieSession session = lease.session();
        lease.budget().current = new RuleGuard.ActBudget(System.nanoTime(), limits.time().toNanos());
        try {
            boolean[] matched = {false};
            session.fireAllRules(match -> {
                matched[0] = true;
                return false;
            });
            return matched[0];
        } catch (RuntimeException | Error e) {
            // A condition that fails or runs out of time on an empty memory will do so for every act, each time as an
            // error on that act; new sessions keep those acts apart.
            return true;
        } finally {
            RuleGuard.clear();
            dispose(session);
        }
    }

    // Package-private, as emptied is, so that the benchmarks' ActPhases times the engine's own sessions.
    Lease newSession() {
        KieSession session = ruleSet.kieBase().newKieSession();
        BudgetAtEveryMatch budget = new BudgetAtEveryMatch();
        session.addEventListener(budget);
        // The globals are the same for every act, so they are set once per session.
        if (setFelonies) {
            session.setGlobal(FELONIES_GLOBAL, ruleSet.felonies());
        }
        if (setProvisions) {
            session.setGlobal(PROVISIONS_GLOBAL, ruleSet.provisions());
        }
        return new Lease(session, budget);
    }

    /**
     * Takes the act's facts out of a session so that it can judge the next act: deleting the person and the act
     * withdraws every conclusion inserted logically from them. The session is kept only if that leaves it as a new
     * one would be: no fact left (a rule that inserted a fact non-logically, or concluded something from no fact at
     * all, leaves one) and no rule matching the empty memory (which a new session would fire for the next act, and
     * this one would not). Otherwise it is thrown away, so reuse can never change a result.
     */
    // Package-private so that the benchmarks' ActPhases times this very teardown.
    static boolean emptied(KieSession session, FactHandle person, FactHandle act) {
        session.delete(act);
        session.delete(person);
        boolean[] matched = {false};
        session.fireAllRules(match -> {
            matched[0] = true;
            return false;
        });
        return !matched[0] && session.getFactCount() == 0;
    }

    /**
     * Working memory hands conclusions back in an order that depends on identity hash codes and on the session's
     * history, so a pooled session could list them differently from a fresh one (and one run from the next). Sorting
     * by where the rule stands in the rule files makes findings, missing facts and decisive provisions come out
     * the same whichever session judged the act.
     */
    private static Comparator<Conclusion> ruleOrder(RuleSet ruleSet) {
        Map<String, Integer> rank = new HashMap<>();
        ruleSet.rules().values().stream()
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name))
                .forEach(r -> rank.put(r.name(), rank.size()));
        Comparator<Conclusion> byPlace = Comparator.comparingInt(c -> rank.getOrDefault(c.rule(), Integer.MAX_VALUE));
        return byPlace.thenComparing(Conclusion::rule)
                .thenComparing(c -> c instanceof Unknown u ? u.fact() : "", Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Conclusion::explanation, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /**
     * The resolution step: a prohibition that no exception lifts is a violation, unless a missing fact could still
     * lift it; an act with only such prohibitions, or with a missing fact that decides whether a prohibition applies,
     * is indeterminate; anything else is compliant. Prohibitions and missing facts of department orders
     * ({@link Binding#DEPARTMENT_POLICY}) are resolved the same way, apart, into the act's policy outcome: they never
     * move the legal verdict.
     */
    private ActAssessment resolve(Act act, List<Conclusion> found, Set<String> notInForce) {
        List<Conclusion> conclusions = found; // already in rule order (see ruleOrder), so results are stable
        Set<Prohibition> lifted = new LinkedHashSet<>();
        for (Conclusion c : conclusions) {
            if (c instanceof Lifted l) {
                lifted.add(l.prohibition());
            }
        }
        Set<Conclusion> decisive = new LinkedHashSet<>();
        Outcome law = outcome(conclusions, lifted, false);
        Outcome policy = outcome(conclusions, lifted, true);
        decisive.addAll(law.decisive());
        decisive.addAll(policy.decisive());
        Verdict verdict = law.violated() ? Verdict.VIOLATION : law.open() ? Verdict.INDETERMINATE : Verdict.COMPLIANT;
        PolicyOutcome policyOutcome = policy.violated() ? PolicyOutcome.BREACH
                : policy.open() ? PolicyOutcome.INDETERMINATE
                : policy.applied() ? PolicyOutcome.COMPLIANT : PolicyOutcome.NOT_ADDRESSED;
        List<Finding> findings = conclusions.stream() // a stable sort: by effect, then where the rule stands
                .sorted((a, b) -> effectOf(a).compareTo(effectOf(b)))
                .map(c -> toFinding(c, decisive.contains(c))).toList();
        return new ActAssessment(act.id(), act.agency(), act.kind(), act.date(), verdict, findings,
                verdict == Verdict.INDETERMINATE ? law.missing() : List.of(), new ArrayList<>(notInForce),
                policyOutcome, policyOutcome == PolicyOutcome.INDETERMINATE ? policy.missing() : List.of());
    }

    /**
     * The outcome of one kind of provision (law, or department policy) for an act.
     *
     * @param applied  some prohibition of this kind applied (lifted or not)
     * @param violated some prohibition stands with no missing fact that could lift it
     * @param open     some missing fact could change the outcome
     * @param decisive the conclusions that decided it
     * @param missing  the missing facts, when open
     */
    private record Outcome(boolean applied, boolean violated, boolean open, Set<Conclusion> decisive,
                           List<String> missing) {
    }

    private Outcome outcome(List<Conclusion> conclusions, Set<Prohibition> lifted, boolean departmentPolicy) {
        List<Prohibition> applying = conclusions.stream()
                .filter(c -> c instanceof Prohibition p && isPolicy(p.provision()) == departmentPolicy)
                .map(Prohibition.class::cast).toList();
        List<Prohibition> standing = applying.stream().filter(p -> !lifted.contains(p)).toList();
        // A missing fact belongs to the kind of the prohibition it could lift, or, when it decides whether one applies
        // at all, to the kind of the rule that asks for it.
        List<Unknown> open = conclusions.stream()
                .filter(c -> c instanceof Unknown u
                        && isPolicy(u.prohibition() == null ? u.provision() : u.prohibition().provision()) == departmentPolicy
                        && (u.prohibition() == null || standing.contains(u.prohibition())))
                .map(Unknown.class::cast).toList();
        List<Prohibition> violated = standing.stream()
                .filter(p -> open.stream().noneMatch(u -> u.prohibition() == p)).toList();
        Set<Conclusion> decisive = new LinkedHashSet<>();
        if (!violated.isEmpty()) {
            decisive.addAll(violated);
        } else if (!open.isEmpty()) {
            decisive.addAll(open);
        } else {
            conclusions.stream()
                    .filter(c -> (c instanceof Lifted l && isPolicy(l.prohibition().provision()) == departmentPolicy)
                            || (c instanceof Permitted p && isPolicy(p.provision()) == departmentPolicy))
                    .forEach(decisive::add);
        }
        return new Outcome(!applying.isEmpty(), !violated.isEmpty(), !open.isEmpty(), decisive,
                open.stream().map(Unknown::fact).distinct().toList());
    }

    private boolean isPolicy(String provisionId) {
        return ruleSet.provisions().find(provisionId).map(Provision::departmentPolicy).orElse(false);
    }

    /** Effect of a conclusion; the order of the constants is also the order findings are listed in. */
    private static Effect effectOf(Conclusion c) {
        if (c instanceof Prohibition) {
            return Effect.PROHIBITS;
        } else if (c instanceof Lifted) {
            return Effect.LIFTS;
        } else if (c instanceof Unknown) {
            return Effect.NEEDS_FACT;
        } else if (c instanceof Permitted) {
            return Effect.PERMITS;
        } else if (c instanceof Note) {
            return Effect.NOTE;
        }
        return Effect.ESTABLISHES;
    }

    private Finding toFinding(Conclusion c, boolean decisive) {
        Provision provision = ruleSet.provisions().find(c.provision()).orElse(null);
        List<String> notes = new ArrayList<>();
        if (provision != null && provision.note() != null) {
            notes.add((provision.unverified() ? "Unverified: " : "") + provision.note().strip());
        }
        RuleInfo info = ruleSet.rules().get(c.rule());
        if (info != null) {
            notes.addAll(info.notes());
        }
        String lifts = c instanceof Lifted l ? l.prohibition().rule()
                : c instanceof Unknown u && u.prohibition() != null ? u.prohibition().rule() : null;
        String missing = c instanceof Unknown u ? u.fact() : null;
        return new Finding(c.rule(), c.provision(), provision == null ? null : provision.citation(), effectOf(c),
                c.explanation(), notes, decisive, lifts, missing,
                provision == null ? Binding.LAW : provision.binding());
    }
}
