package org.sanctuaryrules.cli;

import java.nio.file.Path;

import org.sanctuaryrules.engine.RuleSetOptions;
import picocli.CommandLine.Option;

/** {@code --rules} and {@code --allow-unsafe-rules}: which rules a command judges with, one definition for all. */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of rules (*.drl, provisions.yaml, violent-or-serious-felonies.csv), or an "
                    + "overlay such as rules-variants/NAME; default: the rules shipped with the tool.")
    Path dir;

    @Option(names = "--allow-unsafe-rules",
            description = "Compile rule files that call outside the model (system, files, network, reflection) "
                    + "or loop without end. Only for rule files you trust as much as this program.")
    boolean allowUnsafe;

    /** With the command line's cache of compiled rule sets ({@link EngineLoader#withCache}). */
    RuleSetOptions options() {
        return EngineLoader.withCache(allowUnsafe ? RuleSetOptions.ALLOW_UNSAFE_RULES : RuleSetOptions.SAFE);
    }

    /** The rules of {@code --rules} (or the shipped ones), or the problems that kept them from compiling. */
    EngineLoader.Loaded load() {
        return EngineLoader.load(dir, options(), "--rules");
    }
}
