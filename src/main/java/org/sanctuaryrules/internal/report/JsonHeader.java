package org.sanctuaryrules.internal.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The keys every JSON document of the tool starts with, written in one place so that each command names them the
 * same way: {@code format_version}, {@code tool: {version, commit}} and {@code rule_set: {origin, version}}
 * (docs/json.md). Scripts can check {@code format_version} before reading the rest.
 */
public final class JsonHeader {
    /**
     * The version of the JSON formats in docs/json.md. Raised when a key is removed, renamed or changes meaning; a new
     * key does not raise it (readers ignore keys they do not know).
     */
    public static final int FORMAT_VERSION = 1;

    /** How every document names the rule set that judged: where it came from and its content hash. */
    public record RuleSetRef(String origin, String version) {
    }

    private JsonHeader() {
    }

    /** Writes the header's keys into the object the generator is in. */
    public static void write(JsonGenerator generator, String origin, String version) throws IOException {
        generator.writeNumberField("format_version", FORMAT_VERSION);
        generator.writeObjectFieldStart("tool");
        ToolVersion tool = ToolVersion.current();
        generator.writeStringField("version", tool.version());
        generator.writeStringField("commit", tool.commit());
        generator.writeEndObject();
        generator.writeObjectFieldStart("rule_set");
        generator.writeStringField("origin", origin);
        generator.writeStringField("version", version);
        generator.writeEndObject();
    }

    /** A document that starts with the header; the caller adds the rest. */
    public static ObjectNode object(String origin, String version) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format_version", FORMAT_VERSION);
        ObjectNode tool = doc.putObject("tool");
        tool.put("version", ToolVersion.current().version());
        tool.put("commit", ToolVersion.current().commit());
        ObjectNode ruleSet = doc.putObject("rule_set");
        ruleSet.put("origin", origin);
        ruleSet.put("version", version);
        return doc;
    }
}
