package org.sanctuaryrules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ConvictionTest {
    @Test
    void aBuilderWithOnlyTheOffenseLeavesEveryOtherFactUnknown() {
        assertEquals(new Conviction("160.15", null, null, null, false, false, null, null, null, null),
                Conviction.builder("160.15").build());
    }

    @Test
    void theBuilderSetsEachFactByName() {
        Conviction built = Conviction.builder("18 U.S.C. 2113")
                .jurisdiction(Jurisdiction.FEDERAL)
                .level(OffenseLevel.FELONY)
                .predicateFelonyEquivalent(true)
                .youthfulOffender(true)
                .sealed(true)
                .judgmentDate(LocalDate.of(2020, 3, 1))
                .releaseDate(LocalDate.of(2022, 3, 1))
                .description("bank robbery")
                .build();
        assertEquals(new Conviction("18 U.S.C. 2113", Jurisdiction.FEDERAL, OffenseLevel.FELONY, true, true, true,
                LocalDate.of(2020, 3, 1), LocalDate.of(2022, 3, 1), true, "bank robbery"), built);
    }

    @Test
    void theBuilderKeepsTheRecordsChecks() {
        assertThrows(NullPointerException.class, () -> Conviction.builder(null));
        assertThrows(IllegalArgumentException.class, () -> Conviction.builder("160.15")
                .releaseDate(LocalDate.of(2022, 3, 1)).incarcerated(false).build());
        assertEquals(Boolean.FALSE, Conviction.builder("160.15").incarcerated(false).build().incarcerated());
    }
}
