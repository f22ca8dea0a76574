package org.sanctuaryrules.internal.audit;

import java.util.List;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.scenario.LoadResult;
import org.sanctuaryrules.scenario.ScenarioLoader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one line of a log into a case. Both formats build a scenario document and hand it to the
 * {@link ScenarioLoader}, so a log line is checked exactly as a scenario file is, with the same messages.
 * Thread-safe.
 */
public abstract class LineParser {
    private final ScenarioLoader loader = ScenarioLoader.forJson();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The case on the line, or the problem that keeps it from being judged.
     *
     * @param inputSha256 the hash of the line's scenario document, as decision records keep it
     */
    public record Parsed(Case aCase, String inputSha256, String field, String problem) {
        static Parsed ok(Case aCase, String inputSha256) {
            return new Parsed(aCase, inputSha256, null, null);
        }

        static Parsed bad(String field, String problem) {
            return new Parsed(null, null, field, problem);
        }
    }

    public abstract Parsed parse(long lineNumber, String text);

    /** A blank line carries nothing and is not an error (a trailing newline, a separator). */
    static boolean blank(String text) {
        return text.isBlank();
    }

    /** Loads a scenario document; title and source, required in scenario files, default to the line number. */
    protected Parsed load(long lineNumber, ObjectNode doc) {
        if (!doc.has("id")) {
            doc.put("id", "line-" + lineNumber);
        }
        if (!doc.has("title")) {
            doc.put("title", "audit log line " + lineNumber);
        }
        if (!doc.has("source")) {
            doc.put("source", "audit log");
        }
        String text;
        try {
            text = json.writeValueAsString(doc);
        } catch (Exception e) {
            return Parsed.bad("", "cannot re-read the line"); // not the exception's message: it may quote values
        }
        LoadResult loaded = loader.parse("line " + lineNumber, text);
        if (!loaded.ok()) {
            List<Problem> problems = loaded.problems();
            Problem first = problems.get(0);
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
            return Parsed.bad(first.field(), first.message() + more);
        }
        return Parsed.ok(loaded.scenario().aCase(), loaded.scenario().inputSha256());
    }

    protected ObjectMapper json() {
        return json;
    }
}
