package org.sanctuaryrules.settle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.sanctuaryrules.internal.completion.Fact;
import org.sanctuaryrules.internal.completion.Situation;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Request;
import org.sanctuaryrules.model.Requester;

/**
 * The facts of an act that the acting agency controls, and the changes to them a path to compliance may make. The
 * decision (docs/settle.md) is that the agency controls what it does and on what conditions, not the world around it:
 *
 * <ul>
 *   <li><b>instruments</b>: it can decline to act until the request comes with a judicial warrant, a judicial order
 *       or criminal process (adding one to {@code request.instruments}); it cannot make a detainer into anything
 *       else;</li>
 *   <li><b>approvals</b> inside the city: the privacy officer's written approval, NYPD's Legal Bureau
 *       authorization;</li>
 *   <li><b>agreement</b>: whether it acts under an agreement or cooperative arrangement;</li>
 *   <li><b>hold length</b>: holding no longer than 48 hours instead of longer;</li>
 *   <li><b>what it gives</b>: leaving an item out of {@code information};</li>
 *   <li><b>the purpose it acts for</b> ({@code purpose}) and <b>the recipient</b> ({@code recipient}), other than
 *       nobody: "give it to nobody" is not doing the act.</li>
 * </ul>
 *
 * Not in its control, so never changed: the person's facts (convictions, roles, consent, re-entry, screening match),
 * whether a record is sealed and whether a court has ordered its release (a court decides), whether a law requires
 * the act, exigent circumstances, a threat to public safety, whether the act furthers the agency's mission, a mayoral
 * order, the requester and what it states, and the act's kind, agency, place and date (changing those is another
 * act).
 */
final class ControlledFacts {
    /** One change: which of the act's facts it touches (two changes to the same one never combine), and how. */
    record Candidate(String dimension, Change change, UnaryOperator<Situation> apply) {
    }

    private static final List<Instrument> INSISTED_ON = List.of(Instrument.JUDICIAL_WARRANT, Instrument.JUDICIAL_ORDER,
            Instrument.CRIMINAL_PROCESS);

    private ControlledFacts() {
    }

    static List<Candidate> of(Situation s) {
        Act a = s.act();
        List<Candidate> out = new ArrayList<>();
        Request r = a.request();
        for (Instrument i : INSISTED_ON) {
            if (!r.presents(i)) {
                Set<Instrument> more = EnumSet.noneOf(Instrument.class);
                more.addAll(r.instruments());
                more.add(i);
                Request changed = new Request(r.requester(), more, r.statedPurpose());
                out.add(new Candidate("instrument " + i, new Change("acts[].request.instruments",
                        FactValues.text(null, r.instruments()), FactValues.text(null, more)), act("request", changed)));
            }
        }
        bool(out, a.privacyOfficerApproval(), "privacyOfficerApproval", true);
        bool(out, a.legalBureauAuthorization(), "legalBureauAuthorization", true);
        bool(out, a.agreement(), "agreement", false);
        bool(out, a.agreement(), "agreement", true);
        if (a.holdHours() != null && a.holdHours() > 48) {
            out.add(new Candidate("holdHours", new Change("acts[].hold_hours", a.holdHours().toString(), "48"),
                    act("holdHours", 48)));
        }
        for (Information i : a.information()) {
            Set<Information> less = EnumSet.noneOf(Information.class);
            less.addAll(a.information());
            less.remove(i);
            out.add(new Candidate("information " + i, new Change("acts[].information",
                    FactValues.text(null, a.information()), FactValues.text(null, less)), act("information", less)));
        }
        Purpose purpose = a.effectivePurpose();
        for (Purpose p : Purpose.values()) {
            if (p != Purpose.UNKNOWN && p != purpose) {
                out.add(new Candidate("purpose", new Change("acts[].purpose",
                        purpose == Purpose.UNKNOWN ? null : FactValues.text(null, purpose), FactValues.text(null, p)),
                        act("purpose", p)));
            }
        }
        for (Requester to : Requester.values()) {
            // Giving to nobody, or keeping it inside the agency, is not doing the act.
            if (to != a.recipient() && new Fact(Fact.Where.ACT, "recipient", -1).with(s, to).act().outsideRecipient()) {
                out.add(new Candidate("recipient", new Change("acts[].recipient", FactValues.text(null, a.recipient()),
                        FactValues.text(null, to)), act("recipient", to)));
            }
        }
        return out;
    }

    private static void bool(List<Candidate> out, Boolean now, String component, boolean to) {
        if (!Boolean.valueOf(to).equals(now)) {
            Fact f = new Fact(Fact.Where.ACT, component, -1);
            out.add(new Candidate(component, new Change(f.field(), now == null ? null : now.toString(),
                    Boolean.toString(to)), s -> f.with(s, to)));
        }
    }

    /** Sets one component of the act (the completion vocabulary's copy-with, which works for any component). */
    private static UnaryOperator<Situation> act(String component, Object value) {
        Fact f = new Fact(Fact.Where.ACT, component, -1);
        return s -> f.with(s, value);
    }

    /** The kinds of fact a path may change, for the sentence saying none would do. */
    static String inWords() {
        return String.join(", ", Arrays.asList("the instruments it insists on", "approvals", "an agreement",
                "the hold's length", "what it gives", "the purpose it acts for", "the recipient"));
    }
}
