package org.sanctuaryrules.engine;

import org.sanctuaryrules.internal.text.PrintableText;

/**
 * An error or warning with a place: file, line (1-based, 0 if unknown), column (0 if unknown), and the field or rule
 * it concerns (may be empty).
 */
public record Problem(Severity severity, String file, int line, int column, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, int column, String field, String message) {
        return new Problem(Severity.ERROR, file, line, column, field == null ? "" : field, message);
    }

    public static Problem warning(String file, int line, int column, String field, String message) {
        return new Problem(Severity.WARNING, file, line, column, field == null ? "" : field, message);
    }

    /**
     * {@code file:line:column: error: field: message}, the shape editors and CI logs link from. Always one line:
     * control characters quoted from a hostile file are shown escaped, so they cannot forge lines or colours.
     */
    @Override
    public String toString() {
        StringBuilder place = new StringBuilder(file);
        if (line > 0) {
            place.append(':').append(line);
            if (column > 0) {
                place.append(':').append(column);
            }
        }
        String text = place + ": " + severity.name().toLowerCase() + ": " + (field.isEmpty() ? "" : field + ": ") + message;
        return PrintableText.escape(text.replace("\n", "\\n").replace("\r", "\\r"));
    }
}
