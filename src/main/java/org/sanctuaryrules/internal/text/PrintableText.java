package org.sanctuaryrules.internal.text;

/** Characters that change how text is displayed rather than showing as themselves. */
public final class PrintableText {
    private PrintableText() {
    }

    /**
     * Control characters (C0, DEL, C1: terminal escape sequences, carriage returns that overwrite a line) and the
     * bidirectional formatting characters used to make text read differently from how it is stored.
     */
    public static boolean isHidden(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /**
     * The text with every hidden character — and every other invisible formatting character, such as a byte-order
     * mark or a zero-width space — written as a visible escape (backslash, u, four hex digits), so it stays one honest line.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHidden(c) || Character.getType(c) == Character.FORMAT) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Text from a rule or data file (a rule name, a note, a citation, an explanation) made fit for one line of any
     * report: line breaks and tabs as {@code \n}, {@code \r}, {@code \t}, every other hidden or invisible
     * formatting character as a backslash-u escape. A rule file cannot forge report lines, clear a terminal or
     * reorder what it shows.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String visible = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : isHidden(c) || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04X", (int) c) : null;
            if (visible != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (visible != null) {
                    out.append(visible);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
