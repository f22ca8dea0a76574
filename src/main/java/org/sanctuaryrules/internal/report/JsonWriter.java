package org.sanctuaryrules.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.sanctuaryrules.engine.Problem;

/**
 * Writes records as indented JSON with snake-case keys, every key present, as {@link JsonReport} does; documents start
 * with the {@link JsonHeader}.
 */
final class JsonWriter {
    private final ObjectMapper mapper = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new VisibleEscapes()).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    /**
     * JSON escapes line breaks and the C0 controls by itself; this escapes as well DEL, the C1 controls and the
     * invisible formatting characters (bidirectional overrides, zero-width characters, line and paragraph
     * separators), which JSON allows raw, so text from a rule or data file reads the same in any viewer.
     */
    static final class VisibleEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        VisibleEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean hidden = (ch >= 0x80 && ch <= 0x9F) || Character.getType(ch) == Character.FORMAT
                    || ch == 0x2028 || ch == 0x2029;
            return hidden ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    String write(Object document) {
        try {
            return mapper.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // only plain records are written
        }
    }

    /**
     * A document of the tool: the {@link JsonHeader} naming the rule set, then the body's keys (less {@code drop},
     * keys the header says better).
     */
    String document(String origin, String version, Object body, String... drop) {
        ObjectNode doc = JsonHeader.object(origin, version);
        ObjectNode fields = mapper.valueToTree(body);
        fields.remove(List.of(drop));
        doc.setAll(fields);
        return write(doc);
    }

    /**
     * A generator writing to {@code out} indented as {@link #write} does, for documents written piece by piece
     * ({@link #value}) so that a large one is never held whole.
     */
    JsonGenerator stream(Writer out) throws IOException {
        JsonGenerator generator = mapper.createGenerator(out);
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller's stream stays open
        return generator;
    }

    /** Writes one value (a record, a date, null) at the generator's place. */
    void value(JsonGenerator generator, Object value) throws IOException {
        mapper.writeValue(generator, value);
    }

    /** A problem as JSON: the same keys as in the run report. */
    record ProblemJson(String severity, String file, int line, int column, String field, String message) {
        static ProblemJson of(Problem p) {
            return new ProblemJson(p.severity().name().toLowerCase(), p.file(), p.line(), p.column(), p.field(),
                    p.message());
        }
    }
}
