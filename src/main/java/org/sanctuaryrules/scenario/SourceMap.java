package org.sanctuaryrules.scenario;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.internal.text.YamlLineBreaks;
import org.sanctuaryrules.internal.text.YamlPlaces;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where each key and list item of a scenario file was written. Built by streaming the YAML tokens once, so errors
 * found after binding (a missing field, a duplicate act id) can still point at a line.
 */
final class SourceMap {
    /** A 1-based line and column; {@link #UNKNOWN} when no place is known. */
    public record Location(int line, int column) {
        public static final Location UNKNOWN = new Location(0, 0);
    }

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    private final Map<FieldPath, Location> locations;
    private final Set<FieldPath> keys;

    private SourceMap(Map<FieldPath, Location> locations, Set<FieldPath> keys) {
        this.locations = Collections.unmodifiableMap(locations);
        this.keys = Collections.unmodifiableSet(keys);
    }

    /** A map that knows no places; every lookup answers {@link Location#UNKNOWN}. */
    public static SourceMap empty() {
        return new SourceMap(Map.of(), Set.of());
    }

    /** Where the field was written, or where its nearest written parent was. */
    public Location locate(FieldPath path) {
        for (FieldPath p = path; ; p = p.parent()) {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isRoot()) {
                return Location.UNKNOWN;
            }
        }
    }

    /** Whether the file wrote this field (as a key or list item), even with an empty value. */
    public boolean written(FieldPath path) {
        return locations.containsKey(path);
    }

    /** Every key the file wrote, in file order. */
    Set<FieldPath> keys() {
        return keys;
    }

    /** One level of nesting being read: a mapping (with its current key) or a list (with its item count). */
    private static final class Level {
        final FieldPath path;
        final boolean list;
        String key;
        int items;

        Level(FieldPath path, boolean list) {
            this.path = path;
            this.list = list;
        }

        FieldPath nextValue() {
            return list ? path.index(items++) : path.key(key);
        }
    }

    /**
     * Reads the YAML text once. Anything that makes the file unreadable as one scenario document — a syntax error,
     * a repeated key, an alias, a second document, nesting that is too deep — is added to {@code problems}.
     */
    static SourceMap scan(String file, String text, JsonFactory factory, int maxDepth, List<Problem> problems) {
        return scan(file, text, factory, maxDepth, problems, FieldPath.ROOT);
    }

    /**
     * Reads YAML text that is one value of a scenario rather than a whole file (a records search typed as an answer):
     * its places are recorded under {@code base} ({@code person.convictions[0].level}), and it may be any YAML value.
     * With {@code base} the root, the text must be a scenario document, as {@link #scan(String, String, JsonFactory,
     * int, List)} reads it.
     */
    static SourceMap scan(String file, String text, JsonFactory factory, int maxDepth, List<Problem> problems,
                          FieldPath base) {
        boolean document = base.isRoot();
        Map<FieldPath, Location> locations = new LinkedHashMap<>();
        Set<FieldPath> keys = new LinkedHashSet<>();
        Deque<Level> levels = new ArrayDeque<>();
        int documents = 0;
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Location at = locationOf(parser.currentTokenLocation());
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    problems.add(problem(file, at, levels.isEmpty() ? base : levels.peek().nextValue(),
                            "aliases (*" + parser.getText() + ") are not allowed in scenario files; write the value out"));
                    break;
                }
                if (token == JsonToken.FIELD_NAME) {
                    Level level = levels.peek();
                    level.key = parser.currentName();
                    FieldPath key = level.path.key(level.key);
                    locations.putIfAbsent(key, at);
                    keys.add(key);
                    hiddenBreak(file, at, key, level.key, problems);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    levels.pop();
                    continue;
                }
                FieldPath value;
                if (levels.isEmpty()) {
                    if (++documents > 1) {
                        problems.add(problem(file, at, FieldPath.ROOT, "a second YAML document starts here; "
                                + "a scenario file holds exactly one scenario, so put each in a file of its own"));
                        break;
                    }
                    if (document && token != JsonToken.START_OBJECT) {
                        problems.add(problem(file, at, FieldPath.ROOT, "a scenario file must be a mapping of keys "
                                + "(id:, title:, source:, date:, acts:, …), not " + YamlPlaces.describe(token)));
                        break;
                    }
                    value = base;
                } else {
                    value = levels.peek().nextValue();
                }
                locations.putIfAbsent(value, at);
                if (token == JsonToken.VALUE_STRING) {
                    hiddenBreak(file, at, value, parser.getText(), problems);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (levels.size() >= maxDepth) {
                        problems.add(problem(file, at, value, "nested more than " + maxDepth
                                + " levels deep; a scenario needs far fewer"));
                        break;
                    }
                    levels.push(new Level(value, token == JsonToken.START_ARRAY));
                }
            }
            if (document && documents == 0 && problems.isEmpty()) {
                problems.add(Problem.error(file, 0, 0, "",
                        "the file is empty; a scenario needs at least id, title, source, date and acts"));
            }
        } catch (StreamConstraintsException e) {
            problems.add(problem(file, locationOf(e.getLocation()), FieldPath.ROOT,
                    "nested too deeply; a scenario needs far fewer levels"));
        } catch (JsonProcessingException e) {
            YamlPlaces.Unreadable unreadable = YamlPlaces.unreadable(e, text);
            problems.add(unreadable != null ? Problem.error(file, unreadable.line(), unreadable.column(), "",
                    unreadable.message()) : syntaxProblem(file, e, levels));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML signals some limits (such as the size limit) with unchecked exceptions.
            problems.add(Problem.error(file, 0, 0, "", "cannot read the YAML: " + e.getMessage()));
        }
        return new SourceMap(locations, keys);
    }

    /** A line or paragraph separator left in a key or value (see {@link YamlLineBreaks}). */
    private static void hiddenBreak(String file, Location at, FieldPath field, String text, List<Problem> problems) {
        String codePoint = YamlLineBreaks.firstIn(text);
        if (codePoint != null) {
            problems.add(problem(file, at, field, YamlLineBreaks.problem(codePoint)));
        }
    }

    private static Problem syntaxProblem(String file, JsonProcessingException e, Deque<Level> levels) {
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            FieldPath key = levels.isEmpty() ? FieldPath.of(duplicate.group(1)) : levels.peek().path.key(duplicate.group(1));
            return problem(file, locationOf(e.getLocation()), key,
                    "the key '" + duplicate.group(1) + "' appears twice here; keep only one");
        }
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            Location at = mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
            String problem = marked.getProblem() == null ? "" : marked.getProblem();
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return Problem.error(file, at.line(), at.column(), fieldBeingRead(levels).toString(),
                    "not valid YAML: " + context + problem);
        }
        Location at = locationOf(e.getLocation());
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Expected a field name")) {
            message = "a key must be a plain name (like id: or acts:), not a list or mapping";
        }
        return Problem.error(file, at.line(), at.column(), "", "not valid YAML: " + message);
    }

    /** The field the parser was inside when it gave up: the open list, or the mapping's current key. */
    private static FieldPath fieldBeingRead(Deque<Level> levels) {
        Level level = levels.peek();
        if (level == null) {
            return FieldPath.ROOT;
        }
        return level.list || level.key == null ? level.path : level.path.key(level.key);
    }

    private static Problem problem(String file, Location at, FieldPath field, String message) {
        return Problem.error(file, at.line(), at.column(), field.toString(), message);
    }

    static Location locationOf(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Location.UNKNOWN;
        }
        return new Location(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }
}
