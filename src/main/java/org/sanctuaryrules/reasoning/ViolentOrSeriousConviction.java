package org.sanctuaryrules.reasoning;

import org.kie.api.runtime.rule.RuleContext;
import org.sanctuaryrules.model.Conviction;

/** A conviction that counts as a conviction for a violent or serious crime, before the look-back is applied. */
public record ViolentOrSeriousConviction(Conviction conviction, String rule) {

    /** Records, for as long as the calling rule's conditions hold, that the conviction counts. */
    public static ViolentOrSeriousConviction of(RuleContext kcontext, Conviction conviction) {
        ViolentOrSeriousConviction v = new ViolentOrSeriousConviction(conviction, kcontext.getRule().getName());
        kcontext.insertLogical(v);
        return v;
    }
}
