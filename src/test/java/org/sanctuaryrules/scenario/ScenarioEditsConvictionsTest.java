package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;

/** A records search written into a scenario's text reads back to the very records, comments and layout kept. */
class ScenarioEditsConvictionsTest {
    private static final String FILE = """
            # a comment at the top
            id: t
            title: t
            source: t
            date: 2018-03-03
            person:
              roles: [inmate]     # a comment on a line
              convictions: null   # the search is pending
            acts:
              - id: hold
                agency: nypd
                kind: hold_past_release
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario read(String text) {
        LoadResult r = loader.parse("t.yaml", text);
        assertTrue(r.ok(), r.problems() + "\n" + text);
        return r.scenario();
    }

    private static final FieldPath CONVICTIONS = FieldPath.of("person").key("convictions");

    @Test
    void recordsReplaceANullSearchAndReadBackExactly() throws ScenarioEdits.CannotEdit {
        List<Conviction> records = List.of(
                Conviction.builder("160.15").level(OffenseLevel.FELONY).judgmentDate(LocalDate.of(2017, 3, 3)).build(),
                Conviction.builder("18 U.S.C. 2113(a)").jurisdiction(Jurisdiction.FEDERAL).level(OffenseLevel.FELONY)
                        .predicateFelonyEquivalent(true).youthfulOffender(true).sealed(true).incarcerated(false)
                        .description("said \"bank\"\nrobbery").build(),
                Conviction.builder("155.25").releaseDate(LocalDate.of(2016, 1, 1)).build());
        String text = ScenarioEdits.set(FILE, read(FILE), CONVICTIONS, ScenarioEdits.convictionsValue(records));
        assertEquals(records, read(text).aCase().person().convictions());
        assertTrue(text.startsWith("# a comment at the top\n"), text);
        assertTrue(text.contains("  roles: [inmate]     # a comment on a line\n"), text);
        assertTrue(text.contains("""
                  convictions:   # the search is pending
                    - offense: "160.15"
                      level: felony
                      judgment_date: 2017-03-03
                    - offense: "18 U.S.C. 2113(a)"
                      jurisdiction: federal
                """), text);
        // In block style a record's own fact can be added later beside its keys.
        Scenario now = read(text);
        String more = ScenarioEdits.set(text, now, CONVICTIONS.index(0).key("incarcerated"), "false");
        assertEquals(Boolean.FALSE, read(more).aCase().person().convictions().get(0).incarcerated());
        assertTrue(more.contains("      judgment_date: 2017-03-03\n      incarcerated: false\n"), more);
    }

    @Test
    void noRecordsAreAnEmptyListOnTheKeysLine() throws ScenarioEdits.CannotEdit {
        assertEquals("[]", ScenarioEdits.convictionsValue(List.of()));
        String text = ScenarioEdits.set(FILE, read(FILE), CONVICTIONS, "[]");
        assertTrue(text.contains("  convictions: []   # the search is pending\n"), text);
        assertEquals(List.of(), read(text).aCase().person().convictions());
    }

    @Test
    void aMissingKeyOrPersonIsAdded() throws ScenarioEdits.CannotEdit {
        String value = ScenarioEdits.convictionsValue(List.of(Conviction.builder("160.15").build()));
        String noKey = FILE.replace("  convictions: null   # the search is pending\n", "");
        String text = ScenarioEdits.set(noKey, read(noKey), CONVICTIONS, value);
        assertEquals(List.of(Conviction.builder("160.15").build()), read(text).aCase().person().convictions());
        String noPerson = noKey.replace("person:\n  roles: [inmate]     # a comment on a line\n", "");
        text = ScenarioEdits.set(noPerson, read(noPerson), CONVICTIONS, value);
        assertTrue(text.contains("person:\n  convictions:\n    - offense: \"160.15\"\nacts:\n"), text);
        assertEquals(List.of(Conviction.builder("160.15").build()), read(text).aCase().person().convictions());
    }
}
