package org.sanctuaryrules.internal.workbench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.Request;
import org.sanctuaryrules.reasoning.Conclusion;
import org.sanctuaryrules.reasoning.Established;
import org.sanctuaryrules.reasoning.PossibleViolentOrSeriousConviction;
import org.sanctuaryrules.reasoning.Undetermined;
import org.sanctuaryrules.reasoning.ViolentOrSeriousConviction;

/**
 * Describes facts in one line each for an explanation. Free-text descriptions of people, acts and convictions are
 * never shown: they may hold personal data, and the rules do not read them.
 */
final class FactText {
    /** Record components never shown. */
    private static final Set<String> PRIVATE = Set.of("description");

    private FactText() {
    }

    static String describe(Object fact) {
        if (fact instanceof Act a) {
            return "act " + a.id() + " (" + a.agency() + ", " + a.kind() + ", " + a.date() + ")";
        }
        if (fact instanceof Person p) {
            return "person (roles: " + (p.roles().isEmpty() ? "none given" : sorted(p.roles()))
                    + "; convictions: " + (p.convictions() == null ? "not known" : p.convictions().size())
                    + "; terrorist screening match: " + known(p.terroristScreeningMatch())
                    + "; re-entered after removal: " + known(p.reenteredAfterRemoval()) + ")";
        }
        if (fact instanceof Conviction c) {
            return "conviction " + c.offense() + " (" + c.jurisdiction() + ", " + known(c.level())
                    + ", judgment " + known(c.judgmentDate()) + ", incarcerated " + known(c.incarcerated()) + ")";
        }
        if (fact instanceof ViolentOrSeriousConviction v) {
            return "violent or serious " + describe(v.conviction()) + " (by \"" + v.rule() + "\")";
        }
        if (fact instanceof PossibleViolentOrSeriousConviction v) {
            return "possibly violent or serious " + describe(v.conviction()) + ", needs " + v.fact() + " (by \"" + v.rule() + "\")";
        }
        if (fact instanceof Established e) {
            return "established " + e.term() + " (by \"" + e.rule() + "\")";
        }
        if (fact instanceof Undetermined u) {
            return "undetermined " + u.term() + ", needs " + u.fact() + " (by \"" + u.rule() + "\")";
        }
        if (fact instanceof Conclusion c) {
            return c.getClass().getSimpleName().toLowerCase() + " by \"" + c.rule() + "\"";
        }
        if (fact instanceof Request r) {
            return "request from " + r.requester() + " with " + (r.instruments().isEmpty() ? "no instrument"
                    : sorted(r.instruments()));
        }
        return fact.getClass().getSimpleName();
    }

    /**
     * The value of a field of an act or person, as a condition reads it, or null if the record has no such
     * field or the field is private.
     */
    static String field(Record fact, String name) {
        if (PRIVATE.contains(name)) {
            return null;
        }
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    Object value = c.getAccessor().invoke(fact);
                    if (value instanceof Collection<?> list && name.equals("convictions")) {
                        return list.size() + " given";
                    }
                    return value instanceof Collection<?> col ? sorted(col) : known(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String known(Object value) {
        return value == null ? "not known" : value.toString();
    }

    private static String sorted(Collection<?> values) {
        return values.isEmpty() ? "[]" : values.stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
