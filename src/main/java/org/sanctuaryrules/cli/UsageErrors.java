package org.sanctuaryrules.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.sanctuaryrules.internal.text.NearestName;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be read: one line saying what is wrong — for a misspelt command or option, what it was
 * likely meant to be — and where the help is, instead of the whole usage text. Exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println(name + ": " + message(ex));
        err.println("See '" + name + " --help'.");
        return Main.EXIT_ERROR;
    }

    private static String message(ParameterException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                return "unknown option '" + option + "'" + NearestName.suggestion(option, optionNames(spec));
            }
            if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                List<String> commands = new ArrayList<>(spec.subcommands().keySet());
                return "'" + first + "' is not a command" + NearestName.suggestion(first, commands)
                        + "; the commands are: " + String.join(", ", commands);
            }
        }
        return ex.getMessage();
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }
}
