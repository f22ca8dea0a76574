package org.sanctuaryrules.scenario;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a true/false field as the scenario format documents it: the plain words {@code true} and {@code false},
 * nothing else. Jackson would otherwise take {@code 5} or {@code -1} as true, {@code 0} as false, and the text
 * {@code "true"} as true; the YAML factory already keeps {@code yes}, {@code on} and the like as text. Anything else
 * goes to the problem handler, which reports it at its place, and reads as "not given" so binding goes on.
 */
final class StrictBoolean extends StdScalarDeserializer<Boolean> {
    StrictBoolean() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            String written = parser.getText();
            if (written.equals("true") || written.equals("false")) {
                return token == JsonToken.VALUE_TRUE;
            }
            // YAML 1.2 also reads True and TRUE as true; the format allows the lower-case words only.
            return (Boolean) context.handleWeirdStringValue(Boolean.class, written, "not true or false");
        }
        if (token == JsonToken.VALUE_STRING && parser.getText().isEmpty()) {
            return null; // "key:" with nothing after it: not given
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }
}
