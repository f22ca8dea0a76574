package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list of Penal Law felonies that are "violent or serious crimes" (Admin. Code § 9-131(a)(7), § 14-154(a)(6)),
 * read from {@code rules/violent-or-serious-felonies.csv}. Rules ask it through the {@code felonies} global.
 *
 * <p>File format: one section a line, {@code section,subdivisions,group}; {@code subdivisions} is empty when the
 * whole section is listed, otherwise space-separated subdivision paths such as {@code (4)} or {@code (2)(b)}, with
 * ranges written {@code (2)-(8)}. Lines starting with {@code #} are comments.
 */
public final class FelonyList {
    public static final String FILE_NAME = "violent-or-serious-felonies.csv";

    /** How an offense stands against the list. */
    public enum Listing {
        LISTED,
        NOT_LISTED,
        /** The section is listed only for some subdivisions and the offense does not say which. */
        NEEDS_SUBDIVISION
    }

    private static final Pattern OFFENSE = Pattern.compile("(\\d{2,3}\\.\\d{2}(?:-[a-z])?)\\s*((?:\\(\\w+\\))*)");
    private static final Pattern RANGE = Pattern.compile("\\((\\d+)\\)-\\((\\d+)\\)");
    private static final Pattern SUBDIVISION = Pattern.compile("(?:\\(\\w+\\))+");

    /** Section → allowed subdivision paths; an empty list means the whole section. */
    private final Map<String, List<String>> sections;

    private FelonyList(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    public int size() {
        return sections.size();
    }

    /** Classifies a Penal Law offense such as {@code "160.15"}, {@code "PL 265.02(3)"} or {@code "120.04-a(4)"}. */
    public Listing classify(String offense) {
        if (offense == null) {
            return Listing.NOT_LISTED;
        }
        Matcher m = OFFENSE.matcher(offense.replace(" ", ""));
        if (!m.find()) {
            return Listing.NOT_LISTED;
        }
        List<String> allowed = sections.get(m.group(1));
        if (allowed == null) {
            return Listing.NOT_LISTED;
        }
        if (allowed.isEmpty()) {
            return Listing.LISTED;
        }
        String given = m.group(2);
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

    public boolean lists(String offense) {
        return classify(offense) == Listing.LISTED;
    }

    static FelonyList parse(String fileName, String csv, List<Problem> problems) {
        Map<String, List<String>> sections = new HashMap<>();
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("section,")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String section = cells[0].strip();
            if (!section.matches("\\d{2,3}\\.\\d{2}(-[a-z])?")) {
                problems.add(Problem.error(fileName, i + 1, 1, "section",
                        "'" + section + "' is not a Penal Law section like 160.15 or 120.04-a"));
                continue;
            }
            List<String> allowed = new ArrayList<>();
            String subdivisions = cells.length > 1 ? cells[1].strip() : "";
            for (String token : subdivisions.isEmpty() ? new String[0] : subdivisions.split("\\s+")) {
                Matcher range = RANGE.matcher(token);
                if (range.matches()) {
                    // Bounded so that a typo such as (2)-(80000000) is reported, not expanded.
                    int first = range.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(range.group(1));
                    int last = range.group(2).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(range.group(2));
                    if (last == Integer.MAX_VALUE || first > last) {
                        problems.add(Problem.error(fileName, i + 1, lines[i].indexOf(token) + 1, "subdivisions",
                                "'" + token + "' is not a range like (2)-(8): the first subdivision must come first"
                                        + " and subdivisions are numbered below 1000"));
                        continue;
                    }
                    for (int n = first; n <= last; n++) {
                        allowed.add("(" + n + ")");
                    }
                } else if (SUBDIVISION.matcher(token).matches()) {
                    allowed.add(token);
                } else {
                    problems.add(Problem.error(fileName, i + 1, lines[i].indexOf(token) + 1, "subdivisions",
                            "'" + token + "' is not a subdivision like (4), (2)(b) or (2)-(8)"));
                }
            }
            if (sections.containsKey(section)) {
                problems.add(Problem.warning(fileName, i + 1, 1, "section", section + " is listed twice"));
            }
            sections.put(section, List.copyOf(allowed));
        }
        return new FelonyList(Map.copyOf(sections));
    }
}
