package org.sanctuaryrules.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
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
 * <p>Sessions come from a {@link KieSessionsPool} ({@link Sessions#POOLED}, the default): creating a session
 * costs about twice as much as judging a small act, and a pooled session is reset, not rebuilt, when returned.
 * Each act still gets a session of its own: the rules are not written to keep acts apart (a term established for
 * one act would satisfy {@code exists Established(...)} for another), so acts are never judged together.
 *
 * <pre>{@code
 * SanctuaryEngine engine = SanctuaryEngine.shipped();
 * Assessment result = engine.assess(aCase);
 * }</pre>
 */
public final class SanctuaryEngine {
    /** The name rule files use for the felony list global. */
    public static final String FELONIES_GLOBAL = "felonies";
    /** The name rule files use for the provision register global. */
    public static final String PROVISIONS_GLOBAL = "provisions";

    /**
     * Most rule firings allowed for one act. The shipped rules fire a few dozen times per act; a rule set that keeps
     * re-triggering itself would otherwise never return.
     */
    public static final int MAX_FIRINGS_PER_ACT = 10_000;

    /** Where each act's session comes from. */
    public enum Sessions {
        /** A new session per act, disposed after it (the original behaviour; kept to compare against). */
        FRESH,
        /** A session borrowed from a pool shared by all threads, reset when given back. */
        POOLED
    }

    private final RuleSet ruleSet;
    private final Sessions sessions;
    /** Null for {@link Sessions#FRESH}. Grows on demand, so it never blocks a thread. */
    private final KieSessionsPool pool;
    private final boolean setFelonies;
    private final boolean setProvisions;
    private final Comparator<Conclusion> inRuleOrder;

    private SanctuaryEngine(RuleSet ruleSet, Sessions sessions) {
        this.ruleSet = ruleSet;
        this.sessions = sessions;
        this.pool = sessions == Sessions.POOLED ? ruleSet.kieBase().newKieSessionsPool(2) : null;
        // Rule sets need not declare every global; Drools rejects setting an undeclared one.
        this.setFelonies = ruleSet.globals().contains(FELONIES_GLOBAL);
        this.setProvisions = ruleSet.globals().contains(PROVISIONS_GLOBAL);
        this.inRuleOrder = ruleOrder(ruleSet);
    }

    private SanctuaryEngine(RuleSet ruleSet) {
        this(ruleSet, Sessions.POOLED);
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
        return new SanctuaryEngine(ruleSet, sessions);
    }

    public Sessions sessions() {
        return sessions;
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
     * Judges many cases in one pass, in order; each by the law in force on each act's date. The same as calling
     * {@link #assess(Case)} on each, without the caller's loop: acts are still judged one per session (see the class
     * comment), the sessions coming from the pool.
     */
    public List<Assessment> assessAll(List<Case> cases) {
        List<Assessment> results = new ArrayList<>(cases.size());
        for (Case aCase : cases) {
            results.add(assess(aCase, null));
        }
        return results;
    }

    private ActAssessment assessAct(Case aCase, Act act, LocalDate lawDate) {
        return assessAct(aCase, act, lawDate, null, null);
    }

    /** @param log when not null, receives every firing; {@code memory} then receives the final working memory */
    private ActAssessment assessAct(Case aCase, Act act, LocalDate lawDate, FiringLog log, List<Object> memory) {
        Set<String> notInForce = new LinkedHashSet<>();
        AgendaFilter inForceOnDate = match -> {
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
        // A pooled session's dispose() resets it and gives it back to the pool (it stays usable). Explaining takes a
        // fresh session: a listener added to a pooled one could outlive the reset and log other threads' acts.
        KieSession session = pool != null && log == null ? pool.newKieSession() : ruleSet.kieBase().newKieSession();
        Collection<?> conclusions;
        try {
            // Set on every borrow: cheap, and does not depend on whether a pool reset keeps globals.
            if (setFelonies) {
                session.setGlobal(FELONIES_GLOBAL, ruleSet.felonies());
            }
            if (setProvisions) {
                session.setGlobal(PROVISIONS_GLOBAL, ruleSet.provisions());
            }
            if (log != null) {
                session.addEventListener(log);
            }
            session.insert(aCase.person());
            session.insert(act);
            int fired;
            try {
                fired = session.fireAllRules(inForceOnDate, MAX_FIRINGS_PER_ACT);
            } catch (StackOverflowError e) {
                // An Error would end the whole run; the stack has unwound here, so report it on this case alone.
                throw RuleLoopException.recursion(act.id(), e);
            }
            if (fired >= MAX_FIRINGS_PER_ACT) {
                throw new RuleLoopException(act.id(), MAX_FIRINGS_PER_ACT);
            }
            conclusions = new ArrayList<>(session.getObjects(o -> o instanceof Conclusion));
            if (memory != null) {
                memory.addAll(session.getObjects(o -> o != act && o != aCase.person()));
            }
        } finally {
            session.dispose();
        }
        return resolve(act, conclusions.stream().map(Conclusion.class::cast).sorted(inRuleOrder).toList(), notInForce);
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
     * is indeterminate; anything else is compliant.
     */
    private ActAssessment resolve(Act act, List<Conclusion> found, Set<String> notInForce) {
        List<Conclusion> conclusions = found; // already in rule order (see ruleOrder), so results are stable
        Set<Prohibition> lifted = new LinkedHashSet<>();
        for (Conclusion c : conclusions) {
            if (c instanceof Lifted l) {
                lifted.add(l.prohibition());
            }
        }
        List<Prohibition> standing = conclusions.stream()
                .filter(c -> c instanceof Prohibition p && !lifted.contains(p)).map(Prohibition.class::cast).toList();
        List<Unknown> open = conclusions.stream()
                .filter(c -> c instanceof Unknown u && (u.prohibition() == null || standing.contains(u.prohibition())))
                .map(Unknown.class::cast).toList();
        List<Prohibition> violated = standing.stream()
                .filter(p -> open.stream().noneMatch(u -> u.prohibition() == p)).toList();

        Verdict verdict;
        Set<Conclusion> decisive = new LinkedHashSet<>();
        if (!violated.isEmpty()) {
            verdict = Verdict.VIOLATION;
            decisive.addAll(violated);
        } else if (!open.isEmpty()) {
            verdict = Verdict.INDETERMINATE;
            decisive.addAll(open);
        } else {
            verdict = Verdict.COMPLIANT;
            conclusions.stream().filter(c -> c instanceof Lifted || c instanceof Permitted).forEach(decisive::add);
        }
        List<Finding> findings = conclusions.stream() // a stable sort: by effect, then where the rule stands
                .sorted((a, b) -> effectOf(a).compareTo(effectOf(b)))
                .map(c -> toFinding(c, decisive.contains(c))).toList();
        List<String> missing = open.stream().map(Unknown::fact).distinct().toList();
        return new ActAssessment(act.id(), act.agency(), act.kind(), act.date(), verdict, findings,
                verdict == Verdict.INDETERMINATE ? missing : List.of(), new ArrayList<>(notInForce));
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
                c.explanation(), notes, decisive, lifts, missing);
    }
}
