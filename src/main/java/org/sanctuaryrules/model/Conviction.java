package org.sanctuaryrules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A criminal conviction on the person's record.
 *
 * @param offense       the offense: a New York Penal Law section such as {@code "160.15"} or {@code "265.02(3)"}
 *                      for New York convictions; free text (for example {@code "18 U.S.C. 2113"}) otherwise
 * @param jurisdiction  whose law; New York if not given
 * @param level         felony, misdemeanor or violation; {@code null} if not known
 * @param predicateFelonyEquivalent for a federal or other-state conviction: whether it would be a predicate felony
 *                      conviction under Penal Law § 70.06(1)(b)(i); {@code null} if not known
 * @param youthfulOffender whether it was a youthful-offender adjudication rather than a conviction
 * @param sealed        whether the case has been sealed
 * @param judgmentDate  date of the judgment
 * @param releaseDate   release from incarceration for this crime; {@code null} if never incarcerated for it
 * @param description   free text for people; never used by the rules
 */
public record Conviction(
        String offense,
        Jurisdiction jurisdiction,
        OffenseLevel level,
        Boolean predicateFelonyEquivalent,
        boolean youthfulOffender,
        boolean sealed,
        LocalDate judgmentDate,
        LocalDate releaseDate,
        String description) {

    public Conviction {
        Objects.requireNonNull(offense, "offense");
        jurisdiction = jurisdiction == null ? Jurisdiction.NEW_YORK : jurisdiction;
    }

    /** A New York felony conviction on the given Penal Law section, judged on the given date. */
    public static Conviction newYorkFelony(String penalLawSection, LocalDate judgmentDate, LocalDate releaseDate) {
        return new Conviction(penalLawSection, Jurisdiction.NEW_YORK, OffenseLevel.FELONY, null,
                false, false, judgmentDate, releaseDate, null);
    }
}
