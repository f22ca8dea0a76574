package org.sanctuaryrules.reasoning;

import org.kie.api.runtime.rule.RuleContext;
import org.sanctuaryrules.model.Conviction;

/**
 * A conviction that would be a conviction for a violent or serious crime for some value of a fact the case does not
 * give (its subdivision, its predicate-felony status, a section the offense text does not name), before the
 * look-back is applied.
 *
 * @param fact        the missing fact, named as a scenario field
 * @param explanation what is missing, for the finding that needs it
 */
public record PossibleViolentOrSeriousConviction(Conviction conviction, String fact, String rule, String explanation) {

    /** Records, for as long as the calling rule's conditions hold, that the conviction may count. */
    public static PossibleViolentOrSeriousConviction of(RuleContext kcontext, Conviction conviction, String fact,
                                                        String explanation) {
        PossibleViolentOrSeriousConviction p = new PossibleViolentOrSeriousConviction(conviction, fact,
                kcontext.getRule().getName(), explanation);
        kcontext.insertLogical(p);
        return p;
    }
}
