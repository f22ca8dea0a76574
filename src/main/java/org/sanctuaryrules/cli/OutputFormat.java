package org.sanctuaryrules.cli;

/** The {@code --format} of the workbench subcommands. */
enum OutputFormat { TEXT, JSON }
