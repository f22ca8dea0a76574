package org.sanctuaryrules.internal.report;

import java.util.List;

import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.internal.workbench.ExplainedCase;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ActNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ExceptionNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.NotInForce;
import org.sanctuaryrules.internal.workbench.ExplainedCase.ProhibitionNode;
import org.sanctuaryrules.internal.workbench.ExplainedCase.Step;

/** The output of {@code explain}: the reasoning as an indented tree, or the same tree as JSON. */
public final class ExplainReport {
    private static final String INDENT = "  ";

    /**
     * What would settle each act of a case (the decision service's {@code POST /v1/settle}), with the rule set that
     * judged it, in the keys of {@link #json}.
     */
    public String settlementJson(String ruleSetOrigin, String ruleSetVersion, java.time.LocalDate asOf,
                                 org.sanctuaryrules.settle.Settlement settlement) {
        return new JsonWriter().write(new SettlementJson(new RuleSetJson(ruleSetOrigin, ruleSetVersion), asOf,
                settlement.caseId(), settlement.acts()));
    }

    private record SettlementJson(RuleSetJson ruleSet, java.time.LocalDate asOf, String id,
                                  List<org.sanctuaryrules.settle.ActSettlement> acts) {
    }

    private record RuleSetJson(String origin, String version) {
    }

    public String json(ExplainedCase explained) {
        return new JsonWriter().document(explained.ruleSetOrigin(), explained.ruleSetVersion(), explained,
                "rule_set_origin", "rule_set_version");
    }

    public String text(ExplainedCase c) {
        StringBuilder out = new StringBuilder();
        line(out, 0, "scenario " + c.id() + ": " + c.title());
        line(out, 0, "file: " + c.file());
        line(out, 0, "rules: " + c.ruleSetOrigin() + " (version " + c.ruleSetVersion() + ")");
        out.append("law applied: ").append(c.asOf() == null ? "as in force on each act's date" : "as of " + c.asOf())
                .append('\n');
        out.append("verdict: ").append(c.verdict()).append('\n');
        for (ActNode act : c.acts()) {
            out.append('\n');
            act(out, act);
        }
        return out.toString();
    }

    private void act(StringBuilder out, ActNode act) {
        line(out, 0, "act " + act.id() + " — " + act.agency() + " " + act.kind() + ", law of " + act.date() + ": "
                + act.verdict());
        line(out, 1, "decided by:");
        if (act.decidedBy().isEmpty()) {
            line(out, 2, "(no finding: no rule prohibits, permits or questions this act)");
        }
        act.decidedBy().forEach(s -> step(out, 2, s));
        if (!act.prohibitions().isEmpty()) {
            line(out, 1, "prohibitions and their exceptions:");
            act.prohibitions().forEach(p -> prohibition(out, p));
        }
        if (!act.missingFacts().isEmpty()) {
            line(out, 1, "missing facts: " + String.join(", ", act.missingFacts()));
        }
        SettleText.lines(act.settle()).forEach(l -> line(out, 1, l));
        if (act.policy() != PolicyOutcome.NOT_ADDRESSED) {
            // Department orders bind a department's members; their outcome never moves the legal verdict.
            line(out, 1, "department policy (not law): " + act.policy());
            act.policyDecidedBy().forEach(st -> step(out, 2, st));
            if (!act.policyMissingFacts().isEmpty()) {
                line(out, 2, "missing facts: " + String.join(", ", act.policyMissingFacts()));
            }
        }
        if (!act.otherFindings().isEmpty()) {
            line(out, 1, "other findings:");
            act.otherFindings().forEach(s -> step(out, 2, s));
        }
        if (!act.notInForce().isEmpty()) {
            line(out, 1, "not in force on " + act.date() + " (matched, did not fire):");
            for (NotInForce n : act.notInForce()) {
                line(out, 2, quote(n.rule()) + "  " + n.place() + "  [" + n.provision() + ", " + n.inForce() + "]");
            }
        }
        if (!act.notes().isEmpty()) {
            line(out, 1, "interpretation notes:");
            act.notes().forEach(n -> line(out, 2, "- " + n.replaceAll("\\s+", " ")));
        }
    }

    private void prohibition(StringBuilder out, ProhibitionNode p) {
        Step s = p.prohibition();
        line(out, 2, quote(s.rule()) + "  " + s.place() + "  → " + switch (p.outcome()) {
            case LIFTED -> "LIFTED by an exception";
            case STANDS -> "STANDS: no exception lifted it";
            case OPEN -> "OPEN: a missing fact could lift it";
        });
        provision(out, 3, s);
        matched(out, 3, s);
        if (p.exceptions().isEmpty()) {
            line(out, 3, "no rule names it in @lifts: it has no exception in the rule set");
        }
        for (ExceptionNode e : p.exceptions()) {
            line(out, 3, "exception " + quote(e.rule()) + "  " + e.place() + "  → " + e.status().replace('_', ' '));
            line(out, 4, e.why());
            if (e.lifted() != null) {
                line(out, 4, "why: " + e.lifted().explanation());
                matched(out, 4, e.lifted());
            }
            list(out, 4, "conditions:", e.conditions());
            list(out, 4, "terms the conditions name:", e.terms());
            list(out, 4, "facts the conditions read:", e.factsRead());
            if (!e.openFacts().isEmpty()) {
                line(out, 4, "open:");
                e.openFacts().forEach(o -> line(out, 5, o.explanation() + "  (" + quote(o.rule()) + " " + o.place() + ")"));
            }
        }
        for (Step o : p.open()) {
            line(out, 3, "open: " + o.explanation() + "  (" + quote(o.rule()) + " " + o.place() + ")");
        }
    }

    private void step(StringBuilder out, int depth, Step s) {
        line(out, depth, s.effect() + "  " + quote(s.rule()) + "  " + s.place());
        provision(out, depth + 1, s);
        line(out, depth + 1, "why: " + s.explanation());
        matched(out, depth + 1, s);
    }

    private void provision(StringBuilder out, int depth, Step s) {
        line(out, depth, "provision: " + (s.provision() == null ? "(none cited)"
                : s.provision() + (s.citation() == null ? "" : " — " + s.citation())));
    }

    private void matched(StringBuilder out, int depth, Step s) {
        list(out, depth, "matched:", s.matched());
    }

    private void list(StringBuilder out, int depth, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        line(out, depth, title);
        items.forEach(i -> line(out, depth + 1, i));
    }

    /** Every line of the tree goes through here: text from the rule files stays on its one line. */
    private static void line(StringBuilder out, int depth, String text) {
        out.append(INDENT.repeat(depth)).append(PrintableText.oneLine(text)).append('\n');
    }

    private static String quote(String rule) {
        return "\"" + rule + "\"";
    }
}
