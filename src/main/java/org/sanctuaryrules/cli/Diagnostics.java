package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.util.List;

import org.sanctuaryrules.engine.Problem;

/** Writes problems to the error stream, one a line, in the {@code file:line:col: error: field: message} shape. */
final class Diagnostics {
    private Diagnostics() {
    }

    static void print(List<Problem> problems, PrintWriter err) {
        problems.forEach(err::println);
    }
}
