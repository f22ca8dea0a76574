package org.sanctuaryrules.internal.workbench;

import java.util.List;

import org.sanctuaryrules.engine.Problem;

/**
 * What {@code check} found.
 *
 * @param origin         where the rules came from (a directory, or "shipped rules")
 * @param version        the rule set's content hash, or {@code null} when it did not compile
 * @param ruleFiles      number of {@code *.drl} files
 * @param rules          number of rules
 * @param provisions     number of provisions in the register
 * @param felonySections number of sections in the felony list
 * @param scenarios      number of scenario files read
 * @param problems       every error and warning, in file and line order
 */
public record CheckResult(String origin, String version, int ruleFiles, int rules, int provisions,
                          int felonySections, int scenarios, List<Problem> problems) {
    public CheckResult {
        problems = List.copyOf(problems);
    }

    /** The same result with every warning made an error ({@code check --strict}). */
    public CheckResult withWarningsAsErrors() {
        return new CheckResult(origin, version, ruleFiles, rules, provisions, felonySections, scenarios,
                problems.stream().map(p -> p.severity() == Problem.Severity.WARNING
                        ? Problem.error(p.file(), p.line(), p.column(), p.field(), p.message()) : p).toList());
    }

    public long errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    /** {@code "… : 0 errors, 2 warnings"}, the last line of the text output. */
    public String summary() {
        return "checked " + ruleFiles + " rule files (" + rules + " rules), "
                + (version == null ? "" : provisions + " provisions, " + felonySections + " felony sections, ")
                + scenarios + " scenario files: "
                + errors() + (errors() == 1 ? " error, " : " errors, ")
                + warnings() + (warnings() == 1 ? " warning" : " warnings");
    }
}
