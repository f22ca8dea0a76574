package org.sanctuaryrules.model;

import java.util.Set;

/**
 * What was asked of the city, by whom, and with which documents.
 *
 * @param requester     who asked
 * @param instruments   the documents presented with the request
 * @param statedPurpose the purpose the request gives (kept apart from the purpose the act actually served)
 */
public record Request(Requester requester, Set<Instrument> instruments, Purpose statedPurpose) {

    public static final Request NONE = new Request(Requester.NONE, Set.of(), Purpose.UNKNOWN);

    public Request {
        requester = requester == null ? Requester.NONE : requester;
        instruments = instruments == null ? Set.of() : Set.copyOf(instruments);
        statedPurpose = statedPurpose == null ? Purpose.UNKNOWN : statedPurpose;
    }

    public boolean presents(Instrument instrument) {
        return instruments.contains(instrument);
    }
}
