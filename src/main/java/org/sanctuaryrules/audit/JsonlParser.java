package org.sanctuaryrules.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON Lines log: every line one JSON object in the scenario format (docs/audit.md). */
public final class JsonlParser extends LineParser {
    @Override
    public Parsed parse(long lineNumber, String text) {
        JsonNode node;
        try {
            node = json().readTree(text);
        } catch (JsonProcessingException e) {
            return Parsed.bad("", "not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode doc)) {
            return Parsed.bad("", "a line must be one JSON object, not " + node.getNodeType().toString().toLowerCase());
        }
        return load(lineNumber, doc);
    }
}
