package org.sanctuaryrules.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a scenario file, written the way an analyst reads it: {@code acts[0].agency}.
 *
 * @param segments keys ({@link String}) and list positions ({@link Integer}) from the top of the file
 */
public record FieldPath(List<Object> segments) {
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    public static FieldPath of(String key) {
        return ROOT.key(key);
    }

    public FieldPath key(String name) {
        return with(name);
    }

    public FieldPath index(int position) {
        return with(position);
    }

    private FieldPath with(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path one level up; the root's parent is the root. */
    public FieldPath parent() {
        return isRoot() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
    }

    /** The last key or position, or {@code null} for the root. */
    public Object last() {
        return isRoot() ? null : segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer position) {
                text.append('[').append(position).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }
}
