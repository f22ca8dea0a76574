package org.sanctuaryrules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A criminal conviction on the person's record. A {@code null} field means "not known".
 *
 * @param offense       the offense: a New York Penal Law section such as {@code "160.15"} or {@code "265.02(3)"}
 *                      for New York convictions (an attempt as {@code "110/160.15"}); free text (for example
 *                      {@code "18 U.S.C. 2113"}) otherwise
 * @param jurisdiction  whose law; New York if not given
 * @param level         felony, misdemeanor or violation; {@code null} if not known. For a federal or other-state
 *                      conviction, the grade New York law gives the offense
 * @param predicateFelonyEquivalent for a federal or other-state conviction: whether it would be a predicate felony
 *                      conviction under Penal Law § 70.06(1)(b)(i); {@code null} if not known
 * @param youthfulOffender whether it was a youthful-offender adjudication rather than a conviction
 * @param sealed        whether the case has been sealed
 * @param judgmentDate  date of the judgment; {@code null} if not known
 * @param releaseDate   release from incarceration for this crime; {@code null} if never incarcerated for it or not known
 *                      (see {@code incarcerated})
 * @param incarcerated  whether the person was incarcerated for this crime: {@code false} never, {@code true} yes
 *                      (a release date implies it), {@code null} not known
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
        Boolean incarcerated,
        String description) {

    public Conviction {
        Objects.requireNonNull(offense, "offense");
        jurisdiction = jurisdiction == null ? Jurisdiction.NEW_YORK : jurisdiction;
        if (releaseDate != null && Boolean.FALSE.equals(incarcerated)) {
            throw new IllegalArgumentException("releaseDate is given, so incarcerated cannot be false");
        }
        incarcerated = releaseDate != null ? Boolean.TRUE : incarcerated;
    }

    /**
     * The record as it was before {@code incarcerated} existed: a release date means incarcerated, no release date
     * means the incarceration is not known (it used to mean "never incarcerated", which read a gap as a fact).
     */
    public Conviction(String offense, Jurisdiction jurisdiction, OffenseLevel level, Boolean predicateFelonyEquivalent,
                      boolean youthfulOffender, boolean sealed, LocalDate judgmentDate, LocalDate releaseDate,
                      String description) {
        this(offense, jurisdiction, level, predicateFelonyEquivalent, youthfulOffender, sealed, judgmentDate,
                releaseDate, null, description);
    }

    /** A New York felony conviction on the given Penal Law section; a {@code null} release date means never incarcerated. */
    public static Conviction newYorkFelony(String penalLawSection, LocalDate judgmentDate, LocalDate releaseDate) {
        return new Conviction(penalLawSection, Jurisdiction.NEW_YORK, OffenseLevel.FELONY, null,
                false, false, judgmentDate, releaseDate, releaseDate != null, null);
    }

    /** Whether the release from incarceration for this crime is unknown: incarcerated or maybe, with no release date. */
    public boolean releaseUnknown() {
        return releaseDate == null && !Boolean.FALSE.equals(incarcerated);
    }

    /**
     * Builds a conviction from Java code: only the offense is required; every fact not set stays "not known"
     * (jurisdiction New York, not youthful-offender, not sealed).
     */
    public static Builder builder(String offense) {
        return new Builder(offense);
    }

    /** See {@link #builder(String)}. */
    public static final class Builder {
        private final String offense;
        private Jurisdiction jurisdiction = Jurisdiction.NEW_YORK;
        private OffenseLevel level;
        private Boolean predicateFelonyEquivalent;
        private boolean youthfulOffender;
        private boolean sealed;
        private LocalDate judgmentDate;
        private LocalDate releaseDate;
        private Boolean incarcerated;
        private String description;

        private Builder(String offense) {
            this.offense = Objects.requireNonNull(offense, "offense");
        }

        public Builder jurisdiction(Jurisdiction value) { jurisdiction = value; return this; }
        public Builder level(OffenseLevel value) { level = value; return this; }
        public Builder predicateFelonyEquivalent(Boolean value) { predicateFelonyEquivalent = value; return this; }
        public Builder youthfulOffender(boolean value) { youthfulOffender = value; return this; }
        public Builder sealed(boolean value) { sealed = value; return this; }
        public Builder judgmentDate(LocalDate value) { judgmentDate = value; return this; }
        /** Release from incarceration for this crime (implies {@code incarcerated(true)}). */
        public Builder releaseDate(LocalDate value) { releaseDate = value; return this; }
        public Builder incarcerated(Boolean value) { incarcerated = value; return this; }
        /** Free text for people; never used by the rules. */
        public Builder description(String value) { description = value; return this; }

        public Conviction build() {
            return new Conviction(offense, jurisdiction, level, predicateFelonyEquivalent, youthfulOffender, sealed,
                    judgmentDate, releaseDate, incarcerated, description);
        }
    }
}
