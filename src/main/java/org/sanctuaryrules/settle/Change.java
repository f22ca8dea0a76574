package org.sanctuaryrules.settle;

/**
 * A change to a fact in the agency's control (see {@link Settler} for which those are).
 *
 * @param field the scenario key: {@code acts[].privacy_officer_approval}, {@code acts[].request.instruments}
 * @param from  its value in the case, as a file writes it ({@code null} when not known)
 * @param to    the value it would take
 */
public record Change(String field, String from, String to) {
    /** {@code acts[].privacy_officer_approval: false → true}. */
    public String text() {
        return field + ": " + (from == null ? "not known" : from) + " → " + to;
    }
}
