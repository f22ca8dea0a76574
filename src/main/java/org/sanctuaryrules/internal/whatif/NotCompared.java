package org.sanctuaryrules.internal.whatif;

import java.nio.file.Path;
import java.util.List;

import org.sanctuaryrules.engine.Problem;

/**
 * A scenario that could not be judged under one of the rule sets (it did not load, or the rules failed on it), so
 * nothing of it is compared.
 */
public record NotCompared(String name, Path file, List<Problem> problems) {
    public NotCompared {
        problems = List.copyOf(problems);
    }
}
