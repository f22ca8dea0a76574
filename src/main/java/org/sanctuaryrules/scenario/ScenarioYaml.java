package org.sanctuaryrules.scenario;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;

/** The YAML reading set-up for scenario files, and how its types are named to analysts. */
final class ScenarioYaml {
    /**
     * Largest scenario file accepted: real ones are one or two kilobytes. Kept well below a megabyte because reading
     * costs grow faster than the size (a 1 MB file of 18,000 acts took over ten seconds).
     */
    static final int MAX_CHARS = 256 * 1024;
    /** Most problems reported for one file; past that the file is not a scenario with mistakes but something else. */
    static final int MAX_PROBLEMS = 50;
    /** Deepest nesting accepted; a scenario needs five levels. */
    static final int MAX_DEPTH = 20;
    /**
     * Longest line accepted. SnakeYAML slows down sharply on one very long token (a 900,000-character word takes
     * seconds), so long lines are refused before parsing; real scenario lines are under 300 characters.
     */
    static final int MAX_LINE_CHARS = 10_000;

    private ScenarioYaml() {
    }

    static YAMLFactory factory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(10);
        limits.setNestingDepthLimit(MAX_DEPTH);
        limits.setCodePointLimit(MAX_CHARS + 1);
        limits.setAllowRecursiveKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // yes, no, on, off are text (as in YAML 1.2), not true/false: the format allows true and false only.
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                // A backstop: SourceMap reports nesting past MAX_DEPTH itself, with the place.
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH).build())
                .build();
    }

    /**
     * The JSON reading set-up with the same checks, for one-line scenario documents (audit logs): JSON is YAML, but
     * Jackson's JSON parser reads it about ten times faster than SnakeYAML.
     */
    static JsonFactory jsonFactory() {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH).build())
                .build();
    }

    static ObjectMapper jsonMapper(JsonFactory factory) {
        return configure(JsonMapper.builder(factory));
    }

    static ObjectMapper mapper(YAMLFactory factory) {
        return configure(YAMLMapper.builder(factory));
    }

    private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
        return builder
                .addModule(new JavaTimeModule())
                // "mayoral_order:" with nothing after it means "not given", not an empty text.
                .addModule(new SimpleModule("empty-text-is-null").addDeserializer(String.class, new EmptyTextAsNull()))
                // true and false only: no 1, 0 or "true" read as true/false.
                .addModule(new SimpleModule("strict-booleans").addDeserializer(Boolean.class, new StrictBoolean())
                        .addDeserializer(boolean.class, new StrictBoolean()))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
                // Strict dates: no "2024-02-01T10:00Z" cut down to a date, no bare numbers read as days since 1970.
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "agency: 1" must not quietly mean the second agency.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    /** The values of an enum as scenario files write them: lower-case snake. */
    static String allowedValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** What a value of the type looks like, for "expected …" messages. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type.isEnum()) {
            return "one of: " + allowedValues(type);
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a single text value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (written [a, b] or as lines starting with '- ')";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys (key: value lines)";
        }
        return "a different kind of value";
    }
}
