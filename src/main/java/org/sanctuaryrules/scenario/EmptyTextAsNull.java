package org.sanctuaryrules.scenario;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Reads text values, turning an empty one into {@code null}. YAML writes "not given" as a key with nothing after
 * it ({@code mayoral_order:}); Jackson reads that as {@code ""}, which the rules would take as a value.
 */
final class EmptyTextAsNull extends StdScalarDeserializer<String> {
    EmptyTextAsNull() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        return text == null || text.isEmpty() ? null : text;
    }
}
