package org.sanctuaryrules.reasoning;

import java.util.stream.Collectors;

import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Jurisdiction;
import org.sanctuaryrules.model.Requester;

/** Words rule consequences use to build explanations from the facts. */
public final class Phrases {
    private Phrases() {
    }

    /** What honoring a detainer means for this act: "hold the person past release", … */
    public static String honoring(Act act) {
        if (act.kind() == ActKind.HOLD_PAST_RELEASE) {
            return "hold the person past release"
                    + (act.holdHours() == null ? "" : " (" + act.holdHours() + " hours)");
        }
        if (act.kind() == ActKind.NOTIFY_RELEASE) {
            return "notify federal immigration authorities of the person's release";
        }
        if (act.kind() == ActKind.TRANSFER_CUSTODY) {
            return "hand the person to federal immigration authorities";
        }
        if (act.gives(Information.RELEASE_DATE)) {
            return "give federal immigration authorities the person's release date (notifying them of the release)";
        }
        return "act for federal immigration authorities";
    }

    /** What the act does, as the subject of a sentence: "Holding the person past release", … */
    public static String detainerDeed(Act act) {
        return switch (act.kind()) {
            case HOLD_PAST_RELEASE -> "Holding the person past release";
            case NOTIFY_RELEASE -> "Notifying federal immigration authorities of the release";
            case TRANSFER_CUSTODY -> "Transferring the person to federal immigration authorities";
            default -> "Giving federal immigration authorities the person's release date, which notifies them of the release,";
        };
    }

    /** Who asked for the act, or, if nobody did, who receives it: "ICE Enforcement and Removal Operations", … */
    public static String requesterOrRecipient(Act act) {
        return body(act.request().requester() != Requester.NONE ? act.request().requester() : act.recipient());
    }

    /**
     * A conviction as findings describe it: "Penal Law 160.15, judgment 2021-05-10, released 2023-01-31"; a federal
     * or other-state conviction as "federal conviction 18 U.S.C. 2113(a), …". Never the free-text description.
     */
    public static String conviction(Conviction c) {
        String where = switch (c.jurisdiction()) {
            case NEW_YORK -> "Penal Law ";
            case FEDERAL -> "federal conviction ";
            case OTHER_STATE -> "other-state conviction ";
        };
        String incarceration = c.releaseDate() != null ? ", released " + c.releaseDate()
                : Boolean.FALSE.equals(c.incarcerated()) ? ", never incarcerated for it"
                : Boolean.TRUE.equals(c.incarcerated()) ? ", incarcerated for it, release date not given" : "";
        return where + c.offense() + (c.judgmentDate() == null ? "" : ", judgment " + c.judgmentDate()) + incarceration;
    }

    /** The jurisdiction of a conviction as an adjective: "federal", "other-state", "New York". */
    public static String jurisdiction(Jurisdiction j) {
        return switch (j) {
            case NEW_YORK -> "New York";
            case FEDERAL -> "federal";
            case OTHER_STATE -> "other-state";
        };
    }

    /** The instruments presented with the request, as a lawyer would name them. */
    public static String instruments(Act act) {
        if (act.request().instruments().isEmpty()) {
            return "no written instrument";
        }
        return act.request().instruments().stream().sorted().map(Phrases::instrument)
                .collect(Collectors.joining(", "));
    }

    private static String instrument(org.sanctuaryrules.model.Instrument i) {
        return switch (i) {
            case DETAINER -> "an immigration detainer (I-247A)";
            case ADMINISTRATIVE_WARRANT -> "an administrative warrant (I-200/I-205)";
            case JUDICIAL_WARRANT -> "a judicial warrant";
            case JUDICIAL_ORDER -> "a judicial order";
            case CRIMINAL_PROCESS -> "criminal process";
        };
    }

    /** The information an act gives out, in words. */
    public static String information(Act act) {
        if (act.information().isEmpty()) {
            return "information";
        }
        return act.information().stream().sorted()
                .map(i -> i.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
    }

    /** The acting agency as the subject of a sentence: "NYPD", "The Department of Correction", … */
    public static String agency(Act act) {
        return agency(act.agency());
    }

    public static String agency(Agency agency) {
        return switch (agency) {
            case NYPD -> "NYPD";
            case DOC -> "The Department of Correction";
            case PROBATION -> "The Department of Probation";
            default -> "A city agency";
        };
    }

    /** An outside body by its name: "ICE Enforcement and Removal Operations", "the FBI", … */
    public static String body(Requester requester) {
        return switch (requester) {
            case ICE_ERO -> "ICE Enforcement and Removal Operations";
            case ICE_HSI -> "ICE Homeland Security Investigations";
            case ICE -> "ICE";
            case CBP -> "Customs and Border Protection";
            case DHS_OTHER -> "a part of the Department of Homeland Security";
            case FBI -> "the FBI";
            case JOINT_TASK_FORCE -> "a joint federal task force";
            case OTHER_FEDERAL -> "a federal agency";
            case STATE_AGENCY -> "a state agency";
            case NYPD -> "NYPD";
            case CITY_AGENCY -> "another city agency";
            default -> "someone outside the agency";
        };
    }
}
