package org.sanctuaryrules.service;

import java.util.List;

/**
 * A request the service answers with an RFC 9457 problem document instead of a result. Thrown inside a handler and
 * written by {@link DecisionServer}; its texts name fields and allowed values, never a value from the request.
 */
final class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<ProblemDetail.Error> errors;
    private final String retryAfter;

    ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    ProblemException(int status, String title, String detail, List<ProblemDetail.Error> errors, String retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    ProblemDetail detail(String instance) {
        return new ProblemDetail(ProblemDetail.typeOf(status), title, status, getMessage(), instance, errors);
    }

    int status() {
        return status;
    }

    /** The {@code Retry-After} seconds to send, or {@code null}. */
    String retryAfter() {
        return retryAfter;
    }
}
