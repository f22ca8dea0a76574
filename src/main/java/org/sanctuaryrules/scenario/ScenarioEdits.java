package org.sanctuaryrules.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Jurisdiction;

/**
 * Sets one value in the text of a scenario file and keeps everything else as written — comments, order, spacing —
 * by editing the line where the key is (or adding a line to the mapping it belongs in). Only block-style mappings are
 * edited; a key inside a one-line {@code { … }} mapping, or a value already spread over lines, is refused
 * ({@link CannotEdit}), and the caller should re-read the result to check it ({@code interview} does). A new value may
 * be a block list (a records search, see {@link #convictionsValue}): it goes below its key, indented under it.
 */
public final class ScenarioEdits {
    /** Thrown when the value cannot be set by editing a line; the message says why. */
    public static final class CannotEdit extends Exception {
        public CannotEdit(String message) {
            super(message);
        }
    }

    private ScenarioEdits() {
    }

    /**
     * A records search as a scenario file writes it under {@code person.convictions}, for {@link #set}: {@code []}
     * when it found nothing, else a block list with one record per item and only the keys that say something
     * ({@code jurisdiction} when not New York, {@code incarcerated} when a release date does not imply it), so that
     * {@link ScenarioLoader} reads it back to these very records and later answers can be added to a record's lines.
     * Texts are written in double quotes, escaped.
     */
    public static String convictionsValue(List<Conviction> records) {
        if (records.isEmpty()) {
            return "[]";
        }
        List<String> lines = new ArrayList<>();
        for (Conviction c : records) {
            List<String> keys = new ArrayList<>();
            keys.add("offense: " + quoted(c.offense()));
            if (c.jurisdiction() != Jurisdiction.NEW_YORK) {
                keys.add("jurisdiction: " + name(c.jurisdiction()));
            }
            if (c.level() != null) {
                keys.add("level: " + name(c.level()));
            }
            if (c.predicateFelonyEquivalent() != null) {
                keys.add("predicate_felony_equivalent: " + c.predicateFelonyEquivalent());
            }
            if (c.youthfulOffender()) {
                keys.add("youthful_offender: true");
            }
            if (c.sealed()) {
                keys.add("sealed: true");
            }
            if (c.judgmentDate() != null) {
                keys.add("judgment_date: " + c.judgmentDate());
            }
            if (c.releaseDate() != null) {
                keys.add("release_date: " + c.releaseDate());
            } else if (c.incarcerated() != null) {
                keys.add("incarcerated: " + c.incarcerated());
            }
            if (c.description() != null) {
                keys.add("description: " + quoted(c.description()));
            }
            for (int i = 0; i < keys.size(); i++) {
                lines.add((i == 0 ? "- " : "  ") + keys.get(i));
            }
        }
        return String.join("\n", lines);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A JSON string, which YAML reads as a double-quoted scalar with the same escapes. */
    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /**
     * The text with {@code path} set to {@code value} (a value as a scenario writes it: {@code true}, {@code [victim]}).
     * A block list (a value starting {@code "- "}, lines separated by {@code \n}, as {@link #convictionsValue} gives)
     * is written below the key, two spaces further in.
     *
     * @param read the scenario {@link ScenarioLoader#parse} read from this very text (it knows where each key is)
     */
    public static String set(String text, Scenario read, FieldPath path, String value) throws CannotEdit {
        return set(text, read.sourceMap(), path, value);
    }

    static String set(String text, SourceMap map, FieldPath path, String value) throws CannotEdit {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        String key = String.valueOf(path.last());
        if (map.written(path)) {
            replace(lines, map.locate(path), key, value, path);
        } else {
            insert(lines, map, path, key, value);
        }
        return String.join(newline, lines);
    }

    private static void replace(List<String> lines, SourceMap.Location at, String key, String value, FieldPath path)
            throws CannotEdit {
        int row = at.line() - 1;
        int col = at.column() - 1;
        if (row < 0 || row >= lines.size() || col < 0 || col > lines.get(row).length()) {
            throw new CannotEdit(path + ": its place in the file is not known");
        }
        String line = lines.get(row);
        if (!line.substring(0, col).matches("[\\s-]*")) {
            throw new CannotEdit(path + " is inside a one-line mapping");
        }
        Matcher m = Pattern.compile("(" + Pattern.quote(key) + "\\s*:)\\s*([^#]*?)(\\s+#.*)?").matcher(line.substring(col));
        if (!m.matches()) {
            throw new CannotEdit(path + ": the line does not read 'key: value'");
        }
        String old = m.group(2);
        if (!old.isEmpty() && !old.equals("[]") && !old.equals("{}") && old.matches(".*[\\[{|>\"'].*")) {
            throw new CannotEdit(path + ": its value is not a plain one-line value");
        }
        if (old.isEmpty() && row + 1 < lines.size() && indent(nextContent(lines, row + 1)) > col) {
            throw new CannotEdit(path + ": its value is spread over the lines below");
        }
        String comment = m.group(3) == null ? "" : m.group(3);
        if (block(value)) {
            lines.set(row, line.substring(0, col) + m.group(1) + comment);
            lines.addAll(row + 1, below(col, value));
        } else {
            lines.set(row, line.substring(0, col) + m.group(1) + " " + value + comment);
        }
    }

    /** The key and its value as lines at column {@code col}: one line, or the key and the value's lines below it. */
    private static List<String> keyLines(int col, String key, String value) {
        if (!block(value)) {
            return List.of(" ".repeat(col) + key + ": " + value);
        }
        List<String> out = new ArrayList<>();
        out.add(" ".repeat(col) + key + ":");
        out.addAll(below(col, value));
        return out;
    }

    /** A block list ({@code - …} items, one or several lines): it cannot follow its key on the key's line. */
    private static boolean block(String value) {
        return value.startsWith("- ");
    }

    /** A block value's lines, each indented two spaces further than its key's column. */
    private static List<String> below(int col, String value) {
        return Arrays.stream(value.split("\n", -1)).map(l -> " ".repeat(col + 2) + l).toList();
    }

    private static void insert(List<String> lines, SourceMap map, FieldPath path, String key, String value)
            throws CannotEdit {
        FieldPath parent = path.parent();
        List<SourceMap.Location> siblings = map.keys().stream().filter(k -> k.parent().equals(parent))
                .map(map::locate).sorted(Comparator.comparingInt(SourceMap.Location::line)).toList();
        if (siblings.isEmpty()) {
            if (parent.equals(FieldPath.of("person")) && !map.written(parent)) {
                insertPerson(lines, map, key, value);
                return;
            }
            throw new CannotEdit(parent + " has no key written in block style to add " + key + " beside");
        }
        SourceMap.Location first = siblings.get(0);
        int row = first.line() - 1;
        int col = first.column() - 1;
        if (row < 0 || row >= lines.size() || col < 0 || !lines.get(row).substring(0, Math.min(col, lines.get(row).length()))
                .matches("[\\s-]*")) {
            throw new CannotEdit(parent + " is a one-line mapping");
        }
        // The mapping runs on while lines are indented at least as far as its keys (blank lines and comments aside).
        int end = row;
        for (int i = row + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            if (indent(l) < col) {
                break;
            }
            end = i;
        }
        lines.addAll(end + 1, keyLines(col, key, value));
    }

    /** A {@code person:} mapping where the file has none: before the first top-level key after the scenario's date. */
    private static void insertPerson(List<String> lines, SourceMap map, String key, String value) throws CannotEdit {
        SourceMap.Location before = null;
        for (String k : List.of("request", "acts", "expect")) {
            FieldPath p = FieldPath.of(k);
            if (map.written(p) && (before == null || map.locate(p).line() < before.line())) {
                before = map.locate(p);
            }
        }
        if (before == null || before.column() != 1) {
            throw new CannotEdit("the file has no top-level request, acts or expect key to put person before");
        }
        lines.add(before.line() - 1, "person:");
        lines.addAll(before.line(), keyLines(2, key, value));
    }

    private static String nextContent(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                return lines.get(i);
            }
        }
        return "";
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
