package org.sanctuaryrules.cli;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/** {@code --as-of DATE}: the law of another day, for the commands that judge. */
final class AsOfOption {
    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Judge every act under the law of this day (YYYY-MM-DD, 1900–2100) instead of its own "
                    + "date; expectations written for the act's own date may then fail.")
    LocalDate date;
}
