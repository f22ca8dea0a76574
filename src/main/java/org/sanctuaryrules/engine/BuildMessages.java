package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanctuaryrules.internal.text.NearestName;

/**
 * Turns a Drools build message into a {@link Problem} an analyst can act on. Drools places many errors badly: an
 * unknown field at the start of its pattern (or nowhere), a Java error in a consequence at the rule's header, a
 * syntax error without a column. So the place is recomputed here by searching the rule's text for what the message
 * names, and the message is reworded without the parser's internals.
 */
final class BuildMessages {
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name)?[=:]?\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern SYNTAX = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)");
    private static final Pattern EXPRESSION =
            Pattern.compile("(?i)Unable to (?:Analyse|analyze) Expression '?([^\\n']+?)'?:?\\s*(?:\\n|$)");
    private static final Pattern STRICT_MEMBER =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern CONSEQUENCE = Pattern.compile("Rule Compilation error");
    /** Identifiers that javac-style consequence messages name, most specific first. */
    private static final List<Pattern> CONSEQUENCE_IDENTIFIERS = List.of(
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("(\\$?\\w+) cannot be resolved"),
            Pattern.compile("(\\$?\\w+) is not a field"),
            Pattern.compile("Duplicate local variable (\\$?\\w+)"));
    private static final String VAGUE = "cannot understand the expression";
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");

    private BuildMessages() {
    }

    /**
     * @param file         the file name to report
     * @param content      the file's text ({@code null} if the message names no known file)
     * @param text         the Drools message text
     * @param reportedLine the line Drools gave (≤ 0 when none)
     */
    static Problem toProblem(String file, String content, String text, int reportedLine, int reportedColumn) {
        List<String> lines = content == null ? List.of() : content.lines().toList();
        String rule = find(RULE_NAME, text);
        int ruleLine = rule == null || content == null ? 0 : RuleSet.ruleLines(content).getOrDefault(rule, 0);
        if (rule == null && reportedLine > 0) {
            rule = ruleAround(lines, reportedLine);
            ruleLine = rule == null ? 0 : RuleSet.ruleLines(content).getOrDefault(rule, 0);
        }
        String field = rule == null ? "" : "rule \"" + rule + "\"";

        Matcher syntax = SYNTAX.matcher(text);
        if (syntax.find()) {
            int line = Integer.parseInt(syntax.group(1));
            // The parser counts columns from 0.
            return Problem.error(file, line, Integer.parseInt(syntax.group(2)) + 1, field,
                    "syntax error: " + syntax.group(3).strip());
        }
        Matcher expression = EXPRESSION.matcher(text);
        if (expression.find()) {
            String expr = expression.group(1).strip();
            Matcher member = STRICT_MEMBER.matcher(text);
            String message;
            String needle = expr;
            if (member.find()) {
                needle = member.group(2);
                message = unknownMember(member.group(1), member.group(2)) + " in `" + expr + "`";
            } else {
                message = VAGUE + " `" + expr + "`: " + detail(text);
            }
            int[] at = search(lines, expr, needle, ruleLine > 0 ? ruleLine : Math.max(reportedLine, 1), endOf(lines, ruleLine));
            return placed(file, lines, at, reportedLine, ruleLine, field, message);
        }
        Matcher type = OBJECT_TYPE.matcher(text);
        if (type.find()) {
            String name = type.group(1);
            int[] at = search(lines, name + "(", name, Math.max(ruleLine, 1), endOf(lines, ruleLine));
            return placed(file, lines, at, reportedLine, ruleLine, field,
                    "unknown fact type '" + name + "': misspelt, or its package is not imported");
        }
        if (CONSEQUENCE.matcher(text).find()) {
            String detail = detail(text);
            int thenLine = thenOf(lines, ruleLine);
            int[] at = null;
            for (Pattern p : CONSEQUENCE_IDENTIFIERS) {
                String identifier = find(p, detail);
                if (identifier != null) {
                    at = search(lines, identifier, identifier, thenLine > 0 ? thenLine : Math.max(ruleLine, 1),
                            endOf(lines, ruleLine));
                    break;
                }
            }
            if (at == null && thenLine > 0) {
                at = new int[] {thenLine, indent(lines.get(thenLine - 1))};
            }
            return placed(file, lines, at, reportedLine, ruleLine, field,
                    "in the consequence (then … end): " + detail);
        }
        return placed(file, lines, null, reportedLine, ruleLine, field, detail(text));
    }

    /** "Act has no field 'x' (did you mean 'y'?)", or the same for an enum constant. */
    static String unknownMember(String typeName, String member) {
        String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
        Class<?> type;
        try {
            type = Class.forName(typeName, false, BuildMessages.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return simple + " has no field or method '" + member + "'";
        }
        if (type.isEnum()) {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return simple + " has no value " + member + NearestName.suggestion(member, constants);
        }
        if (type.isRecord()) {
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
            String suggestion = NearestName.suggestion(member, fields);
            return simple + " has no field '" + member + "'"
                    + (suggestion.isEmpty() ? "; its fields: " + String.join(", ", fields) : suggestion);
        }
        return simple + " has no field or method '" + member + "'";
    }

    private static Problem placed(String file, List<String> lines, int[] at, int reportedLine, int ruleLine,
                                  String field, String message) {
        if (at != null) {
            return Problem.error(file, at[0], at[1], field, message);
        }
        int line = reportedLine > 0 ? reportedLine : ruleLine;
        int column = line > 0 && line <= lines.size() ? indent(lines.get(line - 1)) : 0;
        return Problem.error(file, line, column, field, message);
    }

    /**
     * The first line in [from, to] containing {@code text} (or, failing that, {@code needle}), as {line, column}
     * with the column at {@code needle}; null if neither is there.
     */
    private static int[] search(List<String> lines, String text, String needle, int from, int to) {
        for (String wanted : new String[] {text, needle}) {
            // Whole words only: holdHour must not be found inside holdHours.
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(wanted) + "(?![\\w$])");
            for (int i = Math.max(from, 1); i <= Math.min(to, lines.size()); i++) {
                String line = lines.get(i - 1);
                Matcher m = word.matcher(line);
                if (m.find() && !line.strip().startsWith("//")) {
                    int index = m.start();
                    int column = line.indexOf(needle, index);
                    return new int[] {i, (column >= 0 ? column : index) + 1};
                }
            }
        }
        return null;
    }

    /**
     * Drools often reports one mistake several times (once per compilation step). Keeps one problem per place, and
     * drops the vague "cannot understand" for a rule and line that already has a precise message.
     */
    static List<Problem> withoutEchoes(List<Problem> problems) {
        List<Problem> kept = new ArrayList<>();
        for (Problem p : problems) {
            boolean vague = p.message().startsWith(VAGUE);
            boolean echo = kept.stream().anyMatch(k -> k.file().equals(p.file()) && k.line() == p.line()
                    && (k.column() == p.column() || vague && k.field().equals(p.field())));
            if (!echo) {
                kept.add(p);
            }
        }
        return kept.stream().filter(p -> !p.message().startsWith(VAGUE) || kept.stream().noneMatch(k -> k != p
                && !k.message().startsWith(VAGUE) && k.file().equals(p.file()) && k.line() == p.line()
                && k.field().equals(p.field()))).toList();
    }

    /** The last line of the rule starting at {@code ruleLine} (its {@code end}), or the end of the file. */
    private static int endOf(List<String> lines, int ruleLine) {
        if (ruleLine <= 0) {
            return lines.size();
        }
        for (int i = ruleLine; i <= lines.size(); i++) {
            if (END.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return lines.size();
    }

    private static int thenOf(List<String> lines, int ruleLine) {
        if (ruleLine <= 0) {
            return 0;
        }
        int end = endOf(lines, ruleLine);
        for (int i = ruleLine; i <= end; i++) {
            if (THEN.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return 0;
    }

    /** The name of the rule whose text contains the line, or null. */
    private static String ruleAround(List<String> lines, int line) {
        String found = null;
        Map<String, Integer> starts = RuleSet.ruleLines(String.join("\n", lines));
        for (Map.Entry<String, Integer> e : starts.entrySet()) {
            if (e.getValue() <= line) {
                found = e.getKey();
            }
        }
        return found;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    /** The message without Drools' decorations: rule-name tags, the "near" excerpt, the caret line. */
    private static String detail(String text) {
        String cleaned = text.replaceAll("\\[Rule name='[^']*'\\]", "")
                .replace("Rule Compilation error", "")
                .replaceAll("(?s)\\[Near : \\{.*", "")
                .replaceAll("\\s*:\\s*$", "");
        return Arrays.stream(cleaned.split("\\R")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals(":"))
                .map(s -> s.startsWith(": ") ? s.substring(2) : s)
                .reduce((a, b) -> a + " " + b).orElse(text.strip());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
