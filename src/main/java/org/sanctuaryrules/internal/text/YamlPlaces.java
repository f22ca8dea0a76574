package org.sanctuaryrules.internal.text;

import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Where SnakeYAML's reader stopped. It reports a character that cannot appear in YAML (a NUL, most of a binary file)
 * by its position in the text only, and Jackson then gives line 1, column 1; this finds the line and column.
 */
public final class YamlPlaces {
    /** A place in a text, and the character found there. */
    public record Unreadable(int line, int column, int codePoint) {
        public String message() {
            return "not text: the character U+" + String.format("%04X", codePoint)
                    + " cannot appear in a YAML file (is it a binary file?)";
        }
    }

    private YamlPlaces() {
    }

    /** The place of the unreadable character, if {@code e} (or a cause) is SnakeYAML's reader error; else null. */
    public static Unreadable unreadable(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReaderException reader) {
                int position = text.offsetByCodePoints(0, Math.min(Math.max(reader.getPosition(), 0),
                        text.codePointCount(0, text.length())));
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < position; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                return new Unreadable(line, position - lineStart + 1, reader.getCodePoint());
            }
        }
        return null;
    }

    /** What a token is, for "expected …, found …" messages about YAML files. */
    public static String describe(com.fasterxml.jackson.core.JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping of keys";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "an empty value";
            default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
