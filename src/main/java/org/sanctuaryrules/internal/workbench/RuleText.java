package org.sanctuaryrules.internal.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.sanctuaryrules.engine.RuleInfo;
import org.sanctuaryrules.engine.RuleSet;
import org.sanctuaryrules.engine.SourceFile;

/** Reads a rule's conditions (the lines between {@code when} and {@code then}) from the rule set's source. */
final class RuleText {
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");

    /** One line of a rule's conditions. */
    record Line(int number, String text) {
        @Override
        public String toString() {
            return number + ": " + text;
        }
    }

    private final RuleSet ruleSet;

    RuleText(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The condition lines of the rule, without blank and comment lines; empty if the source is not found. */
    List<Line> conditions(RuleInfo rule) {
        SourceFile source = ruleSet.sources().stream().filter(f -> f.name().equals(rule.file())).findFirst()
                .orElse(null);
        List<Line> result = new ArrayList<>();
        if (source == null || rule.line() <= 0) {
            return result;
        }
        List<String> lines = source.content().lines().toList();
        boolean inside = false;
        for (int i = rule.line() - 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inside) {
                inside = WHEN.matcher(line).find();
                continue;
            }
            if (THEN.matcher(line).find()) {
                break;
            }
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("//") && !text.startsWith("#")) {
                result.add(new Line(i + 1, text));
            }
        }
        return result;
    }
}
