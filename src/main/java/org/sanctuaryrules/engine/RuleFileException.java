package org.sanctuaryrules.engine;

import java.io.IOException;

/** A rule or data file that cannot be read as text at all (too large, not UTF-8), with its place. */
public final class RuleFileException extends IOException {
    private final transient Problem problem;

    public RuleFileException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
