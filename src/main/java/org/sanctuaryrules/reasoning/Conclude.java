package org.sanctuaryrules.reasoning;

import java.util.Map;

import org.kie.api.runtime.rule.RuleContext;
import org.sanctuaryrules.model.Act;

/**
 * What a rule's consequence calls to record its conclusion. Each method reads the provision id from the rule's
 * {@code @provision} metadata, so a rule states its citation once, in its header.
 */
public final class Conclude {
    private Conclude() {
    }

    public static Prohibition prohibit(RuleContext kcontext, Act act, String explanation) {
        return insert(kcontext, new Prohibition(act, name(kcontext), provision(kcontext), explanation));
    }

    /** Lifts a prohibition; the rule's {@code @lifts} must name the prohibition's rule. */
    public static Lifted lift(RuleContext kcontext, Prohibition prohibition, String explanation) {
        Object lifts = meta(kcontext).get("lifts");
        if (lifts == null || !lifts.toString().equals(prohibition.rule())) {
            throw new IllegalStateException("rule \"" + name(kcontext) + "\" lifts \"" + prohibition.rule()
                    + "\" but its @lifts names \"" + lifts + "\"");
        }
        return insert(kcontext, new Lifted(prohibition, name(kcontext), provision(kcontext), explanation));
    }

    public static Permitted permit(RuleContext kcontext, Act act, String explanation) {
        return insert(kcontext, new Permitted(act, name(kcontext), provision(kcontext), explanation));
    }

    /** The outcome depends on a fact the case does not give; {@code prohibition} is what the fact could lift, or null. */
    public static Unknown unknown(RuleContext kcontext, Act act, String fact, Prohibition prohibition,
                                  String explanation) {
        return insert(kcontext, new Unknown(act, fact, prohibition, name(kcontext), provision(kcontext), explanation));
    }

    public static Note note(RuleContext kcontext, Act act, String explanation) {
        return insert(kcontext, new Note(act, name(kcontext), provision(kcontext), explanation));
    }

    public static Established establish(RuleContext kcontext, Act act, Term term, String explanation) {
        return insert(kcontext, new Established(act, term, name(kcontext), provision(kcontext), explanation));
    }

    private static <T extends Conclusion> T insert(RuleContext kcontext, T conclusion) {
        kcontext.insertLogical(conclusion);
        return conclusion;
    }

    private static String name(RuleContext kcontext) {
        return kcontext.getRule().getName();
    }

    private static String provision(RuleContext kcontext) {
        Object id = meta(kcontext).get("provision");
        return id == null ? null : id.toString();
    }

    private static Map<String, Object> meta(RuleContext kcontext) {
        return kcontext.getRule().getMetaData();
    }
}
