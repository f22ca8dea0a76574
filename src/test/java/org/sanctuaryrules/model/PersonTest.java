package org.sanctuaryrules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PersonTest {
    @Test
    void aBuilderWithNothingSetIsThePersonAboutWhomNothingIsKnown() {
        Person nobody = Person.builder().build();
        assertEquals(Person.unknown(), nobody);
        assertFalse(nobody.convictionsKnown(), "no records search given is not a search that found nothing");
    }

    @Test
    void theBuilderSetsEachFactByName() {
        LocalDate arrest = LocalDate.of(2024, 1, 27);
        Person built = Person.builder()
                .roles(PersonRole.ARRESTEE)
                .convictions()
                .pendingCharges("PL 155.30")
                .terroristScreeningMatch(false)
                .reenteredAfterRemoval(true)
                .currentArrestDate(arrest)
                .writtenConsent(false)
                .build();
        assertEquals(new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of("PL 155.30"), false, true, arrest, false),
                built);
        assertTrue(built.convictionsKnown(), "convictions() with none: searched, nothing found");
    }

    @Test
    void convictionsMayBeGivenAsAListOrLeftUnknown() {
        assertNull(Person.builder().convictions((List<Conviction>) null).build().convictions());
        assertEquals(List.of(), Person.builder().convictions(List.of()).build().convictions());
    }
}
