package org.sanctuaryrules.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sanctuary-rules} command. Each verb is a subcommand class of its own; add new ones to
 * {@code subcommands} below.
 */
@Command(name = "sanctuary-rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Judges whether acts of New York City agencies comply with the city's sanctuary laws.",
        subcommands = {RunCommand.class, CheckCommand.class, ExplainCommand.class, CoverageCommand.class,
                CompareCommand.class, AuditCommand.class, AuditGenCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code when the scenarios or rules could not be run as given. */
    static final int EXIT_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show how to use it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, out, err);
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::internalError);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Not a stack trace: what to do about it. (audit and run contain it per line and per file where they can.)
            err.println("sanctuary-rules: out of memory; give the JVM more heap (java -Xmx…) or split the input");
            return EXIT_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A bug, not bad input: say what happened in one line rather than print a stack trace. */
    private static int internalError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("sanctuary-rules: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        return EXIT_ERROR;
    }
}
