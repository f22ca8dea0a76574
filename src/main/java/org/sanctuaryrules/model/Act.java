package org.sanctuaryrules.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One act of a city agency, done or proposed, with the circumstances the rules look at. A {@code null}
 * circumstance means "not known"; a rule that needs it reports the act as indeterminate and names it.
 *
 * @param id                     the act's name within its case
 * @param agency                 which agency acts
 * @param kind                   what it does
 * @param date                   when (decides which provisions are in force)
 * @param place                  where
 * @param nonPublicArea          for access to city property: whether the area is closed to the public
 * @param request                who asked, with which instruments
 * @param purpose                the purpose the act actually served, as the analyst finds it
 * @param recipient              who receives the information or the person ({@link Requester#NONE} if nobody outside)
 * @param information            what information the act gives out
 * @param recordSealed           whether the record given out is sealed under CPL § 160.50
 * @param courtOrder             a court order permits the release of a sealed record (CPL § 160.50(1)(d)(ii))
 * @param privacyOfficerApproval the agency privacy officer approved the disclosure in writing (or pre-approved it as routine)
 * @param exigentCircumstances   there were exigent circumstances
 * @param requiredByLaw          a law, treaty or court requires the act
 * @param requiredBy             what kind of law requires it, when {@code requiredByLaw} is true; {@code null} if not said
 * @param furthersAgencyMission  the act furthers the purpose or mission of the agency
 * @param agreement              the act is done under an agreement, contract or cooperative arrangement
 * @param holdHours              how long the person was held past release, excluding Saturdays, Sundays and holidays
 * @param mayoralOrder           the mayoral executive order said to allow the act: a provision id from the register
 *                               (for example {@code EO-50-2025}) or free text; {@code null} if none
 * @param courtJourney           the person was going to, attending or returning from a court proceeding
 * @param apprehendingSuspect    disclosing the person's immigration status is needed to apprehend a person suspected of
 *                               illegal activity other than mere status (a believed, unverified ground of Executive
 *                               Order 41)
 * @param legalBureauAuthorization for a release from NYPD custody to federal immigration authorities: the NYPD Legal
 *                               Bureau and the command authorized it (NYPD Operations Order No. 4 of 2025)
 * @param publicSafetyThreat     the act responded to an immediate threat to public safety, such as protecting federal
 *                               officers from physical harm (NYPD Operations Order No. 4 of 2025)
 * @param description            free text for people; never used by the rules
 */
public record Act(
        String id,
        Agency agency,
        ActKind kind,
        LocalDate date,
        Place place,
        Boolean nonPublicArea,
        Request request,
        Purpose purpose,
        Requester recipient,
        Set<Information> information,
        Boolean recordSealed,
        Boolean courtOrder,
        Boolean privacyOfficerApproval,
        Boolean exigentCircumstances,
        Boolean requiredByLaw,
        LawSource requiredBy,
        Boolean furthersAgencyMission,
        Boolean agreement,
        Integer holdHours,
        String mayoralOrder,
        Boolean courtJourney,
        Boolean apprehendingSuspect,
        Boolean legalBureauAuthorization,
        Boolean publicSafetyThreat,
        String description) {

    public Act {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        place = place == null ? Place.ELSEWHERE : place;
        request = request == null ? Request.NONE : request;
        purpose = purpose == null ? Purpose.UNKNOWN : purpose;
        recipient = recipient == null ? request.requester() : recipient;
        information = information == null ? Set.of() : Set.copyOf(information);
    }

    /**
     * A hash of the act's identity only (id, agency, kind, date): equal acts still hash alike, and the engine's truth
     * maintenance, which hashes every conclusion and with it the act the conclusion is about, no longer walks all
     * 25 components (and the sets among them) for each one. Ordinals, not the enums' identity hashes, so that the
     * hash is the same in every run.
     */
    @Override
    public int hashCode() {
        return ((id.hashCode() * 31 + agency.ordinal()) * 31 + kind.ordinal()) * 31 + date.hashCode();
    }

    public static Builder builder(String id, Agency agency, ActKind kind, LocalDate date) {
        return new Builder(id, agency, kind, date);
    }

    /** Whether the request came with the given instrument. */
    public boolean presents(Instrument instrument) {
        return request.presents(instrument);
    }

    /** Whether the act gives out the given kind of information. */
    public boolean gives(Information kind) {
        return information.contains(kind);
    }

    /**
     * What the act gives out, by its content rather than its label: the information it lists, and what its kind gives
     * by its nature — a release notice gives the release date, a court-date disclosure the court date, a status
     * disclosure the status, booking fingerprints biometrics, and a record whose contents are not listed gives
     * identifying information about the person ({@link Information#OTHER_IDENTIFYING}). Holding, handing over, asking
     * and the other kinds give nothing unless they list what they give.
     */
    public Set<Information> disclosed() {
        Information implied = switch (kind) {
            case NOTIFY_RELEASE -> Information.RELEASE_DATE;
            case DISCLOSE_COURT_DATE -> Information.COURT_DATE;
            case DISCLOSE_IMMIGRATION_STATUS -> Information.IMMIGRATION_STATUS;
            case SEND_BOOKING_FINGERPRINTS -> Information.BIOMETRICS;
            case SHARE_RECORD -> information.isEmpty() ? Information.OTHER_IDENTIFYING : null;
            default -> null;
        };
        if (implied == null || information.contains(implied)) {
            return information;
        }
        EnumSet<Information> all = EnumSet.of(implied);
        all.addAll(information);
        return Collections.unmodifiableSet(all);
    }

    /** Whether the act gives out the given kind of information, listed or implied by its kind ({@link #disclosed()}). */
    public boolean discloses(Information kind) {
        return disclosed().contains(kind);
    }

    /** Whether the act gives out anything but the given kinds of information ({@link #disclosed()}). */
    public boolean disclosesOtherThan(Information... kinds) {
        Set<Information> rest = EnumSet.noneOf(Information.class);
        rest.addAll(disclosed());
        rest.removeAll(Arrays.asList(kinds));
        return !rest.isEmpty();
    }

    /**
     * Whether someone outside the acting agency receives what the act gives: a recipient other than nobody, and other
     * than the agency itself (NYPD giving to NYPD stays inside the department).
     */
    public boolean outsideRecipient() {
        return recipient != Requester.NONE && !(recipient == Requester.NYPD && agency == Agency.NYPD);
    }

    /** Whether the act gives out information ({@link #disclosed()}) to someone outside the agency. */
    public boolean disclosesOutside() {
        return outsideRecipient() && !disclosed().isEmpty();
    }

    /** Whether a law is known to require the act and that law is federal (§ 10-178(e): "complying with federal law"). */
    public boolean requiredByFederalLaw() {
        return Boolean.TRUE.equals(requiredByLaw) && requiredBy == LawSource.FEDERAL;
    }

    /**
     * The purpose the act served, as far as it is known: the purpose the analyst found; or, when none was found, the
     * purpose the request states if it states an immigration purpose (civil enforcement, an immigration crime, a
     * mayor-designated proxy) — the requester's own word that it seeks immigration enforcement. A request that states
     * a criminal investigation or the agency's mission is only a label (digest § 1: a request that says "criminal
     * investigation" may serve immigration enforcement), so without a finding the purpose stays unknown.
     */
    public Purpose effectivePurpose() {
        if (purpose != Purpose.UNKNOWN) {
            return purpose;
        }
        return switch (request.statedPurpose()) {
            case CIVIL_IMMIGRATION_ENFORCEMENT, IMMIGRATION_ENTRY_CRIME, OTHER_IMMIGRATION_CRIME, MAYOR_DESIGNATED_PROXY ->
                    request.statedPurpose();
            default -> Purpose.UNKNOWN;
        };
    }

    /** Builds an act from Java code; every circumstance not set stays "not known". */
    public static final class Builder {
        private final String id;
        private final Agency agency;
        private final ActKind kind;
        private final LocalDate date;
        private Place place;
        private Boolean nonPublicArea;
        private Request request;
        private Purpose purpose;
        private Requester recipient;
        private Set<Information> information;
        private Boolean recordSealed;
        private Boolean courtOrder;
        private Boolean privacyOfficerApproval;
        private Boolean exigentCircumstances;
        private Boolean requiredByLaw;
        private LawSource requiredBy;
        private Boolean furthersAgencyMission;
        private Boolean agreement;
        private Integer holdHours;
        private String mayoralOrder;
        private Boolean courtJourney;
        private Boolean apprehendingSuspect;
        private Boolean legalBureauAuthorization;
        private Boolean publicSafetyThreat;
        private String description;

        private Builder(String id, Agency agency, ActKind kind, LocalDate date) {
            this.id = id;
            this.agency = agency;
            this.kind = kind;
            this.date = date;
        }

        public Builder place(Place value) { place = value; return this; }
        public Builder nonPublicArea(Boolean value) { nonPublicArea = value; return this; }
        public Builder request(Request value) { request = value; return this; }
        public Builder request(Requester requester, Purpose statedPurpose, Instrument... instruments) {
            request = new Request(requester, Set.of(instruments), statedPurpose);
            return this;
        }
        public Builder purpose(Purpose value) { purpose = value; return this; }
        public Builder recipient(Requester value) { recipient = value; return this; }
        public Builder information(Information... values) { information = Set.of(values); return this; }
        public Builder recordSealed(Boolean value) { recordSealed = value; return this; }
        public Builder courtOrder(Boolean value) { courtOrder = value; return this; }
        public Builder privacyOfficerApproval(Boolean value) { privacyOfficerApproval = value; return this; }
        public Builder exigentCircumstances(Boolean value) { exigentCircumstances = value; return this; }
        public Builder requiredByLaw(Boolean value) { requiredByLaw = value; return this; }
        public Builder requiredBy(LawSource value) { requiredBy = value; return this; }
        public Builder furthersAgencyMission(Boolean value) { furthersAgencyMission = value; return this; }
        public Builder agreement(Boolean value) { agreement = value; return this; }
        public Builder holdHours(Integer value) { holdHours = value; return this; }
        public Builder mayoralOrder(String value) { mayoralOrder = value; return this; }
        public Builder courtJourney(Boolean value) { courtJourney = value; return this; }
        public Builder apprehendingSuspect(Boolean value) { apprehendingSuspect = value; return this; }
        public Builder legalBureauAuthorization(Boolean value) { legalBureauAuthorization = value; return this; }
        public Builder publicSafetyThreat(Boolean value) { publicSafetyThreat = value; return this; }
        public Builder description(String value) { description = value; return this; }

        public Act build() {
            return new Act(id, agency, kind, date, place, nonPublicArea, request, purpose, recipient, information,
                    recordSealed, courtOrder, privacyOfficerApproval, exigentCircumstances, requiredByLaw, requiredBy,
                    furthersAgencyMission, agreement, holdHours, mayoralOrder, courtJourney, apprehendingSuspect,
                    legalBureauAuthorization, publicSafetyThreat, description);
        }
    }
}
