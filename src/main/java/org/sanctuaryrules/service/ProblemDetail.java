package org.sanctuaryrules.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), with the loader's problems as {@code errors}.
 *
 * @param type     a URI naming the kind of problem
 * @param instance the path of the request
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ProblemDetail(String type, String title, int status, String detail, String instance, List<Error> errors) {
    static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One thing wrong with a case: which case of the request ({@code case}, or {@code case[2]} in a list), where in it
     * (line and column within that case's text, when known), the field path and what to write instead.
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    record Error(String source, int line, int column, String field, String message) {
    }

    static String typeOf(int status) {
        return "urn:sanctuary-rules:problem:" + switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "invalid-case";
            case 503 -> "unavailable";
            default -> "internal-error";
        };
    }
}
