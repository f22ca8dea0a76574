package org.sanctuaryrules.engine;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.internal.text.YamlLineBreaks;
import org.sanctuaryrules.internal.text.YamlPlaces;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code provisions.yaml} as strictly as scenario files are read: a list of provisions, each a mapping of known
 * keys with values of the right type — text for text, {@code YYYY-MM-DD} dates of 1900 – 2100 (not a number of days
 * since 1970, not a timestamp), {@code true}/{@code false} — in one YAML document, within size limits. Every problem
 * names the file, line and column. The YAML tokens are read one by one rather than bound to records, so that each
 * value keeps its place and a wrong one is reported where it was written.
 */
final class RegisterReader {
    /** Largest register accepted, in characters (the shipped one is 11 KB; see also {@link RuleSources#MAX_FILE_BYTES}). */
    static final int MAX_CHARS = RuleSources.MAX_FILE_BYTES;
    /** Longest id accepted. */
    static final int MAX_ID_CHARS = 100;
    /** Longest citation or title accepted. */
    static final int MAX_LINE_TEXT_CHARS = 1_000;
    /** Longest note accepted (the shipped notes are under 500 characters). */
    static final int MAX_NOTE_CHARS = 4_000;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final List<String> KEYS =
            List.of("id", "citation", "title", "from", "to", "unverified", "note", "binding", "scope");
    private static final List<String> SCOPE_KEYS = List.of("bodies", "purposes");
    private static final List<String> REQUIRED = List.of("id", "citation", "from");

    private final String file;
    private final List<Problem> problems;

    private RegisterReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The provisions of the register in file order; every problem is added to {@code problems}. */
    static List<Provision> read(String file, String text, List<Problem> problems) {
        return new RegisterReader(file, problems).read(text);
    }

    /** One entry as written, with where each part was. */
    private static final class Entry {
        final JsonLocation at;
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, JsonLocation> places = new LinkedHashMap<>();

        Entry(JsonLocation at) {
            this.at = at;
        }

        String text(String key) {
            return values.get(key) instanceof String s ? s : null;
        }

        LocalDate date(String key) {
            return values.get(key) instanceof LocalDate d ? d : null;
        }
    }

    private List<Provision> read(String text) {
        if (text.length() > MAX_CHARS) {
            problems.add(Problem.error(file, 0, 0, "", "the register is " + text.length()
                    + " characters; it is limited to " + MAX_CHARS / 1024 + " K characters"));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = factory().createParser(YamlLineBreaks.mask(text))) {
            readDocument(parser, entries);
        } catch (IOException | RuntimeException e) {
            YamlPlaces.Unreadable unreadable = YamlPlaces.unreadable(e, text);
            if (unreadable != null) {
                problems.add(Problem.error(file, unreadable.line(), unreadable.column(), "", unreadable.message()));
            } else if (e instanceof JsonProcessingException json) {
                problems.add(syntaxProblem(json));
            } else {
                problems.add(Problem.error(file, 0, 0, "", "cannot read the register: " + e.getClass().getSimpleName()));
            }
        }
        return provisions(entries);
    }

    private static YAMLFactory factory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(10);
        limits.setNestingDepthLimit(10);
        limits.setCodePointLimit(MAX_CHARS + 1);
        limits.setAllowRecursiveKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
    }

    private void readDocument(JsonParser parser, List<Entry> entries) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            problems.add(Problem.error(file, 0, 0, "", "the register is empty; list the provisions, one "
                    + "'- id: …' entry each"));
            return;
        }
        if (alias(parser, "")) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            error(parser.currentTokenLocation(), "", "the register must be a list of provisions ('- id: …' "
                    + "entries), not " + YamlPlaces.describe(token));
            return;
        }
        for (int i = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY; i++) {
            String field = "[" + i + "]";
            if (alias(parser, field)) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                error(parser.currentTokenLocation(), field, "a provision must be a mapping of keys ("
                        + String.join(", ", KEYS) + "), not " + YamlPlaces.describe(token));
                parser.skipChildren();
                continue;
            }
            Entry entry = new Entry(parser.currentTokenLocation());
            if (readEntry(parser, entry, field)) {
                return;
            }
            entries.add(entry);
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            error(parser.currentTokenLocation(), "", "a second YAML document starts here; the register is one list "
                    + "of provisions in one document");
        }
    }

    /** Reads one mapping; true if reading must stop (an alias). */
    private boolean readEntry(JsonParser parser, Entry entry, String field) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            JsonLocation at = parser.currentTokenLocation();
            String path = field + "." + key;
            if (alias(parser, path)) {
                return true;
            }
            if (!KEYS.contains(key)) {
                error(keyAt, path, "unknown key; the keys of a provision are: " + String.join(", ", KEYS));
                parser.skipChildren();
                continue;
            }
            entry.places.put(key, at);
            if (value == JsonToken.VALUE_NULL) {
                continue; // "to:" with nothing after it: not given
            }
            Object read = switch (key) {
                case "from", "to" -> date(parser, value, at, path);
                case "unverified" -> bool(parser, value, at, path);
                case "id" -> text(parser, value, at, path, MAX_ID_CHARS, false);
                case "note" -> text(parser, value, at, path, MAX_NOTE_CHARS, true);
                case "binding" -> enumValue(parser, value, at, path, Binding.class);
                case "scope" -> scope(parser, value, at, path);
                default -> text(parser, value, at, path, MAX_LINE_TEXT_CHARS, false);
            };
            if (read != null) {
                entry.values.put(key, read);
            }
        }
        return false;
    }

    /** One of an enum's values, written in lower case as everywhere else ({@code department_policy}). */
    private <E extends Enum<E>> E enumValue(JsonParser parser, JsonToken token, JsonLocation at, String path,
                                            Class<E> type) throws IOException {
        String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase())
                .collect(java.util.stream.Collectors.joining(", "));
        if (token != JsonToken.VALUE_STRING) {
            error(at, path, "expected one of: " + allowed + "; found " + YamlPlaces.describe(token));
            parser.skipChildren();
            return null;
        }
        for (E c : type.getEnumConstants()) {
            if (c.name().toLowerCase().equals(parser.getText())) {
                return c;
            }
        }
        error(at, path, "is not allowed here; use one of: " + allowed);
        return null;
    }

    /** {@code scope: { bodies: [ice_hsi, fbi], purposes: [criminal_investigation] }} of an executive order. */
    private OrderScope scope(JsonParser parser, JsonToken token, JsonLocation at, String path) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            error(at, path, "expected a mapping with bodies and purposes, found " + YamlPlaces.describe(token));
            parser.skipChildren();
            return null;
        }
        java.util.Set<org.sanctuaryrules.model.Requester> bodies = new java.util.LinkedHashSet<>();
        java.util.Set<org.sanctuaryrules.model.Purpose> purposes = new java.util.LinkedHashSet<>();
        boolean ok = true;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken v = parser.nextToken();
            String field = path + "." + key;
            if (!SCOPE_KEYS.contains(key)) {
                error(keyAt, field, "unknown key; the keys of a scope are: " + String.join(", ", SCOPE_KEYS));
                parser.skipChildren();
                ok = false;
                continue;
            }
            if (v != JsonToken.START_ARRAY) {
                error(parser.currentTokenLocation(), field, "expected a list, found " + YamlPlaces.describe(v));
                parser.skipChildren();
                ok = false;
                continue;
            }
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                JsonLocation itemAt = parser.currentTokenLocation();
                Object read = key.equals("bodies")
                        ? enumValue(parser, item, itemAt, field, org.sanctuaryrules.model.Requester.class)
                        : enumValue(parser, item, itemAt, field, org.sanctuaryrules.model.Purpose.class);
                if (read instanceof org.sanctuaryrules.model.Requester r) {
                    bodies.add(r);
                } else if (read instanceof org.sanctuaryrules.model.Purpose p) {
                    purposes.add(p);
                } else {
                    ok = false;
                }
            }
        }
        return ok ? new OrderScope(bodies, purposes) : null;
    }

    private LocalDate date(JsonParser parser, JsonToken token, JsonLocation at, String path) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            error(at, path, "expected a date written YYYY-MM-DD, found " + YamlPlaces.describe(token)
                    + (token == JsonToken.VALUE_NUMBER_INT ? " (a number is not read as a date)" : ""));
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            error(at, path, "is not a date; write YYYY-MM-DD (no time of day), for example 2014-12-14");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            error(at, path, "is not a real calendar date; check the day and month (YYYY-MM-DD)");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            error(at, path, "is outside " + EARLIEST.getYear() + "–" + LATEST.getYear() + "; check the year");
            return null;
        }
        return date;
    }

    private Boolean bool(JsonParser parser, JsonToken token, JsonLocation at, String path) throws IOException {
        if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
                && (parser.getText().equals("true") || parser.getText().equals("false"))) {
            return token == JsonToken.VALUE_TRUE;
        }
        error(at, path, "expected true or false, found " + YamlPlaces.describe(token));
        parser.skipChildren();
        return null;
    }

    private String text(JsonParser parser, JsonToken token, JsonLocation at, String path, int maxChars,
                        boolean multiLine) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            error(at, path, "expected a single text value, found " + YamlPlaces.describe(token)
                    + (token.isNumeric() || token.isBoolean() ? " (quote it)" : ""));
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        if (text.length() > maxChars) {
            error(at, path, "is " + text.length() + " characters long; at most " + maxChars + " are allowed here");
            return null;
        }
        String masked = YamlLineBreaks.firstIn(text);
        if (masked != null) {
            error(at, path, YamlLineBreaks.problem(masked));
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\t';
            if ((lineBreak && !multiLine) || (!lineBreak && PrintableText.isHidden(c))) {
                error(at, path, "contains the control character U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + "; write plain text");
                return null;
            }
        }
        return text.isBlank() ? null : text.strip();
    }

    private List<Provision> provisions(List<Entry> entries) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        List<Provision> provisions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String field = "[" + i + "]";
            List<String> missing = REQUIRED.stream().filter(k -> !e.places.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                error(e.at, field, "this provision has no " + String.join(", no ", missing)
                        + "; every provision needs id, citation and from");
                continue;
            }
            boolean complete = true;
            for (String required : REQUIRED) {
                if (e.values.get(required) == null) {
                    complete = false;
                    if (noProblemAt(e.places.get(required))) { // a wrong value was reported where it was written
                        error(e.places.get(required), field + "." + required,
                                "is empty; every provision needs id, citation and from");
                    }
                }
            }
            if (!complete) {
                continue;
            }
            String id = e.text("id");
            LocalDate from = e.date("from");
            LocalDate to = e.date("to");
            if (to != null && to.isBefore(from)) {
                error(e.places.get("to"), id + ".to", "ends before it starts (from " + from + ")");
                continue;
            }
            Entry first = byId.putIfAbsent(id, e);
            if (first != null) {
                error(e.places.get("id"), id, "provision id listed twice (first at line " + first.at.getLineNr()
                        + "); an id names one provision");
                continue;
            }
            provisions.add(new Provision(id, e.text("citation"), e.text("title") == null ? "" : e.text("title"), from,
                    to, Boolean.TRUE.equals(e.values.get("unverified")), e.text("note"),
                    (Binding) e.values.get("binding"), (OrderScope) e.values.get("scope")));
        }
        return provisions;
    }

    private boolean noProblemAt(JsonLocation at) {
        return problems.stream().noneMatch(p -> p.file().equals(file) && p.line() == at.getLineNr()
                && p.column() == at.getColumnNr());
    }

    /** An alias is refused outright (nothing of an alias is expanded); true if the current token is one. */
    private boolean alias(JsonParser parser, String field) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            error(parser.currentTokenLocation(), field, "aliases (*name) are not allowed in the register; write the "
                    + "value out");
            return true;
        }
        return false;
    }

    private Problem syntaxProblem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            JsonLocation at = e.getLocation();
            return Problem.error(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "a key appears twice in one provision; keep only one");
        }
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() == null ? "" : marked.getProblem();
            return Problem.error(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "", "not valid YAML: " + problem);
        }
        JsonLocation at = e.getLocation();
        return Problem.error(file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                at == null ? 0 : Math.max(at.getColumnNr(), 0), "", "not valid YAML");
    }

    private void error(JsonLocation at, String field, String message) {
        problems.add(Problem.error(file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                at == null ? 0 : Math.max(at.getColumnNr(), 0), field, message));
    }

}
