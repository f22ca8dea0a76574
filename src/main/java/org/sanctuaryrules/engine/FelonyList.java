package org.sanctuaryrules.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The list of Penal Law felonies that are "violent or serious crimes" (Admin. Code § 9-131(a)(7), § 14-154(a)(6)),
 * read from {@code rules/violent-or-serious-felonies.csv}. Rules ask it through the {@code felonies} global.
 *
 * <p>File format (CSV, read with Apache Commons CSV: quoted cells, a UTF-8 byte-order mark and {@code #} comment
 * lines are fine): one section a line, {@code section,subdivisions,group}; {@code subdivisions} is empty when the
 * whole section is listed, otherwise space-separated subdivision paths such as {@code (4)} or {@code (2)(b)}, with
 * ranges written {@code (2)-(8)}. A first row {@code section,…} is a header. A list with no section is an error.
 *
 * <p>An offense is matched as a whole, never by finding a section somewhere inside it: {@code "160.15"},
 * {@code "PL 160.15"}, {@code "Penal Law § 265.02(3)"}, {@code "120.04-a(4)"}; an attempt is written
 * {@code "110/160.15"} or {@code "110.00/160.15"} and is classified {@link Listing#ATTEMPT}. Any other text is
 * {@link Listing#UNREADABLE}: the rules then ask for the section instead of reading it as "not listed".
 */
public final class FelonyList {
    public static final String FILE_NAME = "violent-or-serious-felonies.csv";

    /** How an offense stands against the list. */
    public enum Listing {
        LISTED,
        NOT_LISTED,
        /** The section is listed only for some subdivisions and the offense does not say which. */
        NEEDS_SUBDIVISION,
        /** An attempt (Penal Law § 110.00) to commit a listed felony, or one listed for some subdivisions. */
        ATTEMPT,
        /** Not written as a Penal Law section: whether it is listed cannot be read from it. */
        UNREADABLE
    }

    /** Optional "NY", "PL"/"Penal Law", "§"/"section"; an optional attempt prefix; the section; its subdivisions. */
    private static final Pattern OFFENSE = Pattern.compile(
            "(?:n\\.?y\\.?)?(?:p\\.?l\\.?|penallaw)?(?:§{1,2}|sec(?:tion|\\.)?)?"
                    + "(?<attempt>110(?:\\.00)?/)?"
                    + "(?<section>\\d{2,3}\\.\\d{2}(?:-[a-z])?)"
                    + "(?<subdivisions>(?:\\([0-9a-z]{1,4}\\))*)");
    /** Compiled once: four rules classify every conviction of every act, and {@code replaceAll} compiles per call. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SECTION = Pattern.compile("\\d{2,3}\\.\\d{2}(-[a-z])?");
    /** Longest line of the felony list accepted (the shipped lines are under 60 characters). */
    static final int MAX_LINE_CHARS = 1_000;
    private static final Pattern RANGE = Pattern.compile("\\((\\d+)\\)-\\((\\d+)\\)");
    private static final Pattern SUBDIVISION = Pattern.compile("(?:\\(\\w+\\))+");
    private static final Pattern CSV_START_LINE = Pattern.compile("startline (\\d+)");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    /** Section → allowed subdivision paths; an empty list means the whole section. */
    private final Map<String, List<String>> sections;

    private FelonyList(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    public int size() {
        return sections.size();
    }

    /** Whether the offense is written as a Penal Law section (or an attempt of one) that can be looked up. */
    public static boolean readable(String offense) {
        return offense != null && OFFENSE.matcher(normalized(offense)).matches();
    }

    /** Classifies a Penal Law offense such as {@code "160.15"}, {@code "PL 265.02(3)"} or {@code "110/120.05"}. */
    public Listing classify(String offense) {
        if (offense == null) {
            return Listing.UNREADABLE;
        }
        Matcher m = OFFENSE.matcher(normalized(offense));
        if (!m.matches()) {
            return Listing.UNREADABLE;
        }
        Listing listing = lookUp(m.group("section"), m.group("subdivisions"));
        return m.group("attempt") != null && listing != Listing.NOT_LISTED ? Listing.ATTEMPT : listing;
    }

    public boolean lists(String offense) {
        return classify(offense) == Listing.LISTED;
    }

    private Listing lookUp(String section, String given) {
        List<String> allowed = sections.get(section);
        if (allowed == null) {
            return Listing.NOT_LISTED;
        }
        if (allowed.isEmpty()) {
            return Listing.LISTED;
        }
        for (String a : allowed) {
            if (!given.isEmpty() && given.startsWith(a)) {
                return Listing.LISTED;
            }
            if (a.startsWith(given)) {
                return Listing.NEEDS_SUBDIVISION;
            }
        }
        return Listing.NOT_LISTED;
    }

    /** Spaces are not significant ("PL 265.02 (3)"); letters are compared in lower case. */
    private static String normalized(String offense) {
        return WHITESPACE.matcher(offense).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static FelonyList parse(String fileName, String csv, List<Problem> problems) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.split("\r?\n|\r", -1);
        Map<String, List<String>> sections = new HashMap<>();
        boolean first = true;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                String raw = line >= 1 && line <= lines.length ? lines[line - 1] : "";
                String section = record.get(0);
                if (first && section.equalsIgnoreCase("section")) {
                    first = false;
                    continue; // the header
                }
                first = false;
                // Bounded before any pattern reads it: a runaway cell must be an error, not a stack overflow.
                if (raw.length() > MAX_LINE_CHARS || record.stream().anyMatch(c -> c.length() > MAX_LINE_CHARS)) {
                    problems.add(Problem.error(fileName, line, 1, "subdivisions", "this line is longer than "
                            + MAX_LINE_CHARS + " characters; a felony line is a section, its subdivisions and a group"));
                    continue;
                }
                if (!SECTION.matcher(section).matches()) {
                    problems.add(Problem.error(fileName, line, 1, "section",
                            "'" + section + "' is not a Penal Law section like 160.15 or 120.04-a"));
                    continue;
                }
                List<String> allowed = subdivisions(record.size() > 1 ? record.get(1) : "", fileName, line, raw,
                        problems);
                if (sections.containsKey(section)) {
                    problems.add(Problem.warning(fileName, line, 1, "section", section + " is listed twice"));
                }
                sections.put(section, List.copyOf(allowed));
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            Matcher at = CSV_START_LINE.matcher(String.valueOf(e.getMessage()));
            int line = at.find() ? Integer.parseInt(at.group(1)) : 1;
            problems.add(Problem.error(fileName, line, 1, "section",
                    "this line is not valid CSV (an opening quote without its closing quote?)"));
            return new FelonyList(Map.copyOf(sections));
        }
        if (sections.isEmpty()) {
            problems.add(Problem.error(fileName, 1, 1, "section",
                    "the list has no felony sections: no conviction could ever count as a violent or serious crime;"
                            + " give one section a line, such as 160.15,,robbery"));
        }
        return new FelonyList(Map.copyOf(sections));
    }

    private static List<String> subdivisions(String cell, String fileName, int line, String raw, List<Problem> problems) {
        List<String> allowed = new ArrayList<>();
        for (String token : cell.isEmpty() ? new String[0] : cell.split("\\s+")) {
            int column = Math.max(raw.indexOf(token), 0) + 1;
            Matcher range = RANGE.matcher(token);
            if (range.matches()) {
                // Bounded so that a typo such as (2)-(80000000) is reported, not expanded.
                int from = range.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(range.group(1));
                int to = range.group(2).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(range.group(2));
                if (to == Integer.MAX_VALUE || from > to) {
                    problems.add(Problem.error(fileName, line, column, "subdivisions",
                            "'" + token + "' is not a range like (2)-(8): the first subdivision must come first"
                                    + " and subdivisions are numbered below 1000"));
                    continue;
                }
                for (int n = from; n <= to; n++) {
                    allowed.add("(" + n + ")");
                }
            } else if (SUBDIVISION.matcher(token).matches()) {
                allowed.add(token.toLowerCase(Locale.ROOT));
            } else {
                problems.add(Problem.error(fileName, line, column, "subdivisions",
                        "'" + token + "' is not a subdivision like (4), (2)(b) or (2)-(8)"));
            }
        }
        return allowed;
    }
}
