package org.sanctuaryrules.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.sanctuaryrules.engine.Problem;

/** Writes records as indented JSON with snake-case keys, every key present, as {@link JsonReport} does. */
final class JsonWriter {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    String write(Object document) {
        try {
            return mapper.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // only plain records are written
        }
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
