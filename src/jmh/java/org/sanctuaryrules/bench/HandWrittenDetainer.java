package org.sanctuaryrules.bench;

import org.sanctuaryrules.engine.FelonyList;
import org.sanctuaryrules.engine.LookBack;
import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.OffenseLevel;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;

/**
 * The reference for every figure: the detainer decision of §§ 9-131(b)(1), 14-154(b)(1) and 9-205(b) written by
 * hand, as a programmer would without a rule engine. It covers the detainer test only (no § 10-178, no 48-hour
 * hold, no findings or explanations), so it is a floor, not an equivalent: the engine does more work per act.
 */
public final class HandWrittenDetainer {
    private final FelonyList felonies;

    public HandWrittenDetainer(FelonyList felonies) {
        this.felonies = felonies;
    }

    public Verdict decide(Person person, Act act) {
        if (!honorsCivilDetainer(act)) {
            return Verdict.COMPLIANT;
        }
        if (!act.presents(Instrument.JUDICIAL_WARRANT)) {
            return Verdict.VIOLATION;
        }
        if (Boolean.TRUE.equals(person.terroristScreeningMatch())) {
            return Verdict.COMPLIANT;
        }
        if (person.convictions() == null) {
            return Verdict.INDETERMINATE;
        }
        var arrest = person.currentArrestDate() != null ? person.currentArrestDate() : act.date();
        for (Conviction c : person.convictions()) {
            if (c.jurisdiction() == Jurisdiction.NEW_YORK && c.level() == OffenseLevel.FELONY && !c.youthfulOffender()
                    && !c.sealed() && c.judgmentDate() != null && felonies.lists(c.offense())
                    && LookBack.within(c, arrest)) {
                return Verdict.COMPLIANT;
            }
        }
        return person.terroristScreeningMatch() == null ? Verdict.INDETERMINATE : Verdict.VIOLATION;
    }

    private static boolean honorsCivilDetainer(Act act) {
        boolean detainerKind = act.kind() == ActKind.HOLD_PAST_RELEASE || act.kind() == ActKind.NOTIFY_RELEASE
                || act.kind() == ActKind.TRANSFER_CUSTODY;
        boolean civilRequest = act.presents(Instrument.DETAINER) || act.presents(Instrument.ADMINISTRATIVE_WARRANT)
                || act.effectivePurpose() == Purpose.CIVIL_IMMIGRATION_ENFORCEMENT;
        Requester from = act.request().requester();
        boolean federalImmigration = from.isIce() || act.recipient().isIce() || from == Requester.CBP
                || act.recipient() == Requester.CBP;
        return detainerKind && civilRequest && federalImmigration;
    }
}
