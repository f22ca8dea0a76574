package org.sanctuaryrules.internal.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CSV columns of an audit log and where each goes in the scenario document. A row is one act with its case
 * date, person and request; an empty cell is a key left out ("not known"). Lists are separated by {@code ;};
 * convictions are {@code offense|level|judgment_date|release_date|jurisdiction} (later parts optional), {@code ;}
 * between convictions, and {@code none} for a records search that found nothing. See docs/audit.md.
 */
final class CsvColumns {
    enum Kind { TEXT, BOOL, INT, LIST, CONVICTIONS }

    enum Part { CASE, REQUEST, PERSON, ACT }

    /** One column: its header name, the key it becomes and the part of the document that key belongs to. */
    record Column(String name, Part part, String key, Kind kind) {
    }

    static final List<Column> ALL = List.of(
            new Column("case_id", Part.CASE, "id", Kind.TEXT),
            new Column("date", Part.CASE, "date", Kind.TEXT),
            new Column("act_id", Part.ACT, "id", Kind.TEXT),
            new Column("agency", Part.ACT, "agency", Kind.TEXT),
            new Column("kind", Part.ACT, "kind", Kind.TEXT),
            new Column("place", Part.ACT, "place", Kind.TEXT),
            new Column("non_public_area", Part.ACT, "non_public_area", Kind.BOOL),
            new Column("request_from", Part.REQUEST, "from", Kind.TEXT),
            new Column("instruments", Part.REQUEST, "instruments", Kind.LIST),
            new Column("stated_purpose", Part.REQUEST, "stated_purpose", Kind.TEXT),
            new Column("purpose", Part.ACT, "purpose", Kind.TEXT),
            new Column("recipient", Part.ACT, "recipient", Kind.TEXT),
            new Column("information", Part.ACT, "information", Kind.LIST),
            new Column("record_sealed", Part.ACT, "record_sealed", Kind.BOOL),
            new Column("court_order", Part.ACT, "court_order", Kind.BOOL),
            new Column("privacy_officer_approval", Part.ACT, "privacy_officer_approval", Kind.BOOL),
            new Column("exigent_circumstances", Part.ACT, "exigent_circumstances", Kind.BOOL),
            new Column("required_by_law", Part.ACT, "required_by_law", Kind.BOOL),
            new Column("required_by", Part.ACT, "required_by", Kind.TEXT),
            new Column("furthers_agency_mission", Part.ACT, "furthers_agency_mission", Kind.BOOL),
            new Column("agreement", Part.ACT, "agreement", Kind.BOOL),
            new Column("hold_hours", Part.ACT, "hold_hours", Kind.INT),
            new Column("mayoral_order", Part.ACT, "mayoral_order", Kind.TEXT),
            new Column("court_journey", Part.ACT, "court_journey", Kind.BOOL),
            new Column("apprehending_suspect", Part.ACT, "apprehending_suspect", Kind.BOOL),
            new Column("legal_bureau_authorization", Part.ACT, "legal_bureau_authorization", Kind.BOOL),
            new Column("public_safety_threat", Part.ACT, "public_safety_threat", Kind.BOOL),
            new Column("roles", Part.PERSON, "roles", Kind.LIST),
            new Column("convictions", Part.PERSON, "convictions", Kind.CONVICTIONS),
            new Column("pending_charges", Part.PERSON, "pending_charges", Kind.LIST),
            new Column("terrorist_screening_match", Part.PERSON, "terrorist_screening_match", Kind.BOOL),
            new Column("reentered_after_removal", Part.PERSON, "reentered_after_removal", Kind.BOOL),
            new Column("current_arrest_date", Part.PERSON, "current_arrest_date", Kind.TEXT),
            new Column("written_consent", Part.PERSON, "written_consent", Kind.BOOL));

    static final List<String> CONVICTION_PARTS = List.of("offense", "level", "judgment_date", "release_date", "jurisdiction");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvColumns() {
    }

    static Column named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The header row, in the order the generator writes. */
    public static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /** The scenario document of one row. */
    static ObjectNode toDocument(List<Column> header, List<String> cells) {
        ObjectNode doc = NODES.objectNode();
        ObjectNode act = NODES.objectNode();
        for (int i = 0; i < header.size(); i++) {
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            Column c = header.get(i);
            ObjectNode target = switch (c.part()) {
                case CASE -> doc;
                case ACT -> act;
                case REQUEST -> child(doc, "request");
                case PERSON -> child(doc, "person");
            };
            target.set(c.key(), value(c.kind(), cell));
        }
        doc.putArray("acts").add(act);
        return doc;
    }

    /** The cells of a one-act scenario document (the generator's CSV), in the order of {@link #names()}. */
    static List<String> toCells(ObjectNode doc) {
        JsonNode act = doc.path("acts").path(0);
        List<String> cells = new ArrayList<>();
        for (Column c : ALL) {
            JsonNode source = switch (c.part()) {
                case CASE -> doc;
                case ACT -> act;
                case REQUEST -> doc.path("request");
                case PERSON -> doc.path("person");
            };
            cells.add(cell(c.kind(), source.get(c.key())));
        }
        return cells;
    }

    private static ObjectNode child(ObjectNode doc, String key) {
        return doc.has(key) ? (ObjectNode) doc.get(key) : doc.putObject(key);
    }

    private static JsonNode value(Kind kind, String cell) {
        return switch (kind) {
            case TEXT -> NODES.textNode(cell);
            // Anything but true/false stays text, so that the loader names the field and the bad value.
            case BOOL -> cell.equals("true") || cell.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(cell))
                    : NODES.textNode(cell);
            case INT -> cell.matches("\\d{1,9}") ? NODES.numberNode(Integer.parseInt(cell)) : NODES.textNode(cell);
            case LIST -> list(cell);
            case CONVICTIONS -> convictions(cell);
        };
    }

    private static ArrayNode list(String cell) {
        ArrayNode items = NODES.arrayNode();
        for (String item : cell.split(";", -1)) {
            items.add(item.strip());
        }
        return items;
    }

    private static ArrayNode convictions(String cell) {
        ArrayNode list = NODES.arrayNode();
        if (cell.equals("none")) {
            return list;
        }
        for (String entry : cell.split(";", -1)) {
            String[] parts = entry.split("\\|", -1);
            ObjectNode conviction = list.addObject();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].strip();
                if (!part.isEmpty()) {
                    // A part past the last known one keeps its position as a key, so the loader rejects it.
                    conviction.put(i < CONVICTION_PARTS.size() ? CONVICTION_PARTS.get(i) : "part_" + (i + 1), part);
                }
            }
        }
        return list;
    }

    private static String cell(Kind kind, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (kind) {
            case TEXT, BOOL, INT -> value.asText();
            case LIST -> join(value);
            case CONVICTIONS -> {
                if (value.isEmpty()) {
                    yield "none";
                }
                List<String> entries = new ArrayList<>();
                for (JsonNode c : value) {
                    Map<String, String> parts = new LinkedHashMap<>();
                    CONVICTION_PARTS.forEach(p -> parts.put(p, c.hasNonNull(p) ? c.get(p).asText() : ""));
                    entries.add(String.join("|", parts.values()).replaceAll("\\|+$", ""));
                }
                yield String.join(";", entries);
            }
        };
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(i -> items.add(i.asText()));
        return String.join(";", items);
    }
}
