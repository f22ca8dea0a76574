package org.sanctuaryrules.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** A problem as JSON: the same keys as in the run report. */
    record ProblemJson(String severity, String file, int line, int column, String field, String message) {
        static ProblemJson of(Problem p) {
            return new ProblemJson(p.severity().name().toLowerCase(), p.file(), p.line(), p.column(), p.field(),
                    p.message());
        }
    }
}
