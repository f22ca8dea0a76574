package org.sanctuaryrules.internal.text;

/**
 * The characters YAML 1.1 (and so SnakeYAML) counts as line breaks but editors do not: NEL (U+0085), LINE SEPARATOR
 * (U+2028) and PARAGRAPH SEPARATOR (U+2029). Left in, each one shifts every later line number by one, and one in a
 * comment ends the comment, so the rest of its line is read as YAML. Before parsing, each is replaced by a stand-in
 * from the private-use area, of the same length, that YAML treats as an ordinary character: line numbers then match
 * the editor's, a comment stays a comment, and a value that still holds a stand-in is reported by the reader.
 */
public final class YamlLineBreaks {
    private static final String BREAKS = "\u0085\u2028\u2029";
    private static final String STAND_INS = "\uE085\uE028\uE029";

    private YamlLineBreaks() {
    }

    /** The text with every such break replaced by its stand-in; the same text if it has none. */
    public static String mask(String text) {
        if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int k = BREAKS.indexOf(chars[i]);
            if (k >= 0) {
                chars[i] = STAND_INS.charAt(k);
            }
        }
        return new String(chars);
    }

    /**
     * {@code "U+2028"} for the first masked break in a value read from masked text, or null if it has none. (A
     * private-use character written in the file itself reads the same; no real file has one.)
     */
    public static String firstIn(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            int k = STAND_INS.indexOf(value.charAt(i));
            if (k >= 0) {
                return String.format("U+%04X", (int) BREAKS.charAt(k));
            }
        }
        return null;
    }

    /** The message for a value that holds such a break. */
    public static String problem(String codePoint) {
        return "contains the character " + codePoint + ", which YAML reads as a line break and editors do not show; "
                + "remove it (write an ordinary line break or a space)";
    }
}
