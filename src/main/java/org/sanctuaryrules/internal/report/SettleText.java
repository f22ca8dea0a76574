package org.sanctuaryrules.internal.report;

import java.util.ArrayList;
import java.util.List;

import org.sanctuaryrules.engine.Verdict;
import org.sanctuaryrules.settle.ActSettlement;
import org.sanctuaryrules.settle.Change;
import org.sanctuaryrules.settle.CompliancePath;
import org.sanctuaryrules.settle.Condition;
import org.sanctuaryrules.settle.SettleLine;

/** A settlement as lines of text: the settle table of an INDETERMINATE act, the paths to compliance of a VIOLATION. */
public final class SettleText {
    private SettleText() {
    }

    /** The heading and its lines (none for a COMPLIANT act); the caller indents them. */
    public static List<String> lines(ActSettlement s) {
        List<String> out = new ArrayList<>();
        if (s == null || s.verdict() == Verdict.COMPLIANT) {
            return out;
        }
        if (s.verdict() == Verdict.INDETERMINATE) {
            out.add("what would settle it (" + s.note() + "; " + s.judgments() + " judgments):");
            List<String> conditions = s.lines().stream().map(SettleText::conditions).toList();
            int width = conditions.stream().mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < s.lines().size(); i++) {
                out.add("  " + pad(conditions.get(i), width) + "  → " + outcome(s.lines().get(i)));
            }
            return out;
        }
        boolean compliant = s.toCompliance().stream().anyMatch(p -> p.verdict() == Verdict.COMPLIANT);
        out.add((compliant ? "path to compliance" : "no path to compliance") + " (" + s.note() + "):");
        for (CompliancePath p : s.toCompliance()) {
            out.add("  " + String.join(" and ", p.changes().stream().map(Change::text).toList()) + "  → " + p.verdict()
                    + (p.citations().isEmpty() ? "" : "  " + String.join("; ", p.citations()))
                    + (p.turnsOn().isEmpty() ? "" : ", turning on " + String.join(", ", p.turnsOn())));
        }
        return out;
    }

    /** {@code if a = x and b = y}, or {@code whatever the missing facts} for a line with no condition. */
    public static String conditions(SettleLine line) {
        if (line.conditions().isEmpty()) {
            return "whatever the missing facts";
        }
        return "if " + String.join(" and ", line.conditions().stream().map(Condition::text).toList());
    }

    /** {@code VIOLATION  CPL § 160.50  [all 12 completions]}. */
    public static String outcome(SettleLine line) {
        String cite = line.citations().isEmpty() ? "" : "  " + String.join("; ", line.citations());
        if (line.basis() == SettleLine.Basis.OPEN) {
            return line.verdict() == Verdict.INDETERMINATE
                    ? "still open (stopped at a limit); these facts matter most: " + String.join(", ", line.mattersMost())
                    : line.verdict() + cite + "  [the engine's verdict; stopped at a limit before checking completions]";
        }
        String law = line.mattersMost().isEmpty() ? "" : "  (turns on " + String.join(", ", line.mattersMost()) + ")";
        String basis = line.basis() == SettleLine.Basis.ALL_COMPLETIONS ? "all " + line.completions() + " completions"
                : "a sample of " + line.completions() + " completions";
        return line.verdict() + cite + law + "  [" + basis + "]";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
