package org.sanctuaryrules.internal.audit;

import java.nio.file.Path;
import java.util.Locale;

/** The two log formats {@code audit} reads (see docs/audit.md). */
public enum LogFormat {
    /** JSON Lines: each line a one-case scenario document written as JSON. */
    JSONL,
    /** CSV with a header row: each row one act, with its person and request (columns in {@link CsvColumns}). */
    CSV;

    /** The format a file name says: {@code .csv} is CSV, anything else JSON Lines. */
    public static LogFormat of(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }
}
