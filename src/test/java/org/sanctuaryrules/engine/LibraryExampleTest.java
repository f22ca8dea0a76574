package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/** The embedding example of the README, kept compiling and true. */
class LibraryExampleTest {

    @Test
    void theReadmeExampleRunsAsDocumented() {
        SanctuaryEngine engine = ShippedEngine.get(); // in a service: SanctuaryEngine.shipped(), once

        // README example start
        Person person = new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of(), false, null,
                LocalDate.of(2024, 1, 27), null);
        Act hold = Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1))
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT,
                        Instrument.DETAINER, Instrument.ADMINISTRATIVE_WARRANT)
                .build();
        Assessment result = engine.assess(new Case("times-square", LocalDate.of(2024, 2, 1), person, List.of(hold)));

        result.verdict();                                   // VIOLATION
        for (Finding f : result.act("hold").decisiveFindings()) {
            String line = f.citation() + ": " + f.explanation();   // N.Y.C. Admin. Code § 14-154(b)(1): NYPD would hold …
        }
        // README example end

        assertEquals(Verdict.VIOLATION, result.verdict());
        assertTrue(result.act("hold").decisiveFindings().stream()
                .anyMatch(f -> f.provision().equals("AC-14-154-b1") && f.effect() == Effect.PROHIBITS));
        assertEquals(engine.ruleSet().version(), result.ruleSetVersion());
    }
}
