package org.sanctuaryrules.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Request;
import org.sanctuaryrules.model.Requester;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

/** The inputs the benchmarks judge. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * The representative detainer case (scenario seed-4-judicial-warrant-robbery-conviction, its hold): DOC holds
     * an inmate for ICE on a detainer with a judicial warrant; a first-degree robbery conviction three years
     * before the arrest lifts the prohibition (COMPLIANT). It exercises the felony list and the look-back.
     */
    public static Case detainerCase() {
        Person person = new Person(Set.of(PersonRole.INMATE),
                List.of(Conviction.newYorkFelony("160.15", LocalDate.of(2021, 5, 10), null)),
                List.of(), false, null, LocalDate.of(2024, 3, 2), null);
        Act hold = Act.builder("hold", Agency.DOC, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 6, 1))
                .request(new Request(Requester.ICE_ERO, Set.of(Instrument.DETAINER, Instrument.JUDICIAL_WARRANT),
                        Purpose.CIVIL_IMMIGRATION_ENFORCEMENT))
                .build();
        return new Case("bench-detainer", hold.date(), person, List.of(hold));
    }

    /** Every shipped scenario's case (run from the project directory): a realistic mix of acts. */
    public static List<Case> shippedCases() {
        ScenarioLoader loader = new ScenarioLoader();
        List<Case> cases = new ArrayList<>();
        for (Path file : loader.discover(List.of(Path.of("scenarios")))) {
            LoadResult loaded = loader.load(file);
            if (!loaded.ok()) {
                throw new IllegalStateException(file + ": " + loaded.problems());
            }
            cases.add(loaded.scenario().aCase());
        }
        return cases;
    }
}
