package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Place;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private static final String VALID = """
            id: seed-3-times-square
            title: ICE detainers with administrative warrants
            source: "Seed report 3 (2024 news reports)"
            date: 2024-02-01
            person:
              roles: [arrestee]
              convictions:
                - offense: 160.10
                  level: FELONY
                  judgment_date: 2021-03-01
                  description: never shown
              pending_charges: ["PL 120.05"]
              current_arrest_date: 2024-01-27
            request:
              from: ice_ero
              instruments: [detainer, administrative_warrant]
              stated_purpose: civil_immigration_enforcement
            acts:
              - id: hold
                agency: nypd
                kind: HOLD_PAST_RELEASE
                hold_hours: 30
              - id: tell
                agency: Doc
                kind: disclose_court_date
                date: 2024-03-01
                place: courthouse
                information: [court_date]
                recipient: ice
                request: { from: fbi }
            expect:
              verdict: violation
              acts: { hold: violation, tell: compliant }
              cites: [AC-14-154-b1]
            """;

    @Test
    void validFileBecomesACaseWithDefaultsApplied() {
        LoadResult result = loader.parse("seed-3.yaml", VALID);

        assertTrue(result.ok(), () -> result.problems().toString());
        Scenario s = result.scenario();
        assertEquals("seed-3-times-square", s.id());
        assertEquals(Path.of("seed-3.yaml"), s.file());
        assertEquals(LocalDate.of(2024, 2, 1), s.aCase().date());
        assertEquals(Set.of(PersonRole.ARRESTEE), s.aCase().person().roles());
        assertEquals("160.10", s.aCase().person().convictions().get(0).offense(), "unquoted number kept as written");
        assertEquals(Jurisdiction.NEW_YORK, s.aCase().person().convictions().get(0).jurisdiction());
        assertEquals(OffenseLevel.FELONY, s.aCase().person().convictions().get(0).level());
        assertEquals(List.of("PL 120.05"), s.aCase().person().pendingCharges());

        Act hold = s.aCase().acts().get(0);
        assertEquals(Agency.NYPD, hold.agency());
        assertEquals(ActKind.HOLD_PAST_RELEASE, hold.kind());
        assertEquals(LocalDate.of(2024, 2, 1), hold.date(), "the scenario date is the default");
        assertEquals(Requester.ICE_ERO, hold.request().requester(), "the scenario request is the default");
        assertEquals(Set.of(Instrument.DETAINER, Instrument.ADMINISTRATIVE_WARRANT), hold.request().instruments());
        assertEquals(Purpose.CIVIL_IMMIGRATION_ENFORCEMENT, hold.request().statedPurpose());
        assertEquals(Requester.ICE_ERO, hold.recipient(), "the recipient defaults to the requester");
        assertEquals(30, hold.holdHours());
        assertNull(hold.courtOrder(), "a circumstance not given stays unknown");

        Act tell = s.aCase().acts().get(1);
        assertEquals(Agency.DOC, tell.agency());
        assertEquals(LocalDate.of(2024, 3, 1), tell.date());
        assertEquals(Place.COURTHOUSE, tell.place());
        assertEquals(Set.of(Information.COURT_DATE), tell.information());
        assertEquals(Requester.FBI, tell.request().requester(), "an act's request replaces the default");
        assertEquals(Set.of(), tell.request().instruments());
        assertEquals(Requester.ICE, tell.recipient());

        assertEquals(Verdict.VIOLATION, s.expectation().verdict());
        assertEquals(Map.of("hold", Verdict.VIOLATION, "tell", Verdict.COMPLIANT), s.expectation().acts());
        assertEquals(List.of("AC-14-154-b1"), s.expectation().cites());
    }

    @Test
    void absentPersonAndConvictionsStayUnknown() {
        Scenario s = load(minimal(""));
        assertFalse(s.aCase().person().convictionsKnown());
        assertNull(s.expectation());
    }

    @Test
    void anEmptyConvictionListMeansTheSearchFoundNone() {
        Scenario s = load(minimal("person: { convictions: [] }\n"));
        assertTrue(s.aCase().person().convictionsKnown());
        assertTrue(s.aCase().person().convictions().isEmpty());
    }

    @Test
    void unknownEnumValueListsTheAllowedValuesAtTheValue() {
        Problem p = onlyProblem(minimal("").replace("agency: nypd", "agency: nypdd"));
        assertEquals("acts[0].agency", p.field());
        assertEquals(7, p.line());
        assertEquals(13, p.column());
        assertFalse(p.message().contains("nypdd"), "the value is not quoted: " + p.message());
        assertTrue(p.message().contains("nypd, doc, probation, other_city_agency"), p.message());
    }

    @Test
    void unknownKeyListsTheAllowedKeysAndSuggestsTheNearOne() {
        Problem p = onlyProblem(minimal("").replace("    kind:", "    knd: x\n    kind:"));
        assertEquals("acts[0].knd", p.field());
        assertEquals(8, p.line());
        assertTrue(p.message().contains("did you mean 'kind'"), p.message());
        assertTrue(p.message().contains("id, agency, kind, date, place"), p.message());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        Problem p = onlyProblem(minimal("").replace("kind: hold_past_release",
                "kind: hold_past_release\n    information: court_date"));
        assertEquals("acts[0].information", p.field());
        assertEquals(9, p.line());
        assertTrue(p.message().startsWith("expected a list"), p.message());
        assertTrue(p.message().contains("found a text value"), p.message());
    }

    @Test
    void missingRequiredFieldIsReportedAtItsParent() {
        Problem p = onlyProblem(minimal("").replace("    agency: nypd\n", ""));
        assertEquals("acts[0].agency", p.field());
        assertEquals(6, p.line(), "the line of acts[0]");
        assertTrue(p.message().startsWith("is missing"), p.message());
        assertTrue(p.message().contains("nypd, doc"), p.message());
    }

    @Test
    void emptyRequiredFieldIsReportedAtItsLine() {
        Problem p = onlyProblem(minimal("").replace("title: A title", "title:"));
        assertEquals("title", p.field());
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("is empty"), p.message());
    }

    @Test
    void duplicateActIdNamesTheFirstUse() {
        Problem p = onlyProblem(minimal("") + """
                  - id: hold
                    agency: doc
                    kind: notify_release
                """);
        assertEquals("acts[1].id", p.field());
        assertEquals(9, p.line());
        assertTrue(p.message().contains("already used by acts[0]"), p.message());
    }

    @Test
    void expectationNamingAnUnknownActIsAnError() {
        Problem p = onlyProblem(minimal("expect:\n  acts: { hold: violation, hodl: compliant }\n"));
        assertEquals("expect.acts.hodl", p.field());
        assertEquals(10, p.line());
        assertTrue(p.message().contains("no act of this file has this id") && p.message().contains("hold"), p.message());
    }

    @Test
    void aKindOfLawWithoutARequirementIsAnError() {
        // required_by says which law requires the act (issue 9, §2.11); alone it would contradict "not known".
        Problem p = onlyProblem(minimal("").replace("kind: hold_past_release",
                "kind: hold_past_release\n    required_by: federal"));
        assertEquals("acts[0].required_by", p.field());
        assertTrue(p.message().contains("required_by_law: true"), p.message());
    }

    @Test
    void theNewFactsAndThePolicyExpectationLoad() {
        LoadResult result = loader.parse("new.yaml", minimal("expect:\n  policy: breach\n").replace(
                "kind: hold_past_release", "kind: hold_past_release\n    required_by_law: true\n    required_by: state\n"
                        + "    apprehending_suspect: false\n    legal_bureau_authorization: true\n    public_safety_threat: false"));
        assertTrue(result.ok(), () -> result.problems().toString());
        Act act = result.scenario().aCase().acts().get(0);
        assertEquals(org.sanctuaryrules.model.LawSource.STATE, act.requiredBy());
        assertEquals(Boolean.FALSE, act.apprehendingSuspect());
        assertEquals(Boolean.TRUE, act.legalBureauAuthorization());
        assertEquals(Boolean.FALSE, act.publicSafetyThreat());
        assertEquals(org.sanctuaryrules.engine.PolicyOutcome.BREACH, result.scenario().expectation().policy());
    }

    @Test
    void actDateBefore1900IsAnError() {
        Problem p = onlyProblem(minimal("").replace("kind: hold_past_release",
                "kind: hold_past_release\n    date: 1850-02-01"));
        assertEquals("acts[0].date", p.field());
        assertEquals(9, p.line());
        assertTrue(p.message().contains("outside 1900–2100"), p.message());
    }

    @Test
    void impossibleDateIsAnError() {
        Problem p = onlyProblem(minimal("").replace("date: 2024-02-01", "date: 2024-02-30"));
        assertEquals("date", p.field());
        assertEquals(4, p.line());
        assertTrue(p.message().contains("not a real calendar date"), p.message());
    }

    @Test
    void convictionJudgedAfterTheActIsAnError() {
        Problem p = onlyProblem(minimal("""
                person:
                  convictions:
                    - offense: "160.15"
                      judgment_date: 2024-06-01
                """));
        assertEquals("person.convictions[0].judgment_date", p.field());
        assertEquals(12, p.line());
        assertTrue(p.message().contains("after the date of acts[0]"), p.message());
    }

    /** Issue 9 §2.2: incarceration is a fact of its own; a release date implies it, and "not known" stays null. */
    @Test
    void incarcerationIsReadAndAReleaseDateImpliesIt() {
        Scenario s = load(minimal("""
                person:
                  convictions:
                    - offense: "160.15"
                      judgment_date: 2015-06-01
                      incarcerated: false
                    - offense: "160.10"
                      judgment_date: 2015-06-01
                      release_date: 2019-06-01
                    - offense: "160.05"
                      judgment_date: 2015-06-01
                """));
        List<Conviction> convictions = s.aCase().person().convictions();
        assertEquals(Boolean.FALSE, convictions.get(0).incarcerated());
        assertEquals(Boolean.TRUE, convictions.get(1).incarcerated());
        assertNull(convictions.get(2).incarcerated());
        assertTrue(convictions.get(2).releaseUnknown());
    }

    @Test
    void aReleaseDateForAConvictionNeverIncarceratedForIsAnError() {
        Problem p = onlyProblem(minimal("""
                person:
                  convictions:
                    - offense: "160.15"
                      judgment_date: 2015-06-01
                      release_date: 2019-06-01
                      incarcerated: false
                """));
        assertEquals("person.convictions[0].incarcerated", p.field());
        assertEquals(14, p.line());
        assertFalse(p.message().contains("2019"), "no values in messages: " + p.message());
    }

    @Test
    void aPredicateFelonyGradedAsAMisdemeanorIsAnError() {
        Problem p = onlyProblem(minimal("""
                person:
                  convictions:
                    - offense: "18 U.S.C. 111(a)"
                      jurisdiction: federal
                      level: misdemeanor
                      predicate_felony_equivalent: true
                """));
        assertEquals("person.convictions[0].predicate_felony_equivalent", p.field());
        assertEquals(14, p.line());
    }

    @Test
    void enumsAreCaseInsensitive() {
        Scenario s = load(minimal("").replace("agency: nypd", "agency: NYPD").replace("hold_past_release",
                "Hold_Past_Release"));
        assertEquals(Agency.NYPD, s.aCase().acts().get(0).agency());
    }

    @Test
    void numbersAreNotAcceptedForEnums() {
        Problem p = onlyProblem(minimal("").replace("agency: nypd", "agency: 1"));
        assertEquals("acts[0].agency", p.field());
    }

    @Test
    void everyErrorOfTheFileIsReported() {
        LoadResult result = loader.parse("many.yaml", """
                id: many
                title:
                date: 2024-02-01
                acts:
                  - id: a
                    agency: nypdd
                    kind: hold_past_release
                    court_order: maybe
                  - id: a
                    agency: doc
                    kind: notify_release
                    hold_hours: -1
                expect:
                  verdict: wrong
                  acts: { b: violation }
                """);

        assertFalse(result.ok());
        List<String> fields = result.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("source", "title", "acts[0].agency", "acts[0].court_order", "acts[1].id",
                "acts[1].hold_hours", "expect.verdict", "expect.acts.b"), fields, result.problems().toString());
        assertTrue(result.problems().stream().allMatch(p -> p.file().equals("many.yaml")));
    }

    @Test
    void malformedYamlIsOneErrorWithLineAndColumn() {
        List<Problem> problems = loader.parse("broken.yaml", "id: x\ntitle: [a, b\ndate: 2024-01-01\n").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).line() > 0 && problems.get(0).column() > 0, problems.toString());
        assertTrue(problems.get(0).message().startsWith("not valid YAML"), problems.toString());
    }

    @Test
    void duplicateKeyIsAnError() {
        Problem p = onlyProblem(minimal("").replace("title: A title", "title: A title\ntitle: Again"));
        assertEquals("title", p.field());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("appears twice"), p.message());
    }

    @Test
    void aliasesAreRefused() {
        Problem p = onlyProblem(minimal("request: &r { from: ice }\n").replace("    kind: hold_past_release",
                "    kind: hold_past_release\n    request: *r"));
        assertEquals("acts[0].request", p.field());
        assertTrue(p.message().contains("aliases"), p.message());
    }

    @Test
    void aSecondDocumentIsAnError() {
        Problem p = onlyProblem(minimal("") + "---\nid: other\n");
        assertTrue(p.message().contains("second YAML document"), p.message());
    }

    @Test
    void aTopLevelListIsAnError() {
        Problem p = onlyProblem("- id: x\n");
        assertTrue(p.message().contains("must be a mapping"), p.message());
    }

    @Test
    void emptyFileIsAnError() {
        assertTrue(onlyProblem("").message().contains("empty"));
        assertTrue(onlyProblem("# only a comment\n").message().contains("empty"));
    }

    @Test
    void deepNestingIsRefused() {
        Problem p = onlyProblem("id: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertTrue(p.message().contains("nested"), p.message());
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(1_100_000) + "\n");
        List<Problem> problems = loader.load(big).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("limited to"), problems.toString());
    }

    @Test
    void missingFileIsAProblemNotAnException(@TempDir Path dir) {
        LoadResult result = loader.load(dir.resolve("nope.yaml"));
        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("no such file"));
    }

    @Test
    void discoverWalksDirectoriesSortedAndKeepsMissingPaths(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("b"));
        Files.writeString(sub.resolve("z.yml"), "x");
        Files.writeString(dir.resolve("a.yaml"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(sub.resolve("c.yaml"), "x");
        Path missing = dir.resolve("missing.yaml");

        List<Path> found = loader.discover(List.of(dir, missing, dir.resolve("a.yaml")));

        assertEquals(List.of(dir.resolve("a.yaml"), sub.resolve("c.yaml"), sub.resolve("z.yml"), missing), found);
    }

    @Test
    void aBadFileInAFolderDoesNotStopTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1-good.yaml"), minimal(""));
        Files.writeString(dir.resolve("2-bad.yaml"), "id: [\n");
        Files.writeString(dir.resolve("3-good.yaml"), minimal("").replace("id: minimal", "id: other"));

        List<LoadResult> results = loader.discover(List.of(dir)).stream().map(loader::load).toList();

        assertEquals(List.of(true, false, true), results.stream().map(LoadResult::ok).toList());
        assertEquals(dir.resolve("2-bad.yaml").toString(), results.get(1).problems().get(0).file());
    }

    /** A valid scenario with one act; {@code extra} is appended (a person, an expectation). */
    static String minimal(String extra) {
        return """
                id: minimal
                title: A title
                source: hypothetical
                date: 2024-02-01
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                """ + extra;
    }

    private Scenario load(String yaml) {
        LoadResult result = loader.parse("test.yaml", yaml);
        assertTrue(result.ok(), () -> result.problems().toString());
        return result.scenario();
    }

    private Problem onlyProblem(String yaml) {
        LoadResult result = loader.parse("test.yaml", yaml);
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        return result.problems().get(0);
    }
}
