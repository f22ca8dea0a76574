package org.sanctuaryrules.engine;

import java.time.LocalDate;

import org.sanctuaryrules.model.Conviction;

/**
 * The five-year look-back of Admin. Code §§ 9-131(a)(2) and 14-154(a)(2): a conviction counts only if it falls within
 * the five years before the current arrest, not counting time the person spent incarcerated for it.
 *
 * <p>Counting rule used (a named assumption, see {@code provisions.yaml}): incarceration for the crime runs from the
 * judgment to the release date, so the five years run from whichever is later.
 */
public final class LookBack {
    public static final int YEARS = 5;

    private LookBack() {
    }

    /**
     * Whether the conviction falls within the look-back before {@code arrest}. A judgment on or after the arrest
     * (the conviction that came of the current arrest) counts.
     */
    public static boolean within(Conviction conviction, LocalDate arrest) {
        if (conviction.judgmentDate() == null || arrest == null) {
            return false;
        }
        LocalDate free = conviction.releaseDate() != null && conviction.releaseDate().isAfter(conviction.judgmentDate())
                ? conviction.releaseDate() : conviction.judgmentDate();
        return !free.plusYears(YEARS).isBefore(arrest);
    }
}
