package org.sanctuaryrules.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used: the rule files do not compile or a data file is wrong. */
public class RuleSetException extends Exception {
    private final List<Problem> problems;

    public RuleSetException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
