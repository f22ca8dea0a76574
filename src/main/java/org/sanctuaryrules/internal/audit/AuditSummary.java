package org.sanctuaryrules.internal.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Agency;

/**
 * Counts over a whole audit, in memory bounded by the rule set (agencies, verdicts, provisions), not by the log: the
 * worst cases are kept in a bounded heap. Fed by one thread at a time (the pipeline's ordered writer).
 */
public final class AuditSummary {
    /** How many worst cases the summary lists. */
    static final int WORST = 10;
    /** Violations before indeterminate acts; among equals, more decisive provisions first, then the earlier line. */
    static final Comparator<AuditedAct> WORST_FIRST = Comparator.comparing(AuditedAct::verdict).reversed()
            .thenComparing(Comparator.comparingInt((AuditedAct a) -> a.provisions().size()).reversed())
            .thenComparingLong(AuditedAct::line);

    private long lines;
    private long skipped;
    private long acts;
    private final Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
    private final Map<Agency, Map<Verdict, Long>> byAgency = new EnumMap<>(Agency.class);
    private final Map<String, Long> byProvision = new TreeMap<>();
    /** The best of the kept worst cases on top, so it is the one dropped when a worse one comes. */
    private final PriorityQueue<AuditedAct> worst = new PriorityQueue<>(WORST_FIRST.reversed());

    void add(LineOutcome outcome) {
        lines++;
        if (outcome.isSkipped()) {
            skipped++;
            return;
        }
        for (AuditedAct act : outcome.acts()) {
            acts++;
            byVerdict.merge(act.verdict(), 1L, Long::sum);
            byAgency.computeIfAbsent(act.agency(), a -> new EnumMap<>(Verdict.class)).merge(act.verdict(), 1L, Long::sum);
            act.provisions().forEach(p -> byProvision.merge(p, 1L, Long::sum));
            if (act.verdict() != Verdict.COMPLIANT) {
                worst.add(act);
                if (worst.size() > WORST) {
                    worst.poll();
                }
            }
        }
    }

    public long lines() {
        return lines;
    }

    public long skipped() {
        return skipped;
    }

    public long acts() {
        return acts;
    }

    public long count(Verdict verdict) {
        return byVerdict.getOrDefault(verdict, 0L);
    }

    public long count(Agency agency, Verdict verdict) {
        return byAgency.getOrDefault(agency, Map.of()).getOrDefault(verdict, 0L);
    }

    /** Acts whose verdict each provision decided. */
    public Map<String, Long> byProvision() {
        return Map.copyOf(byProvision);
    }

    /** The worst acts, worst first. */
    public List<AuditedAct> worst() {
        List<AuditedAct> list = new ArrayList<>(worst);
        list.sort(WORST_FIRST);
        return list;
    }

    public void print(PrintWriter out, String rulesVersion) {
        out.printf("audit: %,d lines, %,d acts judged, %,d lines skipped (rules %s)%n", lines, acts, skipped, rulesVersion);
        out.println("by verdict:");
        for (Verdict v : Verdict.values()) {
            out.printf("  %-14s %,12d%n", v, count(v));
        }
        out.printf("by agency:          %12s %12s %12s%n", "COMPLIANT", "INDETERMINATE", "VIOLATION");
        for (Agency a : byAgency.keySet()) {
            out.printf("  %-17s %,12d %,12d %,12d%n", a, count(a, Verdict.COMPLIANT), count(a, Verdict.INDETERMINATE),
                    count(a, Verdict.VIOLATION));
        }
        out.println("by decisive provision (acts):");
        byProvision.forEach((p, n) -> out.printf("  %-24s %,12d%n", p, n));
        out.println("worst cases:");
        for (AuditedAct a : worst()) {
            out.printf("  line %,d act %s: %s %s%n", a.line(), a.act(), a.verdict(), a.provisions());
        }
    }
}
