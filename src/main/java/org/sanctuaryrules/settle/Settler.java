package org.sanctuaryrules.settle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.sanctuaryrules.internal.completion.Completions;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;

/**
 * What would settle each act of a case: for an INDETERMINATE act, a settle table (which values of the missing facts
 * give which verdict); for a VIOLATION, the changes to facts in the agency's control that would make it COMPLIANT.
 * Everything is computed by judging completions of the act with the engine, never written by hand.
 *
 * <pre>{@code
 * Settler settler = new Settler(SanctuaryEngine.shipped());
 * for (ActSettlement act : settler.settle(aCase).acts()) {
 *     act.lines().forEach(line -> System.out.println(line.conditions() + " -> " + line.verdict()));
 * }
 * }</pre>
 *
 * <p><b>The table.</b> The act's completions (every way of filling in its missing facts, or a seeded sample when
 * there are more than {@link SettleLimits#completions()}) are judged. If they all give one verdict, that is a line.
 * Otherwise the table splits on the most decisive missing fact — the one whose value tells most about the verdict
 * among those completions (information gain), the engine's named facts first among equals — and goes on under each
 * value. Where every completion is judged, every order of splitting is tried on those judgments and the table with
 * the fewest lines (then conditions) is kept, the most decisive first among equals; a sampled table keeps the greedy
 * order. Values that lead to the same outcome are one line ("purpose is one of …"). Facts are filled in the order
 * completions fill them (a records search before the dates it anchors), so the lines never overlap and together cover
 * every completion.
 *
 * <p><b>In the agency's control</b>, for paths to compliance: the instruments it insists on before acting (a judicial
 * warrant, a judicial order, criminal process), approvals inside the city (privacy officer, NYPD Legal Bureau),
 * acting under an agreement or not, holding no more than 48 hours, leaving an item out of what it gives, the purpose
 * it acts for, and the recipient. Not the person's facts, not whether a record is sealed or a court ordered its
 * release, not what a law requires, and not the requester. Paths are tried with one change, then two, up to
 * {@link SettleLimits#changes()}; a path's COMPLIANT is checked against the changed act's completions.
 *
 * <p><b>Bounds.</b> Each act is settled within {@link SettleLimits#time()} and {@link SettleLimits#judgments()}
 * judgments (plus the judgment under way when the bound is reached). Where a bound stops it, the line is
 * {@link SettleLine.Basis#OPEN} and names the facts that matter most, and {@link ActSettlement#bounded()} is true.
 *
 * <p>Thread-safe: a Settler holds no state of its own besides the engine (which is thread-safe) and its limits;
 * every call works on its own. Results repeat: samples are seeded by the act. A rule that fails while a completion is
 * judged ends the call with what {@link SanctuaryEngine#assess} throws (a {@code RuleLimitException}, say).
 */
public final class Settler {
    /** Paths to compliance reported at most. */
    static final int PATHS = 5;
    /** Completions judged to check that a path's COMPLIANT holds whatever the changed act's missing facts are. */
    private static final int PATH_CHECK = 32;

    private final SanctuaryEngine engine;
    private final SettleLimits limits;

    public Settler(SanctuaryEngine engine) {
        this(engine, SettleLimits.DEFAULT);
    }

    public Settler(SanctuaryEngine engine, SettleLimits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SettleLimits limits() {
        return limits;
    }

    /** Settles every act of the case by the law in force on each act's date. */
    public Settlement settle(Case aCase) {
        return settle(aCase, null);
    }

    /** Settles every act of the case by the law in force on {@code asOf} (each act's own date if null). */
    public Settlement settle(Case aCase, LocalDate asOf) {
        List<ActSettlement> acts = new ArrayList<>();
        for (Act act : aCase.acts()) {
            acts.add(settleAct(new Situation(aCase.person(), act), asOf));
        }
        return new Settlement(aCase.id(), acts);
    }

    /** Settles one act with the case's person; each act is judged on its own. */
    ActSettlement settleAct(Situation s, LocalDate asOf) {
        Work work = new Work(engine, asOf, limits);
        Work.Judged given = work.judge(s);
        return switch (given.verdict()) {
            case COMPLIANT -> new ActSettlement(s.act().id(), Verdict.COMPLIANT, List.of(), List.of(),
                    "compliant as given: nothing to settle", false, work.judgments());
            case INDETERMINATE -> table(s, work);
            case VIOLATION -> toCompliance(s, given, work);
        };
    }

    /** The decision tree of an act, for the interview: over the missing facts {@code allowed} accepts. */
    Tree.Node tree(Situation s, LocalDate asOf, Predicate<Fact> allowed) {
        return new Work(engine, asOf, limits).tree(s, allowed, seed(s));
    }

    private static long seed(Situation s) {
        return s.act().id().hashCode();
    }

    private ActSettlement table(Situation s, Work work) {
        Tree.Node root = work.tree(s, f -> true, seed(s));
        List<SettleLine> lines = Tree.lines(root);
        String note;
        if (lines.size() == 1 && lines.get(0).basis() != SettleLine.Basis.OPEN) {
            SettleLine only = lines.get(0);
            note = only.verdict() == Verdict.INDETERMINATE
                    ? "no fact settles it: the act turns on law that is not encoded"
                    : "every completion judged gives " + only.verdict() + ": the missing facts named do not change it";
        } else if (work.bounded()) {
            note = "bounded: stopped at a limit; open lines name the facts that matter most";
        } else {
            note = "each line from judging the completions that meet it";
        }
        return new ActSettlement(s.act().id(), Verdict.INDETERMINATE, lines, List.of(), note, work.bounded(),
                work.judgments());
    }

    private ActSettlement toCompliance(Situation s, Work.Judged given, Work work) {
        List<ControlledFacts.Candidate> candidates = ControlledFacts.of(s);
        List<CompliancePath> found = new ArrayList<>();
        List<Set<Integer>> foundSets = new ArrayList<>();
        List<CompliancePath> nearest = new ArrayList<>();
        List<Set<Integer>> nearestSets = new ArrayList<>();
        List<List<Integer>> layer = new ArrayList<>();
        layer.add(List.of());
        for (int size = 1; size <= limits.changes() && found.size() < PATHS / 2 + 1 && !work.spent(); size++) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> base : layer) {
                int from = base.isEmpty() ? 0 : base.get(base.size() - 1) + 1;
                for (int i = from; i < candidates.size() && found.size() < PATHS && !work.spent(); i++) {
                    List<Integer> set = new ArrayList<>(base);
                    set.add(i);
                    if (!distinctDimensions(candidates, set) || containsFound(foundSets, set)) {
                        continue;
                    }
                    Situation changed = s;
                    for (int c : set) {
                        changed = candidates.get(c).apply().apply(changed);
                    }
                    Work.Judged j = work.judge(changed);
                    List<Change> changes = set.stream().map(c -> candidates.get(c).change()).toList();
                    if (j.verdict() == Verdict.COMPLIANT && holds(changed, work)) {
                        found.add(new CompliancePath(changes, Verdict.COMPLIANT, j.provisions(), j.citations(), List.of()));
                        foundSets.add(new HashSet<>(set));
                    } else {
                        if (j.verdict() == Verdict.INDETERMINATE && nearest.size() < 3
                                && !containsFound(nearestSets, set)) {
                            nearest.add(new CompliancePath(changes, Verdict.INDETERMINATE, j.provisions(),
                                    j.citations(), j.missingFacts()));
                            nearestSets.add(new HashSet<>(set));
                        }
                        next.add(set);
                    }
                }
            }
            layer = next;
        }
        String stands = given.citations().isEmpty() ? "" : "; what stands: " + String.join("; ", given.citations());
        if (!found.isEmpty()) {
            return new ActSettlement(s.act().id(), Verdict.VIOLATION, List.of(), found,
                    "changes in the agency's control that would make it COMPLIANT, fewest first", work.bounded(),
                    work.judgments());
        }
        String note = work.bounded()
                ? "no path to compliance found before a limit stopped the search, after " + work.judgments()
                        + " judgments (more time or judgments may find one)" + stands
                : "nothing in the agency's control would make it COMPLIANT (" + ControlledFacts.inWords() + ")" + stands
                        + (nearest.isEmpty() ? "" : "; the nearest changes leave it INDETERMINATE");
        return new ActSettlement(s.act().id(), Verdict.VIOLATION, List.of(), nearest, note, work.bounded(),
                work.judgments());
    }

    /** Whether the changed act is COMPLIANT in every one of a sample of its completions, not only as given. */
    private static boolean holds(Situation changed, Work work) {
        for (Situation c : Completions.of(changed, PATH_CHECK, seed(changed))) {
            if (work.spent()) {
                return true; // the engine's verdict stands: it promises to hold for every completion
            }
            if (work.judge(c).verdict() != Verdict.COMPLIANT) {
                return false;
            }
        }
        return true;
    }

    private static boolean distinctDimensions(List<ControlledFacts.Candidate> candidates, List<Integer> set) {
        Set<String> seen = new LinkedHashSet<>();
        for (int c : set) {
            if (!seen.add(candidates.get(c).dimension())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsFound(List<Set<Integer>> found, List<Integer> set) {
        return found.stream().anyMatch(set::containsAll);
    }
}
