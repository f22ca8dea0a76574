package org.sanctuaryrules.settle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.engine.Verdict;

/** The decision tree a settle table is read from: each split a missing fact, each leaf a verdict. */
final class Tree {
    private Tree() {
    }

    sealed interface Node permits Leaf, Split, Open {
    }

    /**
     * Every completion judged here gives {@code verdict}.
     *
     * @param all whether these were all the completions (not a sample)
     */
    record Leaf(Verdict verdict, List<String> provisions, List<String> citations, boolean all, int completions,
                List<String> laws) implements Node {
    }

    /** The verdict turns on {@code fact}: one branch per group of its values that lead to the same outcome. */
    record Split(Fact fact, List<Branch> branches) implements Node {
    }

    record Branch(List<Object> values, Node node) {
    }

    /**
     * A bound was reached here before the completions were all judged. {@code verdict} is the engine's verdict on the
     * partial situation (which the engine promises holds for every completion unless it is INDETERMINATE); the facts
     * that matter most come most decisive first.
     */
    record Open(Verdict verdict, List<String> provisions, List<String> citations, List<Fact> mattersMost)
            implements Node {
    }

    /** Whether two subtrees give the same verdicts under the same conditions (their citations may differ). */
    static boolean same(Node a, Node b) {
        if (a instanceof Leaf x && b instanceof Leaf y) {
            return x.verdict() == y.verdict() && x.laws().equals(y.laws());
        }
        if (a instanceof Split x && b instanceof Split y) {
            if (!x.fact().equals(y.fact()) || x.branches().size() != y.branches().size()) {
                return false;
            }
            for (int i = 0; i < x.branches().size(); i++) {
                Branch p = x.branches().get(i);
                Branch q = y.branches().get(i);
                if (!p.values().equals(q.values()) || !same(p.node(), q.node())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Two subtrees that are {@link #same} as one: counts added, citations joined. */
    static Node combine(Node a, Node b) {
        if (a instanceof Leaf x && b instanceof Leaf y) {
            return new Leaf(x.verdict(), union(x.provisions(), y.provisions()), union(x.citations(), y.citations()),
                    x.all() && y.all(), x.completions() + y.completions(), x.laws());
        }
        Split x = (Split) a;
        Split y = (Split) b;
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < x.branches().size(); i++) {
            branches.add(new Branch(x.branches().get(i).values(),
                    combine(x.branches().get(i).node(), y.branches().get(i).node())));
        }
        return new Split(x.fact(), branches);
    }

    /**
     * A split on {@code fact} with the values that lead to the same outcome grouped into one branch; the subtree
     * itself when every value leads to the same outcome (the fact does not matter here).
     */
    static Node split(Fact fact, List<Object> values, List<Node> nodes) {
        List<List<Object>> groups = new ArrayList<>();
        List<Node> merged = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int found = -1;
            for (int g = 0; g < merged.size() && found < 0; g++) {
                if (same(merged.get(g), nodes.get(i))) {
                    found = g;
                }
            }
            if (found < 0) {
                groups.add(new ArrayList<>(List.of(values.get(i))));
                merged.add(nodes.get(i));
            } else {
                groups.get(found).add(values.get(i));
                merged.set(found, combine(merged.get(found), nodes.get(i)));
            }
        }
        if (merged.size() == 1) {
            return merged.get(0);
        }
        List<Branch> branches = new ArrayList<>();
        for (int g = 0; g < merged.size(); g++) {
            branches.add(new Branch(groups.get(g), merged.get(g)));
        }
        return new Split(fact, branches);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The conditions on the longest line. */
    static int depth(Node node) {
        if (node instanceof Split split) {
            return 1 + split.branches().stream().mapToInt(b -> depth(b.node())).max().orElse(0);
        }
        return 0;
    }

    /** The table's size: its lines, and the conditions on all its lines. */
    static int[] size(Node node) {
        int[] size = new int[2];
        size(node, 0, size);
        return size;
    }

    private static void size(Node node, int conditions, int[] size) {
        if (node instanceof Split split) {
            split.branches().forEach(b -> size(b.node(), conditions + 1, size));
        } else {
            size[0]++;
            size[1] += conditions;
        }
    }

    /** The lines of the table: one per leaf (or open end), with the conditions on the way to it. */
    static List<SettleLine> lines(Node root) {
        List<SettleLine> lines = new ArrayList<>();
        lines(root, new ArrayList<>(), lines);
        return lines;
    }

    private static void lines(Node node, List<Condition> path, List<SettleLine> out) {
        if (node instanceof Leaf leaf) {
            out.add(new SettleLine(path, leaf.verdict(), leaf.provisions(), leaf.citations(),
                    leaf.all() ? SettleLine.Basis.ALL_COMPLETIONS : SettleLine.Basis.SAMPLE, leaf.completions(),
                    leaf.laws()));
        } else if (node instanceof Open open) {
            out.add(new SettleLine(path, open.verdict(), open.provisions(), open.citations(), SettleLine.Basis.OPEN, 0,
                    open.mattersMost().stream().map(Fact::toString).toList()));
        } else {
            Split split = (Split) node;
            for (Branch b : split.branches()) {
                List<Condition> longer = new ArrayList<>(path);
                longer.add(condition(split.fact(), b.values()));
                lines(b.node(), longer, out);
            }
        }
    }

    static Condition condition(Fact fact, List<Object> values) {
        return new Condition(fact.field(), fact.toString(), values.stream().map(v -> FactValues.text(fact, v)).toList());
    }

    /** What a branch leads to, in a few words: {@code VIOLATION (CPL § 160.50)} or {@code then: acts[].court_order}. */
    static String leadsTo(Node node) {
        if (node instanceof Leaf leaf) {
            String cite = leaf.citations().isEmpty() ? "" : " (" + String.join("; ", leaf.citations()) + ")";
            return leaf.verdict() + cite;
        }
        if (node instanceof Open open) {
            if (open.verdict() != Verdict.INDETERMINATE) {
                return open.verdict() + " as the engine judges it (stopped at a limit before checking completions)";
            }
            return "still open; matters most: " + String.join(", ", open.mattersMost().stream().map(Fact::toString).toList());
        }
        Split split = (Split) node;
        return "then it turns on " + split.fact();
    }
}
