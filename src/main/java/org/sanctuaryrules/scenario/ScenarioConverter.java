package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Request;
import org.sanctuaryrules.scenario.ScenarioDocument.ActDoc;
import org.sanctuaryrules.scenario.ScenarioDocument.ConvictionDoc;
import org.sanctuaryrules.scenario.ScenarioDocument.ExpectDoc;
import org.sanctuaryrules.scenario.ScenarioDocument.PersonDoc;
import org.sanctuaryrules.scenario.ScenarioDocument.RequestDoc;
import org.sanctuaryrules.scenario.ScenarioDocument.Root;

/**
 * Checks a bound scenario document and turns it into the model. Every problem of the file is collected, each at
 * the line of its field; fields that already have a binding problem (a misspelt enum value) are not reported again
 * as missing. One instance per file read.
 */
final class ScenarioConverter {
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final String file;
    private final SourceMap sourceMap;
    private final Set<String> alreadyReported = new HashSet<>();
    private final boolean earlierProblems;
    private final List<Problem> problems = new ArrayList<>();

    ScenarioConverter(String file, SourceMap sourceMap, Collection<Problem> earlier) {
        this.file = file;
        this.sourceMap = sourceMap;
        this.earlierProblems = !earlier.isEmpty();
        earlier.forEach(p -> alreadyReported.add(p.field()));
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The scenario, or {@code null} when {@link #problems()} (or the earlier problems) say what is wrong. */
    Scenario convert(Root doc, Path path) {
        String id = requireText(doc.id(), FieldPath.of("id"), "give the scenario an id, unique across a run");
        String title = requireText(doc.title(), FieldPath.of("title"), "give the scenario a one-line title");
        String source = requireText(doc.source(), FieldPath.of("source"),
                "say what the case is based on (a report, a news story, a hypothetical)");
        LocalDate date = checkDate(doc.date(), FieldPath.of("date"));
        if (date == null) {
            missing(FieldPath.of("date"), "give the scenario's date as YYYY-MM-DD; acts default to it");
        }
        Request request = request(doc.request(), FieldPath.of("request"));
        List<Act> acts = acts(doc.acts(), date, request);
        Person person = person(doc.person(), doc.acts(), date);
        Expectation expectation = expectation(doc.expect(), actIds(doc.acts()));
        if (earlierProblems || !problems.isEmpty()) {
            return null; // the document is incomplete where binding failed, even if no check here noticed
        }
        return new Scenario(id, title, source, path, new Case(id, date, person, acts), expectation, sourceMap,
                null);
    }

    private List<Act> acts(List<ActDoc> docs, LocalDate scenarioDate, Request scenarioRequest) {
        FieldPath here = FieldPath.of("acts");
        if (docs == null) {
            missing(here, "list the acts to judge, each with at least id, agency and kind");
            return List.of();
        }
        if (docs.isEmpty()) {
            error(here, "the scenario needs at least one act");
            return List.of();
        }
        List<Act> acts = new ArrayList<>();
        Map<String, Integer> firstUse = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            FieldPath at = here.index(i);
            ActDoc doc = docs.get(i);
            if (doc == null) {
                error(at, "this act is empty; an act needs at least id, agency and kind");
                continue;
            }
            String id = requireText(doc.id(), at.key("id"), "give the act an id, unique within the file");
            if (id != null && firstUse.containsKey(id)) {
                error(at.key("id"), "this act id is already used by acts[" + firstUse.get(id)
                        + "]; act ids must be unique within the file");
            } else if (id != null) {
                firstUse.put(id, i);
            }
            Agency agency = requireEnum(doc.agency(), at.key("agency"), Agency.class);
            ActKind kind = requireEnum(doc.kind(), at.key("kind"), ActKind.class);
            LocalDate date = doc.date() == null ? scenarioDate : checkDate(doc.date(), at.key("date"));
            Request request = doc.request() == null ? scenarioRequest : request(doc.request(), at.key("request"));
            Set<Information> information = entries(doc.information(), at.key("information"), Information.class);
            if (doc.holdHours() != null && doc.holdHours() < 0) {
                error(at.key("hold_hours"), "is negative; hours held must be zero or more");
            }
            if (doc.requiredBy() != null && !Boolean.TRUE.equals(doc.requiredByLaw())) {
                error(at.key("required_by"), "says what kind of law requires the act, so write required_by_law: true"
                        + " as well (or leave required_by out)");
            }
            if (id == null || agency == null || kind == null || date == null) {
                continue;
            }
            acts.add(Act.builder(id, agency, kind, date)
                    .place(doc.place())
                    .nonPublicArea(doc.nonPublicArea())
                    .request(request)
                    .purpose(doc.purpose())
                    .recipient(doc.recipient())
                    .information(information.toArray(new Information[0]))
                    .recordSealed(doc.recordSealed())
                    .courtOrder(doc.courtOrder())
                    .privacyOfficerApproval(doc.privacyOfficerApproval())
                    .exigentCircumstances(doc.exigentCircumstances())
                    .requiredByLaw(doc.requiredByLaw())
                    .requiredBy(doc.requiredBy())
                    .furthersAgencyMission(doc.furthersAgencyMission())
                    .agreement(doc.agreement())
                    .holdHours(doc.holdHours())
                    .mayoralOrder(optionalText(doc.mayoralOrder(), at.key("mayoral_order"), false))
                    .courtJourney(doc.courtJourney())
                    .apprehendingSuspect(doc.apprehendingSuspect())
                    .legalBureauAuthorization(doc.legalBureauAuthorization())
                    .publicSafetyThreat(doc.publicSafetyThreat())
                    .description(optionalText(doc.description(), at.key("description"), true))
                    .build());
        }
        return acts;
    }

    private Request request(RequestDoc doc, FieldPath at) {
        if (doc == null) {
            return Request.NONE;
        }
        Set<Instrument> instruments = entries(doc.instruments(), at.key("instruments"), Instrument.class);
        return new Request(doc.from(), instruments, doc.statedPurpose());
    }

    private Person person(PersonDoc doc, List<ActDoc> acts, LocalDate scenarioDate) {
        if (doc == null) {
            return null;
        }
        FieldPath at = FieldPath.of("person");
        Set<PersonRole> roles = entries(doc.roles(), at.key("roles"), PersonRole.class);
        List<Conviction> convictions = doc.convictions() == null ? null
                : convictions(doc.convictions(), at.key("convictions"), acts, scenarioDate, null);
        List<String> pending = new ArrayList<>();
        if (doc.pendingCharges() != null) {
            for (int i = 0; i < doc.pendingCharges().size(); i++) {
                String charge = doc.pendingCharges().get(i);
                if (charge == null || charge.isBlank()) {
                    error(at.key("pending_charges").index(i), "this entry is empty; remove it or name the charge");
                } else if (printable(charge, at.key("pending_charges").index(i), false)) {
                    pending.add(charge.strip());
                }
            }
        }
        checkDate(doc.currentArrestDate(), at.key("current_arrest_date"));
        return new Person(roles, convictions, pending, doc.terroristScreeningMatch(), doc.reenteredAfterRemoval(),
                doc.currentArrestDate(), doc.writtenConsent());
    }

    /**
     * A records search given on its own (an interview's answer) at {@code here}: each record checked as in a file,
     * and no judgment after {@code judgedBy} (the earliest act's date), as a file's acts would check it.
     */
    List<Conviction> answeredConvictions(List<ConvictionDoc> docs, FieldPath here, LocalDate judgedBy) {
        return convictions(docs, here, null, null, judgedBy);
    }

    private List<Conviction> convictions(List<ConvictionDoc> docs, FieldPath here, List<ActDoc> acts,
                                         LocalDate scenarioDate, LocalDate judgedBy) {
        List<Conviction> convictions = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            FieldPath at = here.index(i);
            ConvictionDoc doc = docs.get(i);
            if (doc == null) {
                error(at, "this conviction is empty; a conviction needs at least offense");
                continue;
            }
            String offense = requireText(doc.offense(), at.key("offense"),
                    "name the offense, for example \"160.15\" (a Penal Law section) or \"18 U.S.C. 2113\"");
            LocalDate judgment = checkDate(doc.judgmentDate(), at.key("judgment_date"));
            checkDate(doc.releaseDate(), at.key("release_date"));
            if (judgment != null) {
                checkJudgmentBeforeActs(judgment, at.key("judgment_date"), acts, scenarioDate);
                if (judgedBy != null && judgment.isAfter(judgedBy)) {
                    error(at.key("judgment_date"), "is after " + judgedBy + ", the date of the earliest act; a "
                            + "conviction judged after an act cannot count for it — check the date");
                }
            }
            boolean consistent = true;
            if (doc.releaseDate() != null && Boolean.FALSE.equals(doc.incarcerated())) {
                error(at.key("incarcerated"), "is false, but release_date says the person was released from"
                        + " incarceration for this crime; remove one of them");
                consistent = false;
            }
            if (Boolean.TRUE.equals(doc.predicateFelonyEquivalent())
                    && (doc.level() == OffenseLevel.MISDEMEANOR || doc.level() == OffenseLevel.VIOLATION)) {
                error(at.key("predicate_felony_equivalent"), "is true, but level says the conviction was not for a"
                        + " felony: a predicate felony conviction (Penal Law § 70.06(1)(b)(i)) is a felony; give the"
                        + " level New York law gives the offense");
                consistent = false;
            }
            if (offense != null && consistent) {
                convictions.add(new Conviction(offense, doc.jurisdiction(), doc.level(),
                        doc.predicateFelonyEquivalent(), Boolean.TRUE.equals(doc.youthfulOffender()),
                        Boolean.TRUE.equals(doc.sealed()), doc.judgmentDate(), doc.releaseDate(),
                        doc.incarcerated(), optionalText(doc.description(), at.key("description"), true)));
            }
        }
        return convictions;
    }

    /** A conviction judged after an act cannot have been on the record when the act was done. */
    private void checkJudgmentBeforeActs(LocalDate judgment, FieldPath at, List<ActDoc> acts, LocalDate scenarioDate) {
        if (acts == null) {
            return;
        }
        for (int i = 0; i < acts.size(); i++) {
            ActDoc act = acts.get(i);
            LocalDate actDate = act == null ? null : act.date() != null ? act.date() : scenarioDate;
            boolean plausible = actDate != null && !actDate.isBefore(EARLIEST) && !actDate.isAfter(LATEST);
            if (plausible && actDate.isBefore(judgment)) {
                error(at, "is after the date of acts[" + i + "]; a conviction judged after an act cannot count for "
                        + "it — check the dates, or put the acts done before the judgment in a scenario of their own");
                return;
            }
        }
    }

    private Expectation expectation(ExpectDoc doc, Set<String> actIds) {
        if (doc == null) {
            return null;
        }
        FieldPath here = FieldPath.of("expect");
        Map<String, Verdict> acts = new LinkedHashMap<>();
        if (doc.acts() != null) {
            doc.acts().forEach((actId, verdict) -> {
                FieldPath at = here.key("acts").key(actId);
                if (!actIds.contains(actId)) {
                    error(at, "no act of this file has this id; the acts of this file are: "
                            + (actIds.isEmpty() ? "(none)" : String.join(", ", actIds)));
                } else if (verdict == null) {
                    missing(at, "give the verdict expected for the act: "
                            + ScenarioYaml.allowedValues(Verdict.class));
                } else {
                    acts.put(actId, verdict);
                }
            });
        }
        List<String> cites = new ArrayList<>();
        if (doc.cites() != null) {
            for (int i = 0; i < doc.cites().size(); i++) {
                String cite = doc.cites().get(i);
                if (cite == null || cite.isBlank()) {
                    error(here.key("cites").index(i), "this entry is empty; remove it or give a provision id");
                } else if (printable(cite, here.key("cites").index(i), false)) {
                    cites.add(cite.strip());
                }
            }
        }
        Expectation expectation = new Expectation(doc.verdict(), acts, cites, doc.policy());
        return expectation.isEmpty() ? null : expectation;
    }

    private static Set<String> actIds(List<ActDoc> acts) {
        Set<String> ids = new LinkedHashSet<>();
        if (acts != null) {
            acts.stream().filter(a -> a != null && a.id() != null && !a.id().isBlank())
                    .forEach(a -> ids.add(a.id().strip()));
        }
        return ids;
    }

    /** The entries of an enum list; an empty entry is an error (a misspelt one was reported while binding). */
    private <E extends Enum<E>> Set<E> entries(List<E> values, FieldPath at, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (values == null) {
            return set;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                missing(at.index(i), "remove the empty entry or write one of: " + ScenarioYaml.allowedValues(type));
            } else {
                set.add(values.get(i));
            }
        }
        return set;
    }

    private String requireText(String value, FieldPath at, String advice) {
        if (value == null || value.isBlank()) {
            missing(at, advice);
            return null;
        }
        return printable(value, at, false) ? value.strip() : null;
    }

    /** An optional text: {@code null} stays {@code null}; one with control characters is an error. */
    private String optionalText(String value, FieldPath at, boolean multiLine) {
        return value == null || printable(value, at, multiLine) ? value : null;
    }

    /**
     * Whether the text is free of control characters (escape sequences, bidirectional overrides) that could
     * rewrite a terminal or a log line when the text is shown; line breaks and tabs only where text may span lines.
     */
    private boolean printable(String value, FieldPath at, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((lineBreak && !multiLine) || (!lineBreak && PrintableText.isHidden(c))) {
                error(at, "contains the control character U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + "; write plain text on one line" + (multiLine ? "s" : ""));
                return false;
            }
        }
        return true;
    }

    private <E extends Enum<E>> E requireEnum(E value, FieldPath at, Class<E> type) {
        if (value == null) {
            missing(at, "write one of: " + ScenarioYaml.allowedValues(type));
        }
        return value;
    }

    /** The date if it is plausible, else {@code null} with an error. */
    private LocalDate checkDate(LocalDate date, FieldPath at) {
        if (date == null) {
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            error(at, "is outside " + EARLIEST.getYear() + "–" + LATEST.getYear() + "; check the year");
            return null;
        }
        return date;
    }

    /** A required field is absent or empty; said once, and not at all if binding already reported the field. */
    private void missing(FieldPath at, String advice) {
        error(at, (sourceMap.written(at) ? "is empty; " : "is missing; ") + advice);
    }

    private void error(FieldPath at, String message) {
        if (alreadyReported.contains(at.toString())) {
            return;
        }
        SourceMap.Location where = sourceMap.locate(at);
        problems.add(Problem.error(file, where.line(), where.column(), at.toString(), message));
        alreadyReported.add(at.toString());
    }
}
