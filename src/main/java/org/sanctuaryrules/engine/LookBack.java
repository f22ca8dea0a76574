package org.sanctuaryrules.engine;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.sanctuaryrules.model.Conviction;

/**
 * The five-year look-back of Admin. Code §§ 9-131(a)(2) and 14-154(a)(2): a person counts as convicted only if a
 * violent or serious conviction falls "within the five years before the date of the current arrest", not counting
 * time the person spent incarcerated for it.
 *
 * <p>Readings used (named in {@code provisions.yaml}, DEF-VIOLENT-OR-SERIOUS): incarceration for the crime runs from
 * the judgment to the release date, so the five years run from whichever is later; a judgment entered on or after the
 * date of the current arrest is not "before" it and does not count (the digest's words); the current arrest and every
 * judgment on record are no later than the act judged.
 *
 * <p>Facts may be missing. {@link #within} and {@link #outside} hold only when every way of filling in the missing
 * facts agrees; otherwise {@link #open} names the facts whose values could decide it.
 */
public final class LookBack {
    public static final int YEARS = 5;

    /** A scenario fact that can decide whether a conviction falls within the look-back. */
    public enum Fact {
        JUDGMENT_DATE("person.convictions[].judgment_date"),
        CURRENT_ARREST_DATE("person.current_arrest_date"),
        /** Named also when {@code incarcerated} is not given: a release date settles both. */
        RELEASE_DATE("person.convictions[].release_date");

        private final String field;

        Fact(String field) {
            this.field = field;
        }

        /** The scenario field, as findings name it. */
        public String field() {
            return field;
        }
    }

    private LookBack() {
    }

    /** Whether the conviction falls within the look-back before {@code arrest}, whatever the missing facts. */
    public static boolean within(Conviction conviction, LocalDate arrest) {
        LocalDate judgment = conviction.judgmentDate();
        if (judgment == null || arrest == null || !judgment.isBefore(arrest)) {
            return false;
        }
        return covers(judgment, arrest)
                || conviction.releaseDate() != null && covers(conviction.releaseDate(), arrest);
    }

    /**
     * Whether the conviction falls outside the look-back, whatever the missing facts. With the arrest date missing,
     * the arrest may be any day up to the act's date: the conviction is then outside only if it was judged on that day.
     */
    public static boolean outside(Conviction conviction, LocalDate arrest, LocalDate actDate) {
        LocalDate judgment = conviction.judgmentDate();
        if (judgment == null) {
            return false;
        }
        if (arrest == null) {
            return actDate != null && !judgment.isBefore(actDate);
        }
        if (!judgment.isBefore(arrest)) {
            return true;
        }
        if (covers(judgment, arrest)) {
            return false;
        }
        if (conviction.releaseDate() != null) {
            return !covers(conviction.releaseDate(), arrest);
        }
        return Boolean.FALSE.equals(conviction.incarcerated());
    }

    /** Whether the conviction's place in the look-back turns on a fact not given. */
    public static boolean isOpen(Conviction conviction, LocalDate arrest, LocalDate actDate) {
        return !within(conviction, arrest) && !outside(conviction, arrest, actDate);
    }

    /** Whether the given missing fact could decide whether the conviction falls within the look-back. */
    public static boolean openOn(Conviction conviction, LocalDate arrest, LocalDate actDate, Fact fact) {
        return open(conviction, arrest, actDate).contains(fact);
    }

    /** The missing facts that could decide it; empty when it is decided. */
    public static Set<Fact> open(Conviction conviction, LocalDate arrest, LocalDate actDate) {
        Set<Fact> open = EnumSet.noneOf(Fact.class);
        if (!isOpen(conviction, arrest, actDate)) {
            return open;
        }
        LocalDate judgment = conviction.judgmentDate();
        if (judgment == null) {
            open.add(Fact.JUDGMENT_DATE);
        }
        if (arrest == null) {
            open.add(Fact.CURRENT_ARREST_DATE);
        }
        if (conviction.releaseUnknown() && releaseCanMatter(judgment, arrest, actDate)) {
            open.add(Fact.RELEASE_DATE);
        }
        return open;
    }

    /**
     * Time incarcerated matters only if the arrest can come more than five years after the judgment: with both dates
     * known, if it does; with the arrest missing, if the act does; with the judgment missing, always.
     */
    private static boolean releaseCanMatter(LocalDate judgment, LocalDate arrest, LocalDate actDate) {
        if (judgment == null) {
            return true;
        }
        LocalDate latestArrest = arrest != null ? arrest : actDate;
        return latestArrest == null || !covers(judgment, latestArrest);
    }

    /** Whether five years from {@code free} reach the arrest. */
    private static boolean covers(LocalDate free, LocalDate arrest) {
        return !free.plusYears(YEARS).isBefore(arrest);
    }
}
