package org.sanctuaryrules.internal.completion;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.LawSource;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Request;
import org.sanctuaryrules.model.Requester;

/**
 * A fact of a situation that a case may leave out, named as the scenario field the engine names when it is missing
 * ({@code acts[].record_sealed}, {@code person.convictions[].judgment_date}), with the values it could take.
 *
 * <p>The values are what a completion tries. Booleans and enums take every value; dates, hour counts and conviction
 * lists take representatives chosen to fall on each side of every line the law draws (the five-year look-back, the
 * 48-hour hold), see {@link #values(Situation)}. A presumption the rules are entitled to make narrows the values:
 * a request from ICE Enforcement and Removal Operations with no purpose stated or found serves civil immigration
 * enforcement (digest § 2), so its only value is that one; so does a request that comes with an immigration detainer
 * or an administrative (I-200/I-205) warrant, instruments of civil immigration enforcement that say what they ask for
 * (digest § 2; the rules establish immigration enforcement from them when no purpose is found). A New York conviction's level is not a fact of its own:
 * the Penal Law section decides it (every listed section defines a felony), so completions do not vary it.
 *
 * @param where      whose field it is
 * @param component  the model record's component
 * @param conviction for {@link Where#CONVICTION}, the index in {@code person.convictions}; otherwise -1
 */
public record Fact(Where where, String component, int conviction) {
    /** The record a fact lives on. */
    public enum Where { ACT, PERSON, CONVICTION }

    /** The value of a conviction's release date that says the person was never incarcerated for it. */
    public static final Object NOT_INCARCERATED = new Object() {
        @Override
        public String toString() {
            return "never incarcerated";
        }
    };

    /** Hours of hold the completions try: none, the most § 14-154(b)(2) allows, and more. */
    static final List<Object> HOLD_HOURS = List.of(0, 48, 72);

    /** The act's and the person's facts, in the order of their components: the same for every situation. */
    private static final List<Fact> ACT_AND_PERSON_FACTS = actAndPersonFacts();
    /** The components of a conviction that are facts of their own, in order. */
    private static final List<String> CONVICTION_FACTS = convictionFacts();

    private static List<Fact> actAndPersonFacts() {
        List<Fact> facts = new ArrayList<>();
        for (RecordComponent c : RecordCopy.components(Act.class)) {
            if (c.getType() == Boolean.class || Set.of("holdHours", "purpose", "requiredBy").contains(c.getName())) {
                facts.add(new Fact(Where.ACT, c.getName(), -1));
            }
        }
        for (RecordComponent c : RecordCopy.components(Person.class)) {
            if (c.getType() == Boolean.class || Set.of("roles", "convictions", "currentArrestDate").contains(c.getName())) {
                facts.add(new Fact(Where.PERSON, c.getName(), -1));
            }
        }
        return List.copyOf(facts);
    }

    private static List<String> convictionFacts() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : RecordCopy.components(Conviction.class)) {
            if (c.getName().equals("incarcerated")) {
                continue; // one fact with the release date: "never incarcerated" is one of its values
            }
            if (c.getType() == Boolean.class || Set.of("level", "judgmentDate", "releaseDate").contains(c.getName())) {
                names.add(c.getName());
            }
        }
        return List.copyOf(names);
    }

    /** The facts of a situation that completions can fill in, known or not. */
    public static List<Fact> all(Situation s) {
        List<Conviction> convictions = s.person().convictions();
        if (convictions == null || convictions.isEmpty()) {
            return ACT_AND_PERSON_FACTS;
        }
        List<Fact> facts = new ArrayList<>(ACT_AND_PERSON_FACTS);
        for (int i = 0; i < convictions.size(); i++) {
            boolean newYork = convictions.get(i).jurisdiction() == Jurisdiction.NEW_YORK;
            for (String name : CONVICTION_FACTS) {
                if (name.equals("predicateFelonyEquivalent") && newYork) {
                    continue; // only a federal or other-state conviction is measured against Penal Law § 70.06
                }
                if (name.equals("level") && newYork) {
                    continue; // a Penal Law section carries its grade: a listed section is a felony whatever the file says
                }
                facts.add(new Fact(Where.CONVICTION, name, i));
            }
        }
        return facts;
    }

    /** The facts the situation leaves out. */
    public static List<Fact> missing(Situation s) {
        return all(s).stream().filter(f -> f.missingIn(s)).toList();
    }

    /** The facts the situation gives. */
    public static List<Fact> given(Situation s) {
        return all(s).stream().filter(f -> !f.missingIn(s) && f.value(s) != null).toList();
    }

    /** The scenario field, as the engine names a missing fact. */
    public String field() {
        String snake = snake(component);
        return switch (where) {
            case ACT -> "acts[]." + snake;
            case PERSON -> "person." + snake;
            case CONVICTION -> "person.convictions[]." + snake;
        };
    }

    public Object value(Situation s) {
        return switch (where) {
            case ACT -> component.equals("purpose") ? s.act().effectivePurpose() : RecordCopy.get(s.act(), component);
            case PERSON -> RecordCopy.get(s.person(), component);
            case CONVICTION -> {
                Conviction c = s.person().convictions().get(conviction);
                if (component.equals("releaseDate")) {
                    yield Boolean.FALSE.equals(c.incarcerated()) ? NOT_INCARCERATED : c.releaseDate();
                }
                yield RecordCopy.get(c, component);
            }
        };
    }

    public boolean missingIn(Situation s) {
        if (where == Where.ACT && component.equals("requiredBy")) {
            return Boolean.TRUE.equals(s.act().requiredByLaw()) && s.act().requiredBy() == null;
        }
        if (where == Where.CONVICTION && component.equals("releaseDate")) {
            return s.person().convictions().get(conviction).releaseUnknown();
        }
        Object v = value(s);
        return v == null || v == Purpose.UNKNOWN || (component.equals("roles") && ((Set<?>) v).isEmpty());
    }

    /** The situation with this fact set to {@code value}. */
    public Situation with(Situation s, Object value) {
        return switch (where) {
            case ACT -> new Situation(s.person(), RecordCopy.with(s.act(), component, value));
            case PERSON -> new Situation(RecordCopy.with(s.person(), component, value), s.act());
            case CONVICTION -> {
                List<Conviction> list = new ArrayList<>(s.person().convictions());
                Conviction c = list.get(conviction);
                if (component.equals("releaseDate")) {
                    // Incarceration first: the record rejects a release date beside "never incarcerated".
                    Boolean incarcerated = value == NOT_INCARCERATED ? Boolean.FALSE : value == null ? null : Boolean.TRUE;
                    c = RecordCopy.with(RecordCopy.with(c, "releaseDate", null), "incarcerated", incarcerated);
                    list.set(conviction, value instanceof LocalDate ? RecordCopy.with(c, "releaseDate", value) : c);
                } else {
                    list.set(conviction, RecordCopy.with(c, component, value));
                }
                yield new Situation(RecordCopy.with(s.person(), "convictions", list), s.act());
            }
        };
    }

    /** The situation with this fact left out. For the purpose, both the finding and the request's statement go. */
    public Situation without(Situation s) {
        if (where == Where.ACT && component.equals("purpose")) {
            Request r = s.act().request();
            Act act = RecordCopy.with(s.act(), "purpose", Purpose.UNKNOWN);
            return new Situation(s.person(), RecordCopy.with(act, "request",
                    new Request(r.requester(), r.instruments(), Purpose.UNKNOWN)));
        }
        if (component.equals("roles")) {
            return with(s, Set.of());
        }
        if (where == Where.CONVICTION && component.equals("releaseDate")) {
            return with(s, null);
        }
        return with(s, null);
    }

    /** The values a completion tries for this fact, given the rest of the situation. */
    public List<Object> values(Situation s) {
        LocalDate actDate = s.act().date();
        switch (component) {
            case "purpose":
                if (s.act().request().requester() == Requester.ICE_ERO
                        || s.act().presents(Instrument.DETAINER) || s.act().presents(Instrument.ADMINISTRATIVE_WARRANT)) {
                    return List.of(Purpose.CIVIL_IMMIGRATION_ENFORCEMENT);
                }
                return Arrays.stream(Purpose.values()).filter(p -> p != Purpose.UNKNOWN).map(p -> (Object) p).toList();
            case "holdHours":
                return HOLD_HOURS;
            case "requiredBy":
                return List.of(LawSource.values());
            case "roles":
                return Arrays.stream(PersonRole.values()).map(r -> (Object) Set.of(r)).toList();
            case "level":
                // A conviction that would be a predicate felony is a felony (the loader refuses anything else).
                return Boolean.TRUE.equals(s.person().convictions().get(conviction).predicateFelonyEquivalent())
                        ? List.of(OffenseLevel.FELONY) : List.of(OffenseLevel.values());
            case "predicateFelonyEquivalent": {
                OffenseLevel level = s.person().convictions().get(conviction).level();
                return level == null || level == OffenseLevel.FELONY ? List.of(Boolean.TRUE, Boolean.FALSE)
                        : List.of(Boolean.FALSE);
            }
            case "convictions":
                return Representatives.convictionLists(arrestOrActDate(s));
            case "currentArrestDate":
                return arrestDates(s);
            case "judgmentDate":
                return judgmentDates(s);
            case "releaseDate":
                return releaseDates(s);
            default:
                return List.of(Boolean.TRUE, Boolean.FALSE);
        }
    }

    private static LocalDate arrestOrActDate(Situation s) {
        LocalDate arrest = s.person().currentArrestDate();
        return arrest != null ? arrest : s.act().date();
    }

    /** The act's own date, and for every dated conviction the days on each side of its look-back and its judgment. */
    private static List<Object> arrestDates(Situation s) {
        LocalDate actDate = s.act().date();
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(actDate);
        for (Conviction c : s.person().convictions() == null ? List.<Conviction>of() : s.person().convictions()) {
            if (c.judgmentDate() == null) {
                continue;
            }
            LocalDate free = c.releaseDate() != null && c.releaseDate().isAfter(c.judgmentDate())
                    ? c.releaseDate() : c.judgmentDate();
            dates.add(c.judgmentDate().minusDays(1));
            dates.add(free.plusYears(1));
            dates.add(free.plusYears(5).plusDays(1));
        }
        return dates.stream().filter(d -> !d.isAfter(actDate)).map(d -> (Object) d).toList();
    }

    /** A year and ten years before the arrest, and the day after it if that is not after the act. */
    private List<Object> judgmentDates(Situation s) {
        LocalDate arrest = arrestOrActDate(s);
        List<Object> dates = new ArrayList<>(List.of(arrest.minusYears(1), arrest.minusYears(10)));
        if (arrest.plusDays(1).isBefore(s.act().date()) || arrest.plusDays(1).equals(s.act().date())) {
            dates.add(arrest.plusDays(1));
        }
        return dates;
    }

    /**
     * Never incarcerated (unless the record says it was), released the day after the judgment, and released a year
     * before the arrest: time inside that does or does not carry an old judgment into the look-back.
     */
    private List<Object> releaseDates(Situation s) {
        Conviction c = s.person().convictions().get(conviction);
        LocalDate arrest = arrestOrActDate(s);
        List<Object> values = new ArrayList<>();
        if (!Boolean.TRUE.equals(c.incarcerated())) {
            values.add(NOT_INCARCERATED);
        }
        LocalDate judgment = c.judgmentDate() != null ? c.judgmentDate() : arrest.minusYears(10);
        values.add(judgment.plusDays(1));
        if (arrest.minusYears(1).isAfter(judgment.plusDays(1))) {
            values.add(arrest.minusYears(1));
        }
        return values;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return where == Where.CONVICTION ? field().replace("[]", "[" + conviction + "]") : field();
    }
}
