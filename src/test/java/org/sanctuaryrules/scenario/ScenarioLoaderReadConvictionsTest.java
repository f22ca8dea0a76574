package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;

/**
 * A records search typed as an answer reads exactly as the same text under {@code person.convictions} in a file, and
 * a bad one is refused with the field named and the text never quoted.
 */
class ScenarioLoaderReadConvictionsTest {
    private static final LocalDate ACT = LocalDate.of(2018, 3, 3);
    private final ScenarioLoader loader = new ScenarioLoader();

    /** What a scenario file dated {@link #ACT} with this text as {@code person.convictions} gives. */
    private List<Conviction> inAFile(String convictions) {
        LoadResult r = fileWith(convictions);
        assertTrue(r.ok(), r.problems().toString());
        return r.scenario().aCase().person().convictions();
    }

    /** A scenario file dated {@link #ACT} with this text as {@code person.convictions}, read. */
    private LoadResult fileWith(String convictions) {
        return loader.parse("t.yaml", """
                id: t
                title: t
                source: t
                date: 2018-03-03
                person:
                  convictions: %s
                acts:
                  - id: hold
                    agency: nypd
                    kind: hold_past_release
                """.formatted(convictions));
    }

    private IllegalArgumentException refused(String answer) {
        return assertThrows(IllegalArgumentException.class, () -> loader.readConvictions(answer, ACT));
    }

    @Test
    void noneAndAnEmptyListAreASearchThatFoundNothing() {
        assertEquals(List.of(), loader.readConvictions("none", ACT));
        assertEquals(List.of(), loader.readConvictions("  None ", ACT));
        assertEquals(List.of(), loader.readConvictions("[]", ACT));
    }

    @Test
    void oneRecordIsReadAsTheFileReadsIt() {
        List<Conviction> read = loader.readConvictions("{offense: \"160.15\", level: felony, judgment_date: 2017-03-03}", ACT);
        assertEquals(List.of(Conviction.builder("160.15").level(OffenseLevel.FELONY)
                .judgmentDate(LocalDate.of(2017, 3, 3)).build()), read);
        assertEquals(inAFile("[{offense: \"160.15\", level: felony, judgment_date: 2017-03-03}]"), read);
    }

    @Test
    void severalRecordsInFlowOrBlockStyleAreReadAsTheFileReadsThem() {
        String flow = "[{offense: \"PL 160.15\", judgment_date: 2010-05-01, release_date: 2016-01-01}, "
                + "{offense: \"18 U.S.C. 2113(a)\", jurisdiction: federal, level: felony, predicate_felony_equivalent: true,"
                + " incarcerated: false, description: \"bank \\\"robbery\\\"\"}, {offense: 265.10, sealed: true}]";
        List<Conviction> read = loader.readConvictions(flow, ACT);
        assertEquals(3, read.size());
        assertEquals(inAFile(flow), read);
        assertEquals(Jurisdiction.FEDERAL, read.get(1).jurisdiction());
        assertEquals(Boolean.FALSE, read.get(1).incarcerated());
        assertEquals(Boolean.TRUE, read.get(0).incarcerated(), "a release date means incarcerated");
        assertEquals(read, loader.readConvictions("- offense: \"PL 160.15\"\n  judgment_date: 2010-05-01\n"
                + "  release_date: 2016-01-01\n- offense: \"18 U.S.C. 2113(a)\"\n  jurisdiction: federal\n"
                + "  level: felony\n  predicate_felony_equivalent: true\n  incarcerated: false\n"
                + "  description: \"bank \\\"robbery\\\"\"\n- offense: 265.10\n  sealed: true\n", ACT));
    }

    @Test
    void withoutADateToJudgeByOnlyTheFileChecksApply() {
        assertEquals(1, loader.readConvictions("{offense: \"160.15\", judgment_date: 2030-01-01}", null).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // answer | field named | what the message says
            "{offense: \"160.15\", level: zzsecret} | person.convictions[0].level | use one of: felony, misdemeanor, violation",
            "[{offense: \"160.15\"}, {offense: \"120.05\", judgment_date: 2019-06-01}] | person.convictions[1].judgment_date | is after 2018-03-03",
            "{offense: \"160.15\", judgment_date: 2017-02-30} | person.convictions[0].judgment_date | not a real calendar date",
            "{offense: \"160.15\", judgment_date: zzsecret} | person.convictions[0].judgment_date | write dates as YYYY-MM-DD",
            "{offense: \"160.15\", judgment_date: 1850-01-01} | person.convictions[0].judgment_date | is outside 1900",
            "[{level: felony, description: zzsecret}] | person.convictions[0].offense | is missing; name the offense",
            "{offense: \"160.15\", release_date: 2017-01-01, incarcerated: false} | person.convictions[0].incarcerated | remove one of them",
            "{offense: \"160.15\", level: misdemeanor, predicate_felony_equivalent: true} | person.convictions[0].predicate_felony_equivalent | is a felony",
            "{offense: \"160.15\", zzsecret: 1} | person.convictions[0] | has a key that is not allowed; allowed keys here: offense, jurisdiction",
            "{offense: \"160.15\", judgmnt_date: 2017-03-03} | person.convictions[0] | (did you mean 'judgment_date'?)",
            "{offense: \"160.15\", sealed: zzsecret} | person.convictions[0].sealed | true or false",
            "[{offense: \"160.15\", level: felony} | person.convictions | is not valid YAML",
            "[{offense: \"zzsecret\"}] [] | person.convictions | is not valid YAML",
            "[&zzsecret {offense: \"160.15\"}, *zzsecret] | person.convictions | is not valid YAML",
            "{offense: \"160.15\", offense: \"zzsecret\"} | person.convictions | is not valid YAML",
            "\"zzsecret\" | person.convictions | is not a list of records",
            "null | person.convictions | is not a list of records",
            "[zzsecret] | person.convictions[0] | expected a mapping of keys",
            "[{offense: [zzsecret]}] | person.convictions[0].offense | expected a single text value",
    })
    void aBadAnswerNamesTheFieldAndNeverQuotesTheText(String answer, String field, String says) {
        String message = refused(answer).getMessage();
        assertTrue(message.startsWith(field + " "), message);
        assertTrue(message.contains(says), message);
        assertFalse(message.contains("zzsecret"), "the text typed is never quoted: " + message);
        assertFalse(message.contains("2019-06-01") || message.contains("1850-01-01")
                || message.contains("2017-02-30"), "no typed date is quoted either: " + message);
    }

    @Test
    void anEmptyOrOverlongAnswerIsRefused() {
        assertTrue(refused(" ").getMessage().startsWith("person.convictions is empty"));
        assertTrue(refused("[" + "{offense: \"1\"}, ".repeat(1000) + "]").getMessage()
                .startsWith("person.convictions is longer than"));
    }

    @Test
    void theFileRefusesWhatTheAnswerRefuses() {
        // The same checks as the file, not look-alikes: what the answer refuses, a file refuses at the same field.
        LoadResult r = fileWith("[{offense: \"160.15\", release_date: 2017-01-01, incarcerated: false}]");
        assertFalse(r.ok());
        assertEquals("person.convictions[0].incarcerated", r.problems().get(0).field());
    }
}
