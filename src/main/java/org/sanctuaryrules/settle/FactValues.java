package org.sanctuaryrules.settle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.internal.text.NearestName;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.LawSource;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.scenario.ScenarioLoader;

/**
 * The values of a missing fact as a scenario file writes them ({@code true}, {@code criminal_investigation},
 * {@code 2024-02-28}, {@code [victim]}), and the reverse: reading an answer typed in an interview. A records search
 * ({@code person.convictions}) is shown in words (the settle table's representatives) and answered with the records
 * themselves, in YAML as the file holds them, read by {@link ScenarioLoader#readConvictions} so that an answer means
 * what the same text in the file would.
 */
final class FactValues {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Reads a records search as a scenario file would; thread-safe and holds no state of its own. */
    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private FactValues() {
    }

    /** The scenario key the fact is written under, within its mapping: {@code record_sealed}. */
    static String key(Fact fact) {
        String field = fact.field();
        return field.substring(field.lastIndexOf('.') + 1);
    }

    /** The value as a scenario file writes it, or in words where a file cannot hold it as one value. */
    static String text(Fact fact, Object value) {
        if (value == Fact.NOT_INCARCERATED) {
            return "never";
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(v -> text(fact, v)).sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[] (searched, none found)";
            }
            return list.stream().map(v -> v instanceof Conviction c ? conviction(c) : String.valueOf(v))
                    .collect(Collectors.joining("; ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String conviction(Conviction c) {
        return c.offense() + " " + text(null, c.level()) + ", judgment " + c.judgmentDate()
                + (c.releaseDate() != null ? ", released " + c.releaseDate() : ", never incarcerated");
    }

    /**
     * What an answer may be, for the prompt: {@code true, false} or {@code a date (YYYY-MM-DD)}.
     *
     * @param judgedBy for a records search and a judgment date: the date no judgment may be after (the case's earliest
     *                 act); null for the act's own date
     */
    static String allowed(Fact fact, Situation s, LocalDate judgedBy) {
        return switch (fact.component()) {
            case "holdHours" -> "a whole number of hours (0 or more)";
            case "currentArrestDate" -> "a date (YYYY-MM-DD), not after " + s.act().date();
            case "judgmentDate" -> "a date (YYYY-MM-DD), not after "
                    + (judgedBy != null && judgedBy.isBefore(s.act().date()) ? judgedBy : s.act().date());
            case "releaseDate" -> "a date (YYYY-MM-DD), or never (not incarcerated for it)";
            case "roles" -> "one or more of " + names(PersonRole.values()) + ", separated by commas";
            case "convictions" -> "none or [] (searched, nothing found), or the records found, written as the file "
                    + "writes them: {offense: \"160.15\", level: felony, judgment_date: " + judgedBy.minusYears(1)
                    + "}, several as [{…}, {…}]; keys: offense (required), jurisdiction, level, "
                    + "predicate_felony_equivalent, youthful_offender, sealed, judgment_date (not after " + judgedBy
                    + "), release_date, incarcerated, description";
            default -> String.join(", ", choices(fact, s));
        };
    }

    /** The values an answer picks from, for a fact with a fixed list; empty for dates, numbers and role lists. */
    static List<String> choices(Fact fact, Situation s) {
        return switch (fact.component()) {
            case "purpose" -> Arrays.stream(Purpose.values()).filter(p -> p != Purpose.UNKNOWN)
                    .map(p -> text(fact, p)).toList();
            case "requiredBy" -> names(LawSource.values());
            case "level" -> names(OffenseLevel.values());
            case "holdHours", "currentArrestDate", "judgmentDate", "releaseDate", "roles", "convictions" -> List.of();
            default -> List.of("true", "false");
        };
    }

    /**
     * Reads a typed answer for the fact.
     *
     * @param judgedBy for a records search and a judgment date: the date no judgment may be after (the case's earliest
     *                 act)
     * @throws IllegalArgumentException saying what is allowed, when the answer is not a value of the fact
     */
    static Object parse(Fact fact, Situation s, String answer, LocalDate judgedBy) {
        String a = answer.strip();
        String lower = a.toLowerCase(Locale.ROOT);
        switch (fact.component()) {
            case "convictions":
                try {
                    return LOADER.readConvictions(a, judgedBy);
                } catch (IllegalArgumentException e) {
                    // The loader's message names the record's field, says what it takes, and never quotes the answer.
                    throw new IllegalArgumentException("the answer for " + fact.field() + ": " + e.getMessage());
                }
            case "holdHours":
                try {
                    int hours = Integer.parseInt(a);
                    if (hours < 0 || hours > 100_000) {
                        throw new NumberFormatException();
                    }
                    return hours;
                } catch (NumberFormatException e) {
                    throw refused(fact, s, "is not a whole number of hours");
                }
            case "currentArrestDate":
                return date(fact, s, a);
            case "judgmentDate": {
                LocalDate d = date(fact, s, a);
                // The file's loader checks a judgment against every act, so an answer must too, or it cannot be
                // written back.
                if (judgedBy != null && d.isAfter(judgedBy)) {
                    throw new IllegalArgumentException("the answer for " + fact.field() + " is after the case's "
                            + "earliest act; a conviction judged after an act cannot count for it; allowed: "
                            + allowed(fact, s, judgedBy));
                }
                return d;
            }
            case "releaseDate":
                if (lower.equals("never")) {
                    return Fact.NOT_INCARCERATED;
                }
                return date(fact, s, a);
            case "roles": {
                Set<PersonRole> roles = new LinkedHashSet<>();
                for (String part : lower.replace("[", "").replace("]", "").split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        roles.add(PersonRole.valueOf(one(fact, s, part, names(PersonRole.values())).toUpperCase(Locale.ROOT)));
                    }
                }
                if (roles.isEmpty()) {
                    throw refused(fact, s, "names no role");
                }
                return Set.copyOf(roles);
            }
            case "purpose":
                return Purpose.valueOf(one(fact, s, lower, choices(fact, s)).toUpperCase(Locale.ROOT));
            case "requiredBy":
                return LawSource.valueOf(one(fact, s, lower, choices(fact, s)).toUpperCase(Locale.ROOT));
            case "level":
                return OffenseLevel.valueOf(one(fact, s, lower, choices(fact, s)).toUpperCase(Locale.ROOT));
            default:
                return Boolean.valueOf(one(fact, s, lower, choices(fact, s)));
        }
    }

    private static String one(Fact fact, Situation s, String answer, List<String> allowed) {
        if (allowed.contains(answer)) {
            return answer;
        }
        // Never quote what was typed back (it may be personal data); suggest the nearest allowed value instead.
        throw refused(fact, s, "is not one of the allowed values" + NearestName.suggestion(answer, allowed));
    }

    private static LocalDate date(Fact fact, Situation s, String answer) {
        LocalDate d;
        try {
            d = LocalDate.parse(answer);
        } catch (DateTimeParseException e) {
            throw refused(fact, s, "is not a date written YYYY-MM-DD");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(s.act().date())) {
            throw refused(fact, s, "is outside 1900-01-01 to the act's date " + s.act().date());
        }
        return d;
    }

    private static IllegalArgumentException refused(Fact fact, Situation s, String why) {
        return new IllegalArgumentException("the answer for " + fact.field() + " " + why + "; allowed: "
                + allowed(fact, s, null));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
