package org.sanctuaryrules.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The case page ({@code GET /}): one self-contained HTML document, its script and style inline and the scenario
 * schema embedded, so it needs no build step and fetches nothing but the service's own {@code /v1} answers (the
 * Content-Security-Policy it is served with enforces that).
 */
final class CasePage {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; img-src data:; form-action 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final String html;

    CasePage(boolean tokenRequired) {
        // "</" inside the embedded JSON would end the script element early.
        String schema = new String(resource("scenario.schema.json"), StandardCharsets.UTF_8).replace("</", "<\\/");
        html = new String(resource("case-page.html"), StandardCharsets.UTF_8)
                .replace("\"__SCENARIO_SCHEMA__\"", schema)
                .replace("\"__TOKEN_REQUIRED__\"", Boolean.toString(tokenRequired));
    }

    String html() {
        return html;
    }

    /** A file shipped beside this class (the page, the OpenAPI document, the scenario schema). */
    static byte[] resource(String name) {
        try (InputStream in = CasePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
