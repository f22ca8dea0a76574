package org.sanctuaryrules.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme of RFC 8785: the one text of a JSON value that any implementation, in any
 * language, writes for it. Object keys sorted by their UTF-16 code units, no white space, strings with only the
 * escapes JSON requires ({@code \b \t \n \f \r}, {@code \"}, {@code \\}, other controls as lower-case
 * {@code \}{@code u00xx}), every number as an IEEE double written as ECMAScript's {@code Number.prototype.toString}
 * writes it. No library in reach implements it, so it is here, tested against the RFC's examples and its table of
 * numbers.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /**
     * The canonical text of {@code value}.
     *
     * @throws IllegalArgumentException for what I-JSON (RFC 7493) forbids: a number that is not finite as a double, a
     *                                  string holding a lone surrogate, or a node that is not JSON data
     */
    static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case NULL, MISSING -> out.append("null");
            case BOOLEAN -> out.append(value.booleanValue());
            case NUMBER -> out.append(number(value.doubleValue()));
            case STRING -> string(value.textValue(), out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(value.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                value.fields().forEachRemaining(fields::add);
                // String's natural order compares UTF-16 code units, exactly as RFC 8785 § 3.2.3 sorts.
                fields.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    string(fields.get(i).getKey(), out);
                    out.append(':');
                    write(fields.get(i).getValue(), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not JSON data: " + value.getNodeType());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a string holds a lone surrogate at index " + i);
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A double as ECMAScript writes it (ECMA-262 Number::toString, radix 10): the shortest digits that read back. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("a number that is not finite has no JSON form");
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.digits × 10^n
        String text;
        if (k <= n && n <= 21) {
            text = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            text = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            text = "0." + "0".repeat(-n) + digits;
        } else {
            int e = n - 1;
            text = digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + (e < 0 ? "-" : "+")
                    + Math.abs(e);
        }
        return sign + text;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}; among those of that length, the
     * one nearest to {@code d}. (Java 17's {@code Double.toString} is not always the shortest, so it is not used.)
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) {
                return nearest.stripTrailingZeros();
            }
            // Next to a power of two the doubles that read back lie unevenly around d: the nearest decimal of this
            // length may fall outside while the one on the other side of d is inside.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
                BigDecimal other = exact.round(new MathContext(precision, mode));
                if (other.doubleValue() == d) {
                    return other.stripTrailingZeros();
                }
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros(); // 17 digits always do
    }
}
