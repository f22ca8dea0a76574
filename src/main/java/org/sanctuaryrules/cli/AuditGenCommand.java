package org.sanctuaryrules.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sanctuaryrules.internal.audit.LogFormat;
import org.sanctuaryrules.internal.audit.SyntheticLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit-gen}: writes a synthetic log for trying and measuring {@code audit}. */
@Command(name = "audit-gen",
        mixinStandardHelpOptions = true,
        description = {"Writes a synthetic audit log of realistic acts (invented, no real person), one act per line.",
                "Exit code: 0, 2 the file could not be written."})
final class AuditGenCommand implements Callable<Integer> {
    @Option(names = "--lines", paramLabel = "N", defaultValue = "1000", converter = Numbers.Count.class,
            description = "Acts to write, 0 or more (default 1000).")
    long lines;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv; default: from the file name.")
    LogFormat format;

    @Option(names = "--malformed-every", paramLabel = "N", defaultValue = "0", converter = Numbers.NonNegative.class,
            description = "Spoil every N-th line (a bad agency), to try error handling; 0 (default) for none.")
    int malformedEvery;

    @Parameters(index = "0", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String cannotWrite = OutputFiles.problem(out);
        if (cannotWrite != null) {
            err.println("sanctuary-rules audit-gen: " + out + ": " + cannotWrite);
            return Main.EXIT_ERROR;
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            new SyntheticLog(seed, malformedEvery).write(format == null ? LogFormat.of(out) : format, lines, w);
        } catch (IOException e) {
            err.println("sanctuary-rules audit-gen: cannot write " + out + ": " + OutputFiles.describe(e));
            return Main.EXIT_ERROR;
        }
        return 0;
    }
}
