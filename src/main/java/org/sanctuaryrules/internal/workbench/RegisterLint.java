package org.sanctuaryrules.internal.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.Provision;
import org.sanctuaryrules.engine.ProvisionRegister;
import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SourceFile;

/**
 * Warnings about the provision register that compiling does not give: provisions that rules cite whose start date
 * is the register's placeholder (the law's real date is not known). Provisions no rule cites are not reported: rules
 * may look them up through the {@code provisions} global (a mayoral order named by a scenario, for one).
 */
final class RegisterLint {
    /** The register's convention for "start date not known" (see the comments in provisions.yaml). */
    static final LocalDate PLACEHOLDER = LocalDate.of(1900, 1, 1);

    private final RuleSet ruleSet;

    RegisterLint(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    List<Problem> problems() {
        SourceFile register = ruleSet.sources().stream()
                .filter(f -> f.simpleName().equals(ProvisionRegister.FILE_NAME)).findFirst().orElse(null);
        if (register == null) {
            return List.of();
        }
        List<String> lines = register.content().lines().toList();
        List<Problem> problems = new ArrayList<>();
        for (Provision p : ruleSet.provisions().all()) {
            List<String> citing = ruleSet.rules().values().stream().filter(r -> p.id().equals(r.provision()))
                    .map(RuleInfo::name).sorted().toList();
            int line = lineOf(lines, p.id());
            if (!citing.isEmpty() && p.from().equals(PLACEHOLDER)) {
                problems.add(Problem.warning(register.name(), line, column(lines, line), p.id(),
                        "no effective date ('from: " + PLACEHOLDER + "' is the placeholder for an unknown start): "
                                + "the rules citing it apply to acts of any date" + (p.to() == null ? "" : " up to " + p.to())
                                + " (" + citing.size() + ": \"" + citing.get(0) + "\"" + (citing.size() > 1 ? ", …" : "") + ")"));
            }
        }
        return problems;
    }

    private static int lineOf(List<String> lines, String id) {
        Pattern entry = Pattern.compile("^\\s*(-\\s*)?id:\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*(#.*)?$");
        for (int i = 0; i < lines.size(); i++) {
            if (entry.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int column(List<String> lines, int line) {
        return line == 0 ? 0 : lines.get(line - 1).indexOf("id:") + 1;
    }
}
