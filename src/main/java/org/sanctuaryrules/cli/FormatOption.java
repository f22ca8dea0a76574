package org.sanctuaryrules.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} of the commands that write a report for people or for programs ({@code run} adds JUnit). */
final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.JSON;
    }
}
