package org.sanctuaryrules.cli;

import java.io.InputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.sanctuaryrules.internal.audit.AuditStopped;
import org.sanctuaryrules.internal.audit.AuditSummary;
import org.sanctuaryrules.internal.audit.Auditor;
import org.sanctuaryrules.internal.audit.CsvParser;
import org.sanctuaryrules.internal.audit.JsonlParser;
import org.sanctuaryrules.internal.audit.LineOutcome;
import org.sanctuaryrules.internal.audit.LineParser;
import org.sanctuaryrules.internal.audit.LogReader;
import org.sanctuaryrules.internal.audit.LogFormat;
import org.sanctuaryrules.internal.audit.Progress;
import org.sanctuaryrules.engine.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit}: judges a log of acts, streaming, and sums it up. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Judges every act of a log (JSON Lines, or CSV for a .csv file) and writes one JSON line per act:",
                "line number, act id, verdict, department-policy outcome, decisive provisions, input hash, rule set,",
                "as-of date, time and tool version. No personal data is written.",
                "A malformed line is reported on stderr with its line number and field, and skipped.",
                "Exit code: 0 every line judged, 1 some lines skipped, 2 the log or the rules could not be read, or the",
                "audit stopped at a line (out of memory): the results of the lines before it are written;",
                "3 some act is a violation and --fail-on-violation was given (whether or not lines were skipped).",
                "Format: docs/audit.md."})
final class AuditCommand implements Callable<Integer> {
    /** Exit code of {@code --fail-on-violation} when some act is a violation. */
    static final int EXIT_VIOLATION = 3;
    private static final String STDIN = "-";

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The log: *.csv is CSV, anything else JSON Lines; - reads standard input (JSON Lines "
                    + "unless --format csv).")
    Path file;

    @Mixin
    RuleOptions rules;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the JSON lines go; default: standard output (the summary then goes to stderr).")
    Path outFile;

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.Positive.class,
            description = "Worker threads, 1 or more; default: one per core.")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The log's format, jsonl or csv; default: from the file name. (The results are always "
                    + "JSON Lines.)")
    LogFormat format;

    @Option(names = "--fail-on-violation",
            description = "Exit with 3 when any act of the log is a violation (for CI).")
    boolean failOnViolation;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean stdin = STDIN.equals(file.toString());
        String name = stdin ? "stdin" : file.toString();
        if (!stdin && !Files.isRegularFile(file)) {
            err.println("sanctuary-rules audit: " + file + ": no such file");
            return Main.EXIT_ERROR;
        }
        String cannotWrite = outFile == null ? null : OutputFiles.problem(outFile);
        if (cannotWrite != null) {
            err.println("sanctuary-rules audit: --out " + outFile + ": " + cannotWrite);
            return Main.EXIT_ERROR;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        EngineLoader.Loaded loaded = rules.load();
        Diagnostics.print(loaded.problems(), err);
        if (!loaded.ok()) {
            return Main.EXIT_ERROR;
        }
        LogFormat logFormat = format != null ? format : stdin ? LogFormat.JSONL : LogFormat.of(file);
        try (InputStream log = stdin ? main.stdin() : Files.newInputStream(file);
             Writer sink = outFile == null ? null : new BufferedWriter(new OutputStreamWriter(
                     Files.newOutputStream(outFile), StandardCharsets.UTF_8), 1 << 16)) {
            LogReader in = new LogReader(log, 1);
            LineParser parser;
            if (logFormat == LogFormat.CSV) {
                LogReader.Line header = in.next();
                if (header == null) {
                    err.println("sanctuary-rules audit: " + name + ": empty; a CSV log starts with a header row");
                    return Main.EXIT_ERROR;
                }
                try {
                    parser = CsvParser.forHeader(headerText(header));
                } catch (IllegalArgumentException e) {
                    err.println("sanctuary-rules audit: " + name + ":1: " + e.getMessage());
                    return Main.EXIT_ERROR;
                }
            } else {
                parser = new JsonlParser();
            }
            Writer results = sink == null ? out : sink;
            // A progress bar only for a person at a terminal, never mixed into the results, and only for a file
            // (standard input has no size to measure against).
            Progress progress = System.console() != null && !stdin ? Progress.bar(err, Files.size(file)) : Progress.NONE;
            PrintWriter summaryTo = sink == null ? err : out;
            try {
                AuditSummary summary = new Auditor(loaded.engine(), workers, asOf.date, Instant.now())
                        .run(in, parser, results, skipped -> report(err, name, skipped), progress);
                summary.print(summaryTo, loaded.engine().ruleSet().version());
                summaryTo.flush();
                if (failOnViolation && summary.count(Verdict.VIOLATION) > 0) {
                    return EXIT_VIOLATION;
                }
                return summary.skipped() > 0 ? 1 : 0;
            } catch (AuditStopped stopped) {
                results.flush();
                stopped.summary().print(summaryTo, loaded.engine().ruleSet().version());
                summaryTo.flush();
                err.println(name + (stopped.line() > 0 ? ":" + stopped.line() : "") + ": error: the audit stopped "
                        + "here: " + stopped.getMessage() + "; the results of every line before it are written, "
                        + "none after it");
                return Main.EXIT_ERROR;
            }
        } catch (IOException e) {
            err.println("sanctuary-rules audit: " + OutputFiles.describe(e));
            return Main.EXIT_ERROR;
        }
    }

    /** The header row as text; a header that is too long or not UTF-8 makes the file unreadable. */
    private static String headerText(LogReader.Line header) {
        if (header.tooLong()) {
            throw new IllegalArgumentException("the header row is longer than " + LogReader.MAX_LINE_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the header row is not UTF-8 text");
        }
    }

    private static void report(PrintWriter err, String name, LineOutcome skipped) {
        err.println(name + ":" + skipped.line() + ": " + (skipped.field().isEmpty() ? "" : skipped.field() + ": ")
                + skipped.problem() + " (line skipped)");
    }
}
