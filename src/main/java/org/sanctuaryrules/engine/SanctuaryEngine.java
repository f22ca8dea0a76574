package org.sanctuaryrules.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.runtime.KieSession;
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

    private final RuleSet ruleSet;

    private SanctuaryEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
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
        KieSession session = ruleSet.kieBase().newKieSession();
        Collection<?> conclusions;
        try {
            // Rule sets need not declare every global; Drools rejects setting an undeclared one.
            if (ruleSet.globals().contains(FELONIES_GLOBAL)) {
                session.setGlobal(FELONIES_GLOBAL, ruleSet.felonies());
            }
            if (ruleSet.globals().contains(PROVISIONS_GLOBAL)) {
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
        return resolve(act, conclusions.stream().map(Conclusion.class::cast).toList(), notInForce);
    }

    /**
     * The resolution step: a prohibition that no exception lifts is a violation, unless a missing fact could still
     * lift it; an act with only such prohibitions, or with a missing fact that decides whether a prohibition applies,
     * is indeterminate; anything else is compliant.
     */
    private ActAssessment resolve(Act act, List<Conclusion> found, Set<String> notInForce) {
        // Working memory hands conclusions back in no fixed order (it varied between runs of the same case under
        // load); sort them so the same case always gives the same findings, missing facts and report.
        List<Conclusion> conclusions = found.stream().sorted(CONCLUSION_ORDER).toList();
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
        List<Finding> findings = conclusions.stream()
                .sorted((a, b) -> effectOf(a).compareTo(effectOf(b)))
                .map(c -> toFinding(c, decisive.contains(c))).toList();
        List<String> missing = open.stream().map(Unknown::fact).distinct().toList();
        return new ActAssessment(act.id(), act.agency(), act.kind(), act.date(), verdict, findings,
                verdict == Verdict.INDETERMINATE ? missing : List.of(), new ArrayList<>(notInForce));
    }

    private static final Comparator<Conclusion> CONCLUSION_ORDER = Comparator
            .comparing(SanctuaryEngine::effectOf)
            .thenComparing(Conclusion::rule, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Conclusion::explanation, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Object::toString);

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
