package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The code of a DRL file with comments and string literals blanked out (replaced by spaces, line breaks kept), so
 * that checks on names see only code and every offset still maps to the original line and column.
 */
final class RuleTextScanner {
    private RuleTextScanner() {
    }

    /**
     * Where string literals that the scanner cannot read as Java can (a text block, {@code """…"""}, or a literal
     * still open at the end of its line, as MVEL allows): the offsets of their opening quotes.
     */
    static List<Integer> unreadableLiterals(String text) {
        List<Integer> offsets = new ArrayList<>();
        String code = codeOnly(text);
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) != '"' || (i > 0 && code.charAt(i - 1) == '\\')) {
                continue;
            }
            if (text.startsWith("\"\"\"", i)) {
                offsets.add(i);
                int end = text.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
                continue;
            }
            int close = code.indexOf('"', i + 1);
            int lineEnd = code.indexOf('\n', i + 1);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
                offsets.add(i);
                i = lineEnd < 0 ? code.length() : lineEnd;
            } else {
                i = close;
            }
        }
        return offsets;
    }

    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                i = blankUntil(text, code, i, "\n", false);
            } else if (c == '/' && next == '*') {
                i = blankUntil(text, code, i, "*/", false);
            } else if (c == '"' || c == '\'') {
                code.append(c);
                i = blankUntil(text, code, i + 1, String.valueOf(c), true);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** Blanks from {@code start} up to and including {@code end} (a closing quote is kept); returns the next index. */
    private static int blankUntil(String text, StringBuilder code, int start, String end, boolean literal) {
        int i = start;
        while (i < text.length()) {
            if (literal && text.charAt(i) == '\\' && i + 1 < text.length()) {
                code.append(blank(text.charAt(i))).append(blank(text.charAt(i + 1)));
                i += 2;
                continue;
            }
            if (text.startsWith(end, i)) {
                if (literal) {
                    code.append(end);
                } else {
                    end.chars().forEach(ch -> code.append(blank((char) ch)));
                }
                return i + end.length();
            }
            if (literal && text.charAt(i) == '\n') {
                return i; // an unclosed literal ends at the line; the compiler reports it
            }
            code.append(blank(text.charAt(i)));
            i++;
        }
        return i;
    }

    private static char blank(char c) {
        return c == '\n' || c == '\r' ? c : ' ';
    }

    /** 1-based line of an offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of an offset. */
    static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(offset - 1, 0));
        return offset - (offset == 0 || lineStart < 0 ? 0 : lineStart + 1) + 1;
    }
}
