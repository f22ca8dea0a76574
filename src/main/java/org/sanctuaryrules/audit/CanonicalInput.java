package org.sanctuaryrules.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sanctuaryrules.model.Case;

/**
 * A canonical text of a case, and its SHA-256. Canonical means the same facts always give the same text: record
 * components by name, sets sorted (a {@code Set}'s own order changes from one JVM to the next), dates in ISO form,
 * text escaped as in JSON. So a decision can later be matched to the exact input it was made on, without keeping
 * the input.
 */
final class CanonicalInput {
    private CanonicalInput() {
    }

    /** SHA-256 of the canonical text, in lower-case hex. */
    public static String sha256(Case aCase) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text(aCase).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The canonical text: JSON with keys sorted and sets sorted. */
    public static String text(Case aCase) {
        StringBuilder out = new StringBuilder();
        write(aCase, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record record) {
            Map<String, Object> fields = new TreeMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                fields.put(c.getName(), read(c, record));
            }
            writeMap(fields, out);
        } else if (value instanceof Set<?> set) {
            List<String> items = new ArrayList<>();
            set.forEach(item -> items.add(canonical(item)));
            items.sort(null);
            out.append('[').append(String.join(",", items)).append(']');
        } else if (value instanceof Collection<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(canonical(item)));
            out.append('[').append(String.join(",", items)).append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            writeMap(sorted, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            quote(e.name(), out);
        } else if (value instanceof String || value instanceof TemporalAccessor) {
            quote(value.toString(), out);
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
        }
    }

    private static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void writeMap(Map<String, Object> fields, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            quote(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
