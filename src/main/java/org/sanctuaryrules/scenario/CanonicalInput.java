package org.sanctuaryrules.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hash a decision record keeps of its input, so that a decision can later be matched to the exact input it was
 * made on without keeping the input: SHA-256 (lower-case hex) of the RFC 8785 canonical JSON ({@link CanonicalJson})
 * of the scenario document as written — its own keys, as in the file or the log line, not the Java model's — less
 * the keys that describe the document rather than the case: {@code id}, {@code title}, {@code source} and
 * {@code expect}. Anyone can recompute it from the file with any JCS implementation (docs/audit.md shows how), and a
 * renamed Java field does not change it.
 */
public final class CanonicalInput {
    /** Top-level keys left out: the document's name and description, and what it expects, are not the case. */
    public static final List<String> NOT_HASHED = List.of("id", "title", "source", "expect");

    private CanonicalInput() {
    }

    /** SHA-256 of the canonical text of the scenario document. */
    public static String sha256(JsonNode scenarioDocument) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text(scenarioDocument).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The canonical text that is hashed. */
    public static String text(JsonNode scenarioDocument) {
        JsonNode hashed = scenarioDocument;
        if (scenarioDocument instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.remove(NOT_HASHED);
            hashed = copy;
        }
        return CanonicalJson.of(hashed);
    }
}
