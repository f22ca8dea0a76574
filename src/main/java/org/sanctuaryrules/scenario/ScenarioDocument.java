package org.sanctuaryrules.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sanctuaryrules.engine.PolicyOutcome;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.LawSource;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Place;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/**
 * A scenario file exactly as written, before any check. Component names are the file's keys in camel case (the
 * mapper writes them snake case); every field may be {@code null}, since the checks come after binding.
 */
final class ScenarioDocument {
    private ScenarioDocument() {
    }

    record Root(String id, String title, String source, LocalDate date, PersonDoc person, RequestDoc request,
                List<ActDoc> acts, ExpectDoc expect) {
    }

    record PersonDoc(List<PersonRole> roles, List<ConvictionDoc> convictions, List<String> pendingCharges,
                     Boolean terroristScreeningMatch, Boolean reenteredAfterRemoval, LocalDate currentArrestDate,
                     Boolean writtenConsent) {
    }

    record ConvictionDoc(String offense, Jurisdiction jurisdiction, OffenseLevel level,
                         Boolean predicateFelonyEquivalent, Boolean youthfulOffender, Boolean sealed,
                         LocalDate judgmentDate, LocalDate releaseDate, Boolean incarcerated, String description) {
    }

    record RequestDoc(Requester from, List<Instrument> instruments, Purpose statedPurpose) {
    }

    record ActDoc(String id, Agency agency, ActKind kind, LocalDate date, Place place, Boolean nonPublicArea,
                  RequestDoc request, Purpose purpose, Requester recipient, List<Information> information,
                  Boolean recordSealed, Boolean courtOrder, Boolean privacyOfficerApproval,
                  Boolean exigentCircumstances, Boolean requiredByLaw, LawSource requiredBy,
                  Boolean furthersAgencyMission, Boolean agreement, Integer holdHours, String mayoralOrder,
                  Boolean courtJourney, Boolean apprehendingSuspect, Boolean legalBureauAuthorization,
                  Boolean publicSafetyThreat, String description) {
    }

    record ExpectDoc(Verdict verdict, Map<String, Verdict> acts, List<String> cites, PolicyOutcome policy) {
    }
}
