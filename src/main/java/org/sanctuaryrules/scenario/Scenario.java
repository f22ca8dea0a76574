package org.sanctuaryrules.scenario;

import java.nio.file.Path;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.model.Case;

/**
 * A scenario read from a file: the case to judge, what it is based on, and what it expects.
 *
 * @param aCase       the case with every act resolved (default date and request applied)
 * @param expectation what the rules should conclude, or {@code null} if the file does not say
 * @param sourceMap   where each field was written, so later checks can point at the line
 * @param inputSha256 the hash decision records keep of the document ({@link CanonicalInput}); null until the loader
 *                    has read the whole document
 */
public record Scenario(String id, String title, String source, Path file, Case aCase, Expectation expectation,
                       SourceMap sourceMap, String inputSha256) {

    Scenario withInputSha256(String sha256) {
        return new Scenario(id, title, source, file, aCase, expectation, sourceMap, sha256);
    }

    /** An error about a field of this scenario, placed at the field's line (or its nearest written parent's). */
    public Problem errorAt(FieldPath field, String message) {
        SourceMap.Location at = sourceMap.locate(field);
        return Problem.error(file.toString(), at.line(), at.column(), field.toString(), message);
    }
}
