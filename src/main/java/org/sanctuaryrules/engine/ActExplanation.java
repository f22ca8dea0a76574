package org.sanctuaryrules.engine;

import java.util.List;

import org.sanctuaryrules.model.Act;

/**
 * An act's assessment with the reasoning behind it.
 *
 * @param fired       every rule firing, in the order the rules fired
 * @param blocked     matches of rules whose provision was not in force on the date the law was taken from
 * @param conclusions what stayed in working memory at the end: conclusions, established and undetermined terms
 */
public record ActExplanation(Act act, ActAssessment assessment, List<Firing> fired, List<Firing> blocked,
                             List<Object> conclusions) {
    public ActExplanation {
        fired = List.copyOf(fired);
        blocked = List.copyOf(blocked);
        conclusions = List.copyOf(conclusions);
    }
}
