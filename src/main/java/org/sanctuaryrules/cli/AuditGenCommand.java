package org.sanctuaryrules.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sanctuaryrules.audit.LogFormat;
import org.sanctuaryrules.audit.SyntheticLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit-gen}: writes a synthetic log for trying and measuring {@code audit}. */
@Command(name = "audit-gen",
        mixinStandardHelpOptions = true,
        description = "Writes a synthetic audit log of realistic acts (invented, no real person), one act per line.")
public final class AuditGenCommand implements Callable<Integer> {
    @Option(names = "--lines", paramLabel = "N", defaultValue = "1000", description = "Acts to write (default 1000).")
    long lines;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv; default: from the file name.")
    LogFormat format;

    @Option(names = "--malformed-every", paramLabel = "N", defaultValue = "0",
            description = "Spoil every N-th line (a bad agency), to try error handling; 0 (default) for none.")
    int malformedEvery;

    @Parameters(index = "0", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                1 << 16)) {
            new SyntheticLog(seed, malformedEvery).write(format == null ? LogFormat.of(out) : format, lines, w);
        }
        return 0;
    }
}
