package org.sanctuaryrules.reasoning;

import org.sanctuaryrules.model.Act;

/**
 * A defined term can be neither established nor ruled out, because a fact is missing. An exception that needs the
 * term turns this into an {@link Unknown} tied to the prohibition it could lift.
 *
 * @param fact the missing fact, named as a scenario field
 */
public record Undetermined(Act act, Term term, String fact, String rule, String explanation) {
    public static Undetermined of(org.kie.api.runtime.rule.RuleContext kcontext, Act act, Term term, String fact,
                                  String explanation) {
        Undetermined u = new Undetermined(act, term, fact, kcontext.getRule().getName(), explanation);
        kcontext.insertLogical(u);
        return u;
    }
}
