package org.sanctuaryrules.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.sanctuaryrules.internal.audit.LogFormat;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sanctuary-rules} command. Each verb is a subcommand class of its own; add new ones to
 * {@code subcommands} below. Options several commands share are mixins ({@link RuleOptions}, {@link FormatOption},
 * {@link AsOfOption}), defined once.
 */
@Command(name = "sanctuary-rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Judges whether acts of New York City agencies comply with the city's sanctuary laws.",
        subcommands = {RunCommand.class, CheckCommand.class, ExplainCommand.class, CoverageCommand.class,
                CompareCommand.class, AuditCommand.class, AuditGenCommand.class, InterviewCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code when the scenarios or rules could not be run as given. */
    static final int EXIT_ERROR = 2;

    /** Where a command reads "-" (standard input) from. */
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Without a subcommand there is nothing to do: show how to use it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, System.in, out, err);
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with what {@code -} reads from. */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(in, out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // Not a stack trace: what to do about it. (audit and run contain it per line and per file where they can.)
            err.println("sanctuary-rules: out of memory; give the JVM more heap (java -Xmx…) or split the input");
            return EXIT_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line with every subcommand, converter and handler, ready to execute. */
    static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main(in));
        // Shell completion for bash and zsh: `source <(sanctuary-rules completion)`.
        commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        commandLine.setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(Main::internalError);
        // Enum values in any case, and a misspelt one answered with the values allowed and the likely one.
        commandLine.registerConverter(OutputFormat.class, new EnumConverter<>(OutputFormat.class))
                .registerConverter(RunCommand.Format.class, new EnumConverter<>(RunCommand.Format.class))
                .registerConverter(LogFormat.class, new EnumConverter<>(LogFormat.class));
        // Every command's --version tells the same: the tool, its commit and the shipped rules.
        commandLine.getSubcommands().values()
                .forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        return commandLine;
    }

    /** A bug, not bad input: say what happened in one line rather than print a stack trace. */
    private static int internalError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("sanctuary-rules: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        return EXIT_ERROR;
    }
}
