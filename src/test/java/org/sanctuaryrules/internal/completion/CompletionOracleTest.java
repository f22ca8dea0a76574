package org.sanctuaryrules.internal.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.RuleSetException;
import org.sanctuaryrules.engine.SanctuaryEngine;
import org.sanctuaryrules.engine.SourceFile;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/**
 * The oracle and the soundness check on a small rule set written three ways: soundly, with a "not known" rule
 * missing (which lets an unknown fact decide the verdict), and with one that fires where the fact cannot matter.
 * The check must pass the first and catch the other two — it is a test that can fail.
 */
class CompletionOracleTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;
            global org.sanctuaryrules.engine.FelonyList felonies;
            """;
    private static final String PROHIBITION = """
            rule "Sealed records must not be shared"
                @provision("T-1")
            when
                $act : Act( kind == ActKind.SHARE_RECORD, recordSealed == true )
            then
                Conclude.prohibit(kcontext, $act, "a sealed record");
            end
            rule "Unless a court order"
                @provision("T-1")
                @lifts("Sealed records must not be shared")
            when
                $p : Prohibition( rule == "Sealed records must not be shared", act.courtOrder == true )
            then
                Conclude.lift(kcontext, $p, "a court order");
            end
            rule "Whether a court order was made is not known"
                @provision("T-1")
            when
                $p : Prohibition( rule == "Sealed records must not be shared", act.courtOrder == null )
            then
                Conclude.unknown(kcontext, $p.act(), "acts[].court_order", $p, "court order not given");
            end
            """;
    private static final String SEALED_NOT_KNOWN = """
            rule "Whether the record is sealed is not known"
                @provision("T-1")
            when
                $act : Act( kind == ActKind.SHARE_RECORD, recordSealed == null )
            then
                Conclude.unknown(kcontext, $act, "acts[].record_sealed", null, "sealing not given");
            end
            """;
    private static final String RED_HERRING = """
            rule "Whether the agency's mission is served is not known"
                @provision("T-1")
            when
                $act : Act( kind == ActKind.SHARE_RECORD, furthersAgencyMission == null )
            then
                Conclude.unknown(kcontext, $act, "acts[].furthers_agency_mission", null, "mission not given");
            end
            """;

    private static CompletionOracle sound;
    private static CompletionOracle unsound;
    private static CompletionOracle misnamed;

    @BeforeAll
    static void build() throws RuleSetException {
        sound = oracle(PROHIBITION + SEALED_NOT_KNOWN);
        unsound = oracle(PROHIBITION);
        misnamed = oracle(PROHIBITION + SEALED_NOT_KNOWN + RED_HERRING);
    }

    private static CompletionOracle oracle(String rules) throws RuleSetException {
        RuleSet set = RuleSet.compile("oracle test", List.of(
                new SourceFile("rules/test.drl", HEADER + rules),
                new SourceFile("rules/provisions.yaml", """
                        - id: T-1
                          citation: "Test § 1"
                          title: sealed records
                          from: 2000-01-01
                        """),
                new SourceFile("rules/violent-or-serious-felonies.csv", "section,subdivisions,group\n160.15,,robbery\n")));
        return new CompletionOracle(SanctuaryEngine.of(set), 256);
    }

    private static Situation share(Boolean sealed, Boolean courtOrder) {
        Act act = Act.builder("share", Agency.NYPD, ActKind.SHARE_RECORD, DAY)
                .request(Requester.FBI, Purpose.CRIMINAL_INVESTIGATION).information(Information.ARREST_RECORD)
                .recordSealed(sealed).courtOrder(courtOrder).build();
        return new Situation(Person.unknown(), act);
    }

    private static Set<SoundnessCheck.Kind> kinds(CompletionOracle oracle, Situation s) {
        return new SoundnessCheck(oracle).check(s, "t").stream().map(SoundnessCheck.Flaw::kind)
                .collect(Collectors.toSet());
    }

    @Test
    void factsAreNamedAsTheEngineNamesThem() {
        Set<String> missing = Fact.missing(share(null, null)).stream().map(Fact::field).collect(Collectors.toSet());
        assertTrue(missing.containsAll(Set.of("acts[].record_sealed", "acts[].court_order", "acts[].hold_hours",
                "person.convictions", "person.roles", "person.current_arrest_date")), missing::toString);
        assertTrue(missing.contains("acts[].purpose"), "a request that states a criminal case only labels it");
        Act civil = Act.builder("notify", Agency.DOC, ActKind.NOTIFY_RELEASE, DAY)
                .request(Requester.ICE, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT).build();
        assertFalse(Fact.missing(new Situation(null, civil)).stream().anyMatch(f -> f.field().equals("acts[].purpose")),
                "a request that states an immigration purpose is taken at its word");
    }

    @Test
    void everyCompletionIsCountedAndEachFillsEveryFact() {
        // Known but for two facts: whether a record is sealed (two values) and the hold's hours (three).
        Person known = new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of(), false, false, DAY, false);
        Act act = Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, DAY)
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT)
                .nonPublicArea(false).courtOrder(false).privacyOfficerApproval(false).exigentCircumstances(false)
                .requiredByLaw(false).furthersAgencyMission(false).agreement(false).courtJourney(false)
                .apprehendingSuspect(false).legalBureauAuthorization(false).publicSafetyThreat(false).build();
        Situation s = new Situation(known, act);
        assertEquals(Set.of("acts[].record_sealed", "acts[].hold_hours"),
                Fact.missing(s).stream().map(Fact::field).collect(Collectors.toSet()));
        List<Situation> all = Completions.of(s, 256, 1);
        assertTrue(Completions.exhaustive(s, 256));
        assertEquals(2 * Fact.HOLD_HOURS.size(), all.size());
        assertTrue(all.stream().allMatch(c -> Fact.missing(c).isEmpty()));
        assertEquals(all.size(), Set.copyOf(all).size(), "no completion twice");
    }

    @Test
    void aSampleIsBoundedAndRepeatsWithItsSeed() {
        Situation s = share(null, null);
        assertFalse(Completions.exhaustive(s, 256));
        List<Situation> a = Completions.of(s, 256, 7);
        assertEquals(256, a.size());
        assertEquals(a, Completions.of(s, 256, 7));
    }

    @Test
    void whatKindOfLawRequiresAnActIsAFactOnlyWhenALawDoes() {
        Act required = Act.builder("share", Agency.NYPD, ActKind.SHARE_RECORD, DAY).requiredByLaw(true).build();
        Act notRequired = Act.builder("share", Agency.NYPD, ActKind.SHARE_RECORD, DAY).requiredByLaw(false).build();
        assertTrue(Fact.missing(new Situation(null, required)).stream().anyMatch(f -> f.field().equals("acts[].required_by")));
        assertFalse(Fact.missing(new Situation(null, notRequired)).stream().anyMatch(f -> f.field().equals("acts[].required_by")));
    }

    @Test
    void aRequestFromEnforcementAndRemovalIsPresumedCivil() {
        Act act = Act.builder("notify", Agency.DOC, ActKind.NOTIFY_RELEASE, DAY).request(Requester.ICE_ERO, null).build();
        Fact purpose = Fact.missing(new Situation(Person.unknown(), act)).stream()
                .filter(f -> f.field().equals("acts[].purpose")).findFirst().orElseThrow();
        assertEquals(List.of(Purpose.CIVIL_IMMIGRATION_ENFORCEMENT), purpose.values(new Situation(null, act)));
    }

    @Test
    void completionsSettleWhatTheFactsDecide() {
        assertEquals(Verdict.VIOLATION, sound.complete(share(true, false), 1).settled());
        assertEquals(Verdict.INDETERMINATE, sound.complete(share(null, false), 1).settled());
        assertEquals(Set.of(Verdict.VIOLATION, Verdict.COMPLIANT), sound.complete(share(true, null), 1).distinct());
        Set<String> matter = sound.factsThatMatter(share(null, null), 32, 1).stream().map(Fact::field)
                .collect(Collectors.toSet());
        assertEquals(Set.of("acts[].record_sealed", "acts[].court_order"), matter);
    }

    @Test
    void soundRulesPassTheCheck() {
        assertEquals(List.of(), new SoundnessCheck(sound).check(share(true, false), "t"));
        assertEquals(List.of(), new SoundnessCheck(sound).check(share(false, null), "t"));
    }

    @Test
    void aMissingNotKnownRuleIsCaughtAsUnsound() {
        // Without the rule, a share with the sealing unknown comes out COMPLIANT, which sealed=true contradicts.
        assertEquals(Verdict.COMPLIANT, unsound.judge(share(null, false)).verdict());
        assertTrue(kinds(unsound, share(true, false)).contains(SoundnessCheck.Kind.UNSOUND));
    }

    @Test
    void aFactNamedWhereItCannotMatterIsCaught() {
        Set<SoundnessCheck.Kind> found = kinds(misnamed, share(false, null));
        assertTrue(found.contains(SoundnessCheck.Kind.IMPRECISE) || found.contains(SoundnessCheck.Kind.RED_HERRING),
                found::toString);
        assertTrue(kinds(misnamed, share(null, null)).contains(SoundnessCheck.Kind.RED_HERRING));
    }

    @Test
    void aRequestWithACivilInstrumentIsPresumedCivil() {
        // A detainer or an administrative warrant says what it asks for; the rules establish immigration enforcement
        // from it when no purpose is found, so completions must not try other purposes.
        for (Instrument civil : List.of(Instrument.DETAINER, Instrument.ADMINISTRATIVE_WARRANT)) {
            Act act = Act.builder("notify", Agency.DOC, ActKind.NOTIFY_RELEASE, DAY)
                    .request(Requester.DHS_OTHER, null, civil).build();
            Fact purpose = Fact.missing(new Situation(Person.unknown(), act)).stream()
                    .filter(f -> f.field().equals("acts[].purpose")).findFirst().orElseThrow();
            assertEquals(List.of(Purpose.CIVIL_IMMIGRATION_ENFORCEMENT), purpose.values(new Situation(null, act)));
        }
        Act noInstrument = Act.builder("notify", Agency.DOC, ActKind.NOTIFY_RELEASE, DAY).request(Requester.DHS_OTHER, null).build();
        Fact purpose = Fact.missing(new Situation(Person.unknown(), noInstrument)).stream()
                .filter(f -> f.field().equals("acts[].purpose")).findFirst().orElseThrow();
        assertTrue(purpose.values(new Situation(null, noInstrument)).size() > 1);
    }

    /** Eight facts that lift the prohibition only all together: each matters in one way in 128 of filling the others. */
    private static final List<String> TOGETHER = List.of("furthersAgencyMission", "exigentCircumstances", "agreement",
            "requiredByLaw", "privacyOfficerApproval", "courtJourney", "apprehendingSuspect", "legalBureauAuthorization");

    @Test
    void aFactThatMattersRarelyIsNotCalledARedHerring() throws RuleSetException {
        StringBuilder rules = new StringBuilder("""
                rule "Sealed records must not be shared"
                    @provision("T-1")
                when
                    $act : Act( kind == ActKind.SHARE_RECORD, recordSealed == true )
                then
                    Conclude.prohibit(kcontext, $act, "a sealed record");
                end
                rule "Unless all eight"
                    @provision("T-1")
                    @lifts("Sealed records must not be shared")
                when
                    $p : Prohibition( rule == "Sealed records must not be shared",
                """);
        rules.append(TOGETHER.stream().map(f -> "act." + f + " == true").collect(Collectors.joining(", ")));
        rules.append(" )\nthen\n    Conclude.lift(kcontext, $p, \"all eight\");\nend\n");
        for (String f : TOGETHER) {
            String others = TOGETHER.stream().filter(o -> !o.equals(f)).map(o -> "act." + o + " != false")
                    .collect(Collectors.joining(", "));
            String field = "acts[]." + f.replaceAll("([A-Z])", "_$1").toLowerCase();
            rules.append("rule \"Whether " + f + " is not known\"\n    @provision(\"T-1\")\nwhen\n"
                    + "    $p : Prohibition( rule == \"Sealed records must not be shared\", act." + f + " == null, " + others + " )\n"
                    + "then\n    Conclude.unknown(kcontext, $p.act(), \"" + field + "\", $p, \"not given\");\nend\n");
        }
        CompletionOracle rare = oracle(rules + SEALED_NOT_KNOWN);
        // A sealed record: the eight are named; for each, a sample of 48 of the 128 fillings of the other seven may miss
        // the one in which it matters. The check must search further before it claims a red herring.
        Situation sealed = share(true, null);
        assertEquals(8, rare.judge(sealed).missingFacts().size(), () -> rare.judge(sealed).missingFacts().toString());
        assertEquals(Set.of(), kinds(rare, sealed));
    }
}
