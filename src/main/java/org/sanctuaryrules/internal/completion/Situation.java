package org.sanctuaryrules.internal.completion;

import java.util.List;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Person;

/**
 * One act and the person it is about: what the engine judges in one session, and so the unit a completion fills in.
 * Acts of a case are judged independently, so an act's verdict depends on nothing else in its case.
 */
public record Situation(Person person, Act act) {
    public Situation {
        person = person == null ? Person.unknown() : person;
    }

    /** Every act of a case, each with the case's person. */
    public static List<Situation> of(Case aCase) {
        return aCase.acts().stream().map(a -> new Situation(aCase.person(), a)).toList();
    }

    /** A case holding only this act, to judge it. */
    public Case asCase(String caseId) {
        return new Case(caseId, act.date(), person, List.of(act));
    }
}
