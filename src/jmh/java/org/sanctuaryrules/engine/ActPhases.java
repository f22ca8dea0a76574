package org.sanctuaryrules.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.sanctuaryrules.bench.Fixtures;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.reasoning.Conclusion;

/**
 * Where the CPU time of one act goes between the two halves of a pooled session's work, measured directly rather
 * than sampled: judging (inserting the person and the act, firing the rules, collecting the conclusions) and
 * emptying the session for the next act (deleting them, which withdraws every conclusion). It replays {@link
 * SanctuaryEngine}'s pooled path on the rule set's knowledge base (its sessions and teardown are the engine's own), without the
 * engine's resolution step and time budget, and prints the engine's own {@code assess} beside it. The rule set is
 * the shipped one, or the rule directories given as arguments, one after another: given a directory with only some
 * of the rule files, it measures what the act costs when only those rules are in the knowledge base. Issue 15's
 * stage 5 in {@code docs/performance.md} used it:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath) org.sanctuaryrules.engine.ActPhases [rule-dir ...]
 * </pre>
 *
 * In this package because the engine's sessions and teardown are not public.
 */
public final class ActPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 15;
    private static final int ACTS_PER_ROUND = 2_000;

    private ActPhases() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sources = args.length == 0 ? List.of("shipped") : List.of(args);
        Case aCase = Fixtures.detainerCase();
        for (String source : sources) {
            RuleSet rules = source.equals("shipped") ? RuleSet.shipped() : RuleSet.fromDirectory(Path.of(source));
            SanctuaryEngine engine = SanctuaryEngine.of(rules);
            System.out.printf("%s: %d rules, verdict %s%n", source, rules.rules().size(),
                    engine.assess(aCase).acts().get(0).verdict());
            double[] assess = new double[ROUNDS];
            double[] judging = new double[ROUNDS];
            double[] emptying = new double[ROUNDS];
            long conclusionsPerAct = 0;
            KieSession session = engine.newSession().session(); // as the engine makes them: globals, budget listener
            try {
                for (int pass = 0; pass < 2; pass++) { // the first pass warms up
                    for (int r = 0; r < ROUNDS; r++) {
                        long start = THREADS.getCurrentThreadCpuTime();
                        for (int i = 0; i < ACTS_PER_ROUND; i++) {
                            engine.assess(aCase);
                        }
                        assess[r] = perAct(THREADS.getCurrentThreadCpuTime() - start);
                        long[] tally = new long[3]; // judging ns, emptying ns, conclusions
                        for (int i = 0; i < ACTS_PER_ROUND; i++) {
                            judgeAndEmpty(session, aCase, rules, tally);
                        }
                        judging[r] = perAct(tally[0]);
                        emptying[r] = perAct(tally[1]);
                        conclusionsPerAct = tally[2] / ACTS_PER_ROUND;
                    }
                }
            } finally {
                session.dispose();
            }
            System.out.printf("  assess (engine, whole act)   median %6.1f us CPU, best %6.1f%n", median(assess), best(assess));
            System.out.printf("  judging: insert, fire, collect median %6.1f us CPU, best %6.1f%n", median(judging), best(judging));
            System.out.printf("  emptying: delete, withdraw    median %6.1f us CPU, best %6.1f%n", median(emptying), best(emptying));
            System.out.printf("  conclusions per act           %d%n", conclusionsPerAct);
        }
    }

    /** One act on a reused session as the engine's pooled path does it; adds each half's CPU nanoseconds. */
    private static void judgeAndEmpty(KieSession session, Case aCase, RuleSet rules, long[] tally) {
        Act act = aCase.acts().get(0);
        LocalDate date = act.date();
        AgendaFilter inForce = match -> {
            Object id = match.getRule().getMetaData().get("provision");
            return id == null || rules.provisions().inForce(id.toString(), date);
        };
        long start = THREADS.getCurrentThreadCpuTime();
        FactHandle person = session.insert(aCase.person());
        FactHandle actHandle = session.insert(act);
        session.fireAllRules(inForce);
        List<Object> conclusions = new ArrayList<>(session.getObjects(o -> o instanceof Conclusion));
        long judged = THREADS.getCurrentThreadCpuTime();
        boolean reusable = SanctuaryEngine.emptied(session, person, actHandle);
        long emptied = THREADS.getCurrentThreadCpuTime();
        if (!reusable) {
            throw new IllegalStateException("the session was not left empty");
        }
        tally[0] += judged - start;
        tally[1] += emptied - judged;
        tally[2] += conclusions.size();
    }

    private static double perAct(long nanos) {
        return nanos / 1000.0 / ACTS_PER_ROUND;
    }

    private static double median(double[] rounds) {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double best(double[] rounds) {
        return Arrays.stream(rounds).min().orElseThrow();
    }
}
