package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.engine.LookBack.Fact;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;

class LookBackTest {
    private static final LocalDate ACT = LocalDate.parse("2024-06-01");

    /** Never incarcerated when {@code release} is null (Conviction.newYorkFelony). */
    private static Conviction convicted(String judgment, String release) {
        return Conviction.newYorkFelony("160.15", LocalDate.parse(judgment), release == null ? null : LocalDate.parse(release));
    }

    private static Conviction incarceration(String judgment, Boolean incarcerated) {
        return new Conviction("160.15", Jurisdiction.NEW_YORK, OffenseLevel.FELONY, null, false, false,
                judgment == null ? null : LocalDate.parse(judgment), null, incarcerated, null);
    }

    private static LocalDate date(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void fiveYearsRunFromTheJudgmentWhenNeverIncarcerated() {
        assertTrue(LookBack.within(convicted("2019-01-10", null), date("2024-01-10")));
        assertFalse(LookBack.within(convicted("2019-01-10", null), date("2024-01-11")));
        assertTrue(LookBack.outside(convicted("2019-01-10", null), date("2024-01-11"), ACT));
    }

    @Test
    void timeIncarceratedIsNotCounted() {
        // The digest's example: a 2016 conviction with release in 2020 still counts for a 2023 arrest.
        assertTrue(LookBack.within(convicted("2016-04-01", "2020-06-30"), date("2023-08-20")));
        assertFalse(LookBack.within(convicted("2016-04-01", "2017-06-30"), date("2023-08-20")));
        assertTrue(LookBack.outside(convicted("2016-04-01", "2017-06-30"), date("2023-08-20"), ACT));
    }

    /** Issue 9 §2.1: "within the five years before the date of the current arrest" — a later judgment is not. */
    @Test
    void aJudgmentOnOrAfterTheCurrentArrestDoesNotCount() {
        assertFalse(LookBack.within(convicted("2024-05-01", null), date("2024-01-01")));
        assertTrue(LookBack.outside(convicted("2024-05-01", null), date("2024-01-01"), ACT));
        assertTrue(LookBack.outside(convicted("2024-01-01", null), date("2024-01-01"), ACT), "the same day is not before it");
        assertTrue(LookBack.within(convicted("2023-12-31", null), date("2024-01-01")));
    }

    /** Issue 9 §2.2: a missing release date is not "never incarcerated". */
    @Test
    void anUnknownIncarcerationLeavesAnOldConvictionOpen() {
        Conviction unknown = incarceration("2015-05-10", null);
        assertFalse(LookBack.within(unknown, date("2024-03-02")));
        assertFalse(LookBack.outside(unknown, date("2024-03-02"), ACT));
        assertEquals(Set.of(Fact.RELEASE_DATE), LookBack.open(unknown, date("2024-03-02"), ACT));
        Conviction noRelease = incarceration("2015-05-10", true);
        assertEquals(Set.of(Fact.RELEASE_DATE), LookBack.open(noRelease, date("2024-03-02"), ACT));
        assertTrue(LookBack.outside(incarceration("2015-05-10", false), date("2024-03-02"), ACT));
    }

    @Test
    void anUnknownIncarcerationDoesNotMatterInsideThePlainWindowOrAfterTheArrest() {
        assertTrue(LookBack.within(incarceration("2021-05-10", null), date("2024-03-02")));
        assertTrue(LookBack.outside(incarceration("2024-04-01", null), date("2024-03-02"), ACT));
    }

    @Test
    void withoutTheArrestDateAnyJudgmentBeforeTheActIsOpen() {
        // The arrest could come just after the judgment (counts) or before it (does not).
        assertEquals(Set.of(Fact.CURRENT_ARREST_DATE), LookBack.open(convicted("2022-01-10", null), null, ACT));
        // Judged more than five years before the act: the time incarcerated could matter too.
        assertEquals(Set.of(Fact.CURRENT_ARREST_DATE, Fact.RELEASE_DATE),
                LookBack.open(incarceration("2015-01-10", null), null, ACT));
        assertEquals(Set.of(Fact.CURRENT_ARREST_DATE), LookBack.open(incarceration("2015-01-10", false), null, ACT));
        assertTrue(LookBack.outside(convicted("2024-06-01", null), null, ACT), "judged on the day of the act");
    }

    @Test
    void withoutAJudgmentDateNothingIsSettled() {
        Conviction undated = new Conviction("160.15", null, null, null, false, false, null, null, null);
        assertFalse(LookBack.within(undated, date("2024-01-01")));
        assertFalse(LookBack.outside(undated, date("2024-01-01"), ACT));
        assertEquals(Set.of(Fact.JUDGMENT_DATE, Fact.RELEASE_DATE), LookBack.open(undated, date("2024-01-01"), ACT));
        assertEquals(Set.of(Fact.JUDGMENT_DATE), LookBack.open(incarceration(null, false), date("2024-01-01"), ACT));
    }

    @Test
    void aReleaseDateMeansIncarceratedAndContradictsNever() {
        assertEquals(Boolean.TRUE, convicted("2016-04-01", "2020-06-30").incarcerated());
        assertThrows(IllegalArgumentException.class, () -> new Conviction("160.15", null, null, null, false, false,
                date("2016-04-01"), date("2020-06-30"), false, null));
    }
}
