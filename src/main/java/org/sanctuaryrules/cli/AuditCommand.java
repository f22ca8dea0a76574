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
import java.util.concurrent.Callable;

import org.sanctuaryrules.audit.AuditStopped;
import org.sanctuaryrules.audit.AuditSummary;
import org.sanctuaryrules.audit.Auditor;
import org.sanctuaryrules.audit.CsvParser;
import org.sanctuaryrules.audit.JsonlParser;
import org.sanctuaryrules.audit.LineOutcome;
import org.sanctuaryrules.audit.LineParser;
import org.sanctuaryrules.audit.LogReader;
import org.sanctuaryrules.audit.LogFormat;
import org.sanctuaryrules.audit.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit}: judges a log of acts, streaming, and sums it up. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Judges every act of a log (JSON Lines, or CSV for a .csv file) and writes one JSON line per act:",
                "line number, act id, verdict, decisive provisions, rule-set version. No personal data is written.",
                "A malformed line is reported on stderr with its line number and field, and skipped.",
                "Exit code: 0 every line judged, 1 some lines skipped, 2 the log or the rules could not be read, or the",
                "audit stopped at a line (out of memory): the results of the lines before it are written.",
                "Format: docs/audit.md."})
public final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The log: *.csv is CSV, anything else JSON Lines.")
    Path file;

    @Option(names = "--rules", paramLabel = "DIR", description = "Directory of rules; default: the shipped rules.")
    Path rulesDir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the JSON lines go; default: standard output (the summary then goes to stderr).")
    Path outFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; default: one per core.")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv; default: from the file name.")
    LogFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("sanctuary-rules audit: " + file + ": no such file");
            return Main.EXIT_ERROR;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            err.println("sanctuary-rules audit: --threads must be at least 1");
            return Main.EXIT_ERROR;
        }
        EngineLoader.Loaded rules = EngineLoader.load(rulesDir);
        Diagnostics.print(rules.problems(), err);
        if (!rules.ok()) {
            return Main.EXIT_ERROR;
        }
        LogFormat logFormat = format == null ? LogFormat.of(file) : format;
        try (InputStream log = Files.newInputStream(file);
             Writer sink = outFile == null ? null : new BufferedWriter(new OutputStreamWriter(
                     Files.newOutputStream(outFile), StandardCharsets.UTF_8), 1 << 16)) {
            LogReader in = new LogReader(log, 1);
            LineParser parser;
            if (logFormat == LogFormat.CSV) {
                LogReader.Line header = in.next();
                if (header == null) {
                    err.println("sanctuary-rules audit: " + file + ": empty; a CSV log starts with a header row");
                    return Main.EXIT_ERROR;
                }
                try {
                    parser = CsvParser.forHeader(headerText(header));
                } catch (IllegalArgumentException e) {
                    err.println("sanctuary-rules audit: " + file + ":1: " + e.getMessage());
                    return Main.EXIT_ERROR;
                }
            } else {
                parser = new JsonlParser();
            }
            Writer results = sink == null ? out : sink;
            // A progress bar only for a person at a terminal, and never mixed into the results.
            Progress progress = System.console() != null ? Progress.bar(err, Files.size(file)) : Progress.NONE;
            PrintWriter summaryTo = sink == null ? err : out;
            try {
                AuditSummary summary = new Auditor(rules.engine(), workers)
                        .run(in, parser, results, skipped -> report(err, skipped), progress);
                summary.print(summaryTo, rules.engine().ruleSet().version());
                summaryTo.flush();
                return summary.skipped() > 0 ? 1 : 0;
            } catch (AuditStopped stopped) {
                results.flush();
                stopped.summary().print(summaryTo, rules.engine().ruleSet().version());
                summaryTo.flush();
                err.println(file + (stopped.line() > 0 ? ":" + stopped.line() : "") + ": error: the audit stopped "
                        + "here: " + stopped.getMessage() + "; the results of every line before it are written, "
                        + "none after it");
                return Main.EXIT_ERROR;
            }
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

    private void report(PrintWriter err, LineOutcome skipped) {
        err.println(file + ":" + skipped.line() + ": " + (skipped.field().isEmpty() ? "" : skipped.field() + ": ")
                + skipped.problem() + " (line skipped)");
    }
}
