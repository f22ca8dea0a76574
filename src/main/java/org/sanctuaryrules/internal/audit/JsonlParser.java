package org.sanctuaryrules.internal.audit;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON Lines log: every line exactly one JSON object in the scenario format (docs/audit.md), checked as strictly as
 * a scenario file — nothing after the object (no trailing text, no second record), no key twice. Messages say where
 * the JSON goes wrong (column, field), never quote what is there: logs hold personal data.
 */
public final class JsonlParser extends LineParser {
    private final ObjectMapper strict = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    @Override
    public Parsed parse(long lineNumber, String text) {
        JsonNode node;
        try (JsonParser parser = strict.createParser(text)) {
            node = strict.readTree(parser);
            long objectEnds = parser.currentLocation().getColumnNr() - 1;
            if (node != null && !atEnd(parser)) {
                return Parsed.bad("", "more after the end of the JSON object (which ends at column " + objectEnds
                        + "); a line holds exactly one case");
            }
        } catch (StreamConstraintsException e) {
            return Parsed.bad("", "not JSON this line may have: nested too deeply or too long");
        } catch (JsonProcessingException e) {
            return Parsed.bad(fieldOf(e), syntaxMessage(e));
        } catch (IOException e) {
            return Parsed.bad("", "cannot read the line as JSON");
        }
        if (!(node instanceof ObjectNode doc)) {
            return Parsed.bad("", "a line must be one JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        return load(lineNumber, doc);
    }

    /** Whether nothing but white space follows the object: no second record, no trailing text. */
    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** What is wrong, without Jackson's own message (it quotes the text it stopped at). */
    private static String syntaxMessage(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        if (original.startsWith("Duplicate field")) {
            return "this key appears twice in its object (column " + column + "); keep only one";
        }
        if (original.contains("end-of-input")) {
            return "not JSON: the line ends before the JSON object does";
        }
        return "not JSON: the text is not valid JSON at column " + column;
    }

    /** The field the parser was reading when it stopped, as a scenario path ({@code acts[0].agency}). */
    private static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonParseException parse) || parse.getProcessor() == null) {
            return "";
        }
        JsonParser parser = parse.getProcessor();
        Deque<Object> segments = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst(Math.max(c.getCurrentIndex(), 0));
            } else if (c.getCurrentName() != null) {
                segments.addFirst(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }
}
