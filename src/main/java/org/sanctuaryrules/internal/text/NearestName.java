package org.sanctuaryrules.internal.text;

import java.util.List;

/** Suggests the name a typo was meant to be: within two edits (one for short names), ignoring case and underscores. */
public final class NearestName {
    private NearestName() {
    }

    /** {@code " (did you mean 'x'?)"}, or the empty string when no candidate is close. */
    public static String suggestion(String name, List<String> candidates) {
        String best = null;
        int bestDistance = (name.length() <= 4 ? 1 : 2) + 1;
        String plain = normalise(name);
        for (String candidate : candidates) {
            int d = distance(plain, normalise(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static String normalise(String s) {
        return s.replace("_", "").toLowerCase();
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
