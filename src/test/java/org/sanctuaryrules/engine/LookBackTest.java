package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.model.Conviction;

class LookBackTest {
    private static Conviction convicted(String judgment, String release) {
        return Conviction.newYorkFelony("160.15", LocalDate.parse(judgment), release == null ? null : LocalDate.parse(release));
    }

    @Test
    void fiveYearsRunFromTheJudgmentWhenNeverIncarcerated() {
        assertTrue(LookBack.within(convicted("2019-01-10", null), LocalDate.parse("2024-01-10")));
        assertFalse(LookBack.within(convicted("2019-01-10", null), LocalDate.parse("2024-01-11")));
    }

    @Test
    void timeIncarceratedIsNotCounted() {
        // The digest's example: a 2016 conviction with release in 2020 still counts for a 2023 arrest.
        assertTrue(LookBack.within(convicted("2016-04-01", "2020-06-30"), LocalDate.parse("2023-08-20")));
        assertFalse(LookBack.within(convicted("2016-04-01", "2017-06-30"), LocalDate.parse("2023-08-20")));
    }

    @Test
    void theConvictionFromTheCurrentArrestCounts() {
        assertTrue(LookBack.within(convicted("2024-05-01", null), LocalDate.parse("2024-01-01")));
    }

    @Test
    void withoutAJudgmentDateNothingCounts() {
        assertFalse(LookBack.within(new Conviction("160.15", null, null, null, false, false, null, null, null),
                LocalDate.parse("2024-01-01")));
    }
}
