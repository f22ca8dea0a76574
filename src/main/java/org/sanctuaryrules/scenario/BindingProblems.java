package org.sanctuaryrules.scenario;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.sanctuaryrules.internal.text.YamlPlaces;
import org.sanctuaryrules.engine.Problem;

/**
 * Turns what Jackson objects to while binding one file into problems an analyst can act on. As a problem handler it
 * records a bad value (an unknown enum value, an impossible date, a list where text belongs) and lets binding go on,
 * so one run reports every bad value of the file; what Jackson cannot go on from arrives as an exception, see {@link #fromException}.
 * One instance per file read.
 */
final class BindingProblems extends DeserializationProblemHandler {
    private final String file;
    private final SourceMap sourceMap;
    private final Class<?> rootType;
    /** Where the text bound sits in a scenario: the root for a file, {@code person.convictions} for an answer. */
    private final FieldPath base;
    private final List<Problem> problems = new ArrayList<>();

    BindingProblems(String file, SourceMap sourceMap, Class<?> rootType) {
        this(file, sourceMap, rootType, FieldPath.ROOT);
    }

    /** For text that is one value of a scenario, at {@code base}; {@code rootType} is still the whole document's. */
    BindingProblems(String file, SourceMap sourceMap, Class<?> rootType, FieldPath base) {
        this.file = file;
        this.sourceMap = sourceMap;
        this.rootType = rootType;
        this.base = base;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        // Already reported, with its place, by UnknownKeys.
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        problems.add(badValue(ctxt.getParser(), targetType, value));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        problems.add(badValue(ctxt.getParser(), targetType, String.valueOf(value)));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                        JsonParser p, String failureMsg) throws IOException {
        if (targetType.getRawClass() == LocalDate.class && p.currentToken() != null && p.currentToken().isScalarValue()) {
            // A number (20240201) where a date belongs: Jackson names the token it wanted, not the one it found.
            problems.add(badValue(p, LocalDate.class, p.getText()));
            return null;
        }
        problems.add(wrongShape(p, targetType.getRawClass(), token));
        p.skipChildren(); // leave the parser after the bad value, as a deserializer would
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsts, JsonParser p, String msg) throws IOException {
        problems.add(wrongShape(p, instClass, p.currentToken()));
        p.skipChildren();
        return null;
    }

    private Problem wrongShape(JsonParser parser, Class<?> expected, JsonToken found) {
        FieldPath path = under(pathOf(parser));
        SourceMap.Location at = SourceMap.locationOf(parser.currentTokenLocation());
        String message = wrongShapeMessage(expected, found);
        return at.line() > 0 ? problem(path, at, message) : problem(path, message);
    }

    static String wrongShapeMessage(Class<?> expected, JsonToken found) {
        return "expected " + ScenarioYaml.expected(expected) + (found == null ? "" : ", found " + YamlPlaces.describe(found));
    }

    private Problem badValue(JsonParser parser, Class<?> type, String value) {
        FieldPath path = under(pathOf(parser));
        SourceMap.Location at = SourceMap.locationOf(parser.currentTokenLocation());
        return at.line() > 0 ? problem(path, at, badValueMessage(type, value)) : problem(path, badValueMessage(type, value));
    }

    /** A problem for an exception that stopped binding. */
    Problem fromException(JsonProcessingException e) {
        FieldPath path = under(e instanceof JsonMappingException m ? pathOf(m.getPath()) : FieldPath.ROOT);
        SourceMap.Location at = SourceMap.locationOf(e.getLocation());
        String message;
        if (e instanceof InvalidFormatException invalid) {
            message = badValueMessage(invalid.getTargetType(), String.valueOf(invalid.getValue()));
        } else if (e instanceof MismatchedInputException mismatch) {
            JsonToken found = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
            message = wrongShapeMessage(mismatch.getTargetType(), found);
        } else {
            // Jackson failed inside (say, an enum given as a mapping): say what the field takes instead.
            Class<?> type = UnknownKeys.raw(UnknownKeys.typeAt(rootType, path));
            // Not Jackson's message: it may quote the value.
            message = type == null ? "cannot read this value"
                    : "cannot read this value; expected " + ScenarioYaml.expected(type);
        }
        return at.line() > 0 ? problem(path, at, message) : problem(path, message);
    }

    /**
     * What is wrong with a value, without quoting it: scenario files and audit logs hold personal data, and the
     * field and line already say where to look.
     */
    static String badValueMessage(Class<?> type, String value) {
        if (type != null && type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
            // The suggestion names an allowed value, never the value written.
            return "is not one of the allowed values" + UnknownKeys.suggestion(value, allowed) + "; use one of: "
                    + ScenarioYaml.allowedValues(type);
        }
        if (type == LocalDate.class) {
            return value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? "is not a real calendar date; check the day and month (YYYY-MM-DD)"
                    : "is not a date; write dates as YYYY-MM-DD, for example 2024-02-01";
        }
        if (type == Boolean.class) {
            return "is not true or false; leave the key out if it is not known";
        }
        if (type == Integer.class) {
            return "is not a whole number";
        }
        return "is not allowed here; expected " + ScenarioYaml.expected(type);
    }

    private Problem problem(FieldPath path, String message) {
        return problem(path, sourceMap.locate(path), message);
    }

    private Problem problem(FieldPath path, SourceMap.Location at, String message) {
        return Problem.error(file, at.line(), at.column(), path.toString(), message);
    }

    private FieldPath under(FieldPath relative) {
        List<Object> segments = new ArrayList<>(base.segments());
        segments.addAll(relative.segments());
        return new FieldPath(segments);
    }

    /** The path of the value the parser is on, from its nesting contexts. */
    private static FieldPath pathOf(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if (context != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            context = context.getParent(); // the parser already stands inside the new container
        }
        Deque<Object> segments = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                segments.addFirst(Math.max(context.getCurrentIndex(), 0));
            } else if (context.getCurrentName() != null) {
                segments.addFirst(context.getCurrentName());
            }
        }
        return new FieldPath(new ArrayList<>(segments));
    }

    private static FieldPath pathOf(List<JsonMappingException.Reference> references) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                segments.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                segments.add(r.getIndex());
            }
        }
        return new FieldPath(segments);
    }
}
