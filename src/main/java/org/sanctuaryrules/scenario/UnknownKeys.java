package org.sanctuaryrules.scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.sanctuaryrules.internal.text.NearestName;
import org.sanctuaryrules.engine.Problem;

/**
 * Finds keys a scenario file may not use, by walking the written keys against the document records. Done on the
 * source map rather than during binding because Jackson defers unknown keys of records and loses their place.
 */
final class UnknownKeys {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private UnknownKeys() {
    }

    static List<Problem> find(String file, SourceMap map, Class<?> rootType) {
        List<Problem> problems = new ArrayList<>();
        // Looked up once per record type: translating every component name for every key made large files slow.
        Map<Class<?>, List<String>> keysByRecord = new HashMap<>();
        Map<FieldPath, Optional<Type>> typesByShape = new HashMap<>();
        for (FieldPath key : map.keys()) {
            if (problems.size() > ScenarioYaml.MAX_PROBLEMS) {
                break; // the loader reports only so many; finding more costs time for nothing
            }
            // Every item of a list has the same type: look the type up once per shape of path (acts[] not acts[7]).
            Type owner = typesByShape.computeIfAbsent(shape(key.parent()), shape -> Optional.ofNullable(typeAt(rootType, shape)))
                    .orElse(null);
            if (!(owner instanceof Class<?> record) || !record.isRecord()) {
                continue; // a map's keys are free, and inside an unknown key there is nothing to check
            }
            String name = (String) key.last();
            List<String> allowed = keysByRecord.computeIfAbsent(record, UnknownKeys::keysOf);
            if (!allowed.contains(name)) {
                SourceMap.Location at = map.locate(key);
                problems.add(Problem.error(file, at.line(), at.column(), key.toString(),
                        "unknown key '" + name + "'" + suggestion(name, allowed)
                                + "; allowed keys here: " + String.join(", ", allowed)));
            }
        }
        return problems;
    }

    /** The path with every list position set to 0: paths of the same shape have the same declared type. */
    private static FieldPath shape(FieldPath path) {
        return new FieldPath(path.segments().stream().map(s -> s instanceof Integer ? (Object) 0 : s).toList());
    }

    /** The keys a record accepts, in declaration order. */
    static List<String> keysOf(Class<?> record) {
        return KEYS.get(record);
    }

    /** Reflection and name translation cost more than reading a short document: done once per record type. */
    private static final ClassValue<List<String>> KEYS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> record) {
            return Arrays.stream(record.getRecordComponents()).map(c -> SNAKE_CASE.translate(c.getName())).toList();
        }
    };

    /** The declared type at a path, or {@code null} when the path leaves the schema. */
    static Type typeAt(Type root, FieldPath path) {
        Type type = root;
        for (Object segment : path.segments()) {
            Class<?> raw = raw(type);
            if (raw == null) {
                return null;
            }
            if (segment instanceof String key && raw.isRecord()) {
                type = component(raw, key);
            } else if (segment instanceof String && Map.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 1);
            } else if (segment instanceof Integer && Collection.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 0);
            } else {
                return null;
            }
            if (type == null) {
                return null;
            }
        }
        return type;
    }

    private static Type component(Class<?> record, String key) {
        return COMPONENTS.get(record).get(key);
    }

    /** Each record's component types by key, computed once per record type (see {@link #KEYS}). */
    private static final ClassValue<Map<String, Type>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
            Map<String, Type> types = new java.util.HashMap<>();
            for (RecordComponent c : record.getRecordComponents()) {
                types.putIfAbsent(SNAKE_CASE.translate(c.getName()), c.getGenericType());
            }
            return Map.copyOf(types);
        }
    };

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    /** A near miss, as in a typo: within two edits (one for short keys), or the same letters without underscores. */
    static String suggestion(String name, List<String> allowed) {
        String best = null;
        int bestDistance = (name.length() <= 4 ? 1 : 2) + 1;
        for (String candidate : allowed) {
            int d = candidate.replace("_", "").equalsIgnoreCase(name.replace("_", "").replace("-", "")) ? 0
                    : NearestName.distance(name.toLowerCase(), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
