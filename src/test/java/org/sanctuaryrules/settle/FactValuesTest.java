package org.sanctuaryrules.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;

class FactValuesTest {
    private static final LocalDate EARLIEST_ACT = LocalDate.of(2023, 1, 10);

    /** A record with no judgment date, asked about for an act done after the case's earliest act. */
    private final Situation later = new Situation(
            new Person(Set.of(PersonRole.INMATE), List.of(Conviction.builder("160.15").level(OffenseLevel.FELONY).build()),
                    List.of(), false, false, null, false),
            Act.builder("later", Agency.DOC, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 5, 1)).build());
    private final Fact judgment = new Fact(Fact.Where.CONVICTION, "judgmentDate", 0);

    @Test
    void aJudgmentDateIsBoundedByTheCasesEarliestActNotOnlyTheActAsked() {
        // The loader refuses a judgment after any act, so an answer it would refuse is refused when typed.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactValues.parse(judgment, later, "2023-06-01", EARLIEST_ACT));
        assertTrue(e.getMessage().contains("person.convictions[].judgment_date"), e.getMessage());
        assertTrue(e.getMessage().contains("earliest act"), e.getMessage());
        assertTrue(e.getMessage().contains("not after 2023-01-10"), e.getMessage());
        assertFalse(e.getMessage().contains("2023-06-01"), "quotes the answer: " + e.getMessage());
        assertEquals(LocalDate.of(2022, 6, 1), FactValues.parse(judgment, later, "2022-06-01", EARLIEST_ACT));
        assertEquals("a date (YYYY-MM-DD), not after 2023-01-10", FactValues.allowed(judgment, later, EARLIEST_ACT));
    }

    @Test
    void withoutAnEarlierActTheActsOwnDateBounds() {
        assertEquals(LocalDate.of(2024, 4, 1), FactValues.parse(judgment, later, "2024-04-01", null));
        assertThrows(IllegalArgumentException.class, () -> FactValues.parse(judgment, later, "2024-06-01", null));
        assertEquals("a date (YYYY-MM-DD), not after 2024-05-01", FactValues.allowed(judgment, later, null));
    }
}
