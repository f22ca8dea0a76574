package org.sanctuaryrules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What an act gives out follows its content, not its label (issue 9, §2.4); and who is outside the agency. */
class ActDisclosureTest {
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    private static Act.Builder act(Agency agency, ActKind kind) {
        return Act.builder("a", agency, kind, DAY);
    }

    @Test
    void aKindGivesWhatItGivesByItsNature() {
        assertEquals(Set.of(Information.RELEASE_DATE), act(Agency.DOC, ActKind.NOTIFY_RELEASE).build().disclosed());
        assertEquals(Set.of(Information.COURT_DATE), act(Agency.DOC, ActKind.DISCLOSE_COURT_DATE).build().disclosed());
        assertEquals(Set.of(Information.BIOMETRICS),
                act(Agency.NYPD, ActKind.SEND_BOOKING_FINGERPRINTS).build().disclosed());
        assertEquals(Set.of(Information.OTHER_IDENTIFYING), act(Agency.NYPD, ActKind.SHARE_RECORD).build().disclosed());
        assertEquals(Set.of(), act(Agency.NYPD, ActKind.HOLD_PAST_RELEASE).build().disclosed());
    }

    @Test
    void listedInformationCountsWhateverTheKind() {
        Act status = act(Agency.DOC, ActKind.DISCLOSE_IMMIGRATION_STATUS).information(Information.COURT_DATE).build();
        assertEquals(Set.of(Information.IMMIGRATION_STATUS, Information.COURT_DATE), status.disclosed());
        assertTrue(status.disclosesOtherThan(Information.IMMIGRATION_STATUS));
        assertFalse(act(Agency.DOC, ActKind.DISCLOSE_IMMIGRATION_STATUS).build()
                .disclosesOtherThan(Information.IMMIGRATION_STATUS));
        Act record = act(Agency.NYPD, ActKind.SHARE_RECORD).information(Information.ADDRESS).build();
        assertEquals(Set.of(Information.ADDRESS), record.disclosed(), "a record with listed contents gives just those");
    }

    @Test
    void nypdGivingToNypdStaysInside() {
        assertFalse(act(Agency.NYPD, ActKind.SHARE_RECORD).recipient(Requester.NYPD).build().outsideRecipient());
        assertTrue(act(Agency.OTHER_CITY_AGENCY, ActKind.SHARE_RECORD).recipient(Requester.NYPD).build()
                .outsideRecipient());
        assertFalse(act(Agency.NYPD, ActKind.SHARE_RECORD).build().outsideRecipient());
    }

    @Test
    void onlyAFederalRequirementIsCompliancewithFederalLaw() {
        assertTrue(act(Agency.NYPD, ActKind.SHARE_RECORD).requiredByLaw(true).requiredBy(LawSource.FEDERAL).build()
                .requiredByFederalLaw());
        assertFalse(act(Agency.NYPD, ActKind.SHARE_RECORD).requiredByLaw(true).requiredBy(LawSource.STATE).build()
                .requiredByFederalLaw());
        assertFalse(act(Agency.NYPD, ActKind.SHARE_RECORD).requiredByLaw(true).build().requiredByFederalLaw());
    }

    @Test
    void aStatedPurposeDecidesOnlyWhenItIsAnImmigrationPurpose() {
        Act civil = act(Agency.NYPD, ActKind.SHARE_RECORD)
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT).build();
        assertEquals(Purpose.CIVIL_IMMIGRATION_ENFORCEMENT, civil.effectivePurpose());
        Act labelled = act(Agency.NYPD, ActKind.SHARE_RECORD)
                .request(Requester.JOINT_TASK_FORCE, Purpose.CRIMINAL_INVESTIGATION).build();
        assertEquals(Purpose.UNKNOWN, labelled.effectivePurpose(), "a stated criminal purpose is only a label");
        Act found = act(Agency.NYPD, ActKind.SHARE_RECORD)
                .request(Requester.JOINT_TASK_FORCE, Purpose.CRIMINAL_INVESTIGATION)
                .purpose(Purpose.CRIMINAL_INVESTIGATION).build();
        assertEquals(Purpose.CRIMINAL_INVESTIGATION, found.effectivePurpose());
    }
}
