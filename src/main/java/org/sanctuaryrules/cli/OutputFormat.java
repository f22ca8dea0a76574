package org.sanctuaryrules.cli;

/** The {@code --format} of the subcommands that write text or JSON ({@code run} adds JUnit). */
enum OutputFormat { TEXT, JSON }
