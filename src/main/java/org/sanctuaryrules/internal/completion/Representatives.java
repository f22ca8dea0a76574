package org.sanctuaryrules.internal.completion;

import java.time.LocalDate;
import java.util.List;

import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;

/**
 * Records-search results a completion tries when the case gives none: nothing found, and one conviction on each side
 * of each line the definition of a violent or serious crime draws. Every field of each is given, so a completion
 * leaves nothing about the record open.
 */
final class Representatives {
    /** Robbery in the first degree: on the violent-or-serious list whole (no subdivision needed). */
    static final String LISTED_FELONY = "160.15";
    /** Grand larceny in the fourth degree: a felony, not on the list. */
    static final String UNLISTED_FELONY = "155.30";
    /** Petit larceny: a misdemeanor. */
    static final String MISDEMEANOR = "155.25";

    private Representatives() {
    }

    static List<Object> convictionLists(LocalDate arrest) {
        return List.of(
                List.of(),
                List.of(newYork(LISTED_FELONY, OffenseLevel.FELONY, arrest.minusYears(1), null)),
                List.of(newYork(LISTED_FELONY, OffenseLevel.FELONY, arrest.minusYears(10), null)),
                List.of(newYork(LISTED_FELONY, OffenseLevel.FELONY, arrest.minusYears(10), arrest.minusYears(1))),
                List.of(newYork(UNLISTED_FELONY, OffenseLevel.FELONY, arrest.minusYears(1), null)),
                List.of(newYork(MISDEMEANOR, OffenseLevel.MISDEMEANOR, arrest.minusYears(1), null)));
    }

    /** A New York conviction; {@code release} null means never incarcerated for it. */
    static Conviction newYork(String offense, OffenseLevel level, LocalDate judgment, LocalDate release) {
        return new Conviction(offense, Jurisdiction.NEW_YORK, level, null, false, false, judgment, release,
                release != null, null);
    }
}
