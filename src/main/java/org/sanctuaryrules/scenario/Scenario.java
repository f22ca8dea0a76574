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
 */
public record Scenario(String id, String title, String source, Path file, Case aCase, Expectation expectation,
                       SourceMap sourceMap) {

    /** An error about a field of this scenario, placed at the field's line (or its nearest written parent's). */
    public Problem errorAt(FieldPath field, String message) {
        SourceMap.Location at = sourceMap.locate(field);
        return Problem.error(file.toString(), at.line(), at.column(), field.toString(), message);
    }
}
