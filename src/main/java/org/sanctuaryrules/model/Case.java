package org.sanctuaryrules.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A case to assess: the person it is about and the acts of city agencies to judge.
 *
 * @param id     a stable name for the case
 * @param date   the case's date; each act carries its own date, which decides the law that applies to it
 * @param person the person the acts are about
 * @param acts   the acts, at least one
 */
public record Case(String id, LocalDate date, Person person, List<Act> acts) {
    public Case {
        Objects.requireNonNull(id, "id");
        person = person == null ? Person.unknown() : person;
        acts = List.copyOf(acts);
        if (acts.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one act");
        }
    }
}
