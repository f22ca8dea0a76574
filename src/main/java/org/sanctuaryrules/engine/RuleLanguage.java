package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.sanctuaryrules.internal.text.PrintableText;

/**
 * The rule language analysts may write, checked on the parsed DRL before anything is compiled: compiling DRL already
 * runs code (Drools evaluates rule metadata with MVEL, instantiates imported accumulate functions), so what would run
 * then must be refused first. It is the subset the shipped rules need:
 * <ul>
 *   <li>one package, not inside the JDK's, Drools' or the engine's own namespaces;</li>
 *   <li>imports of the model, the reasoning types, the engine's data types, {@code java.time} and the plain
 *       {@code java.util} collections; no {@code import function} and no {@code import accumulate};</li>
 *   <li>the engine's globals only ({@code felonies}, {@code provisions}); no {@code declare}, {@code query},
 *       entry points, windows or rule units;</li>
 *   <li>rules whose conditions are patterns combined with {@code and}, {@code or}, {@code not}, {@code exists},
 *       {@code forall} and {@code from} an expression — not {@code eval}, {@code accumulate}, {@code collect},
 *       entry points, sliding windows, conditional branches or named consequences;</li>
 *   <li>metadata whose values are each one string literal (no expression, no escape but {@code \"} and
 *       {@code \\}, no control character), and only the attributes {@code salience} (a whole number),
 *       {@code no-loop} and {@code lock-on-active} — no {@code timer}, {@code calendars}, {@code duration},
 *       {@code enabled}, dates, groups or {@code dialect} (Java is the only dialect);</li>
 *   <li>{@code function}s, whose compiled bodies {@link CompiledRuleCheck} verifies like consequences.</li>
 * </ul>
 * Every finding is an error with file and line. Parsing also yields where each rule and function is written, so
 * that findings on the compiled classes can be placed in the files.
 */
final class RuleLanguage {
    private static final Set<String> GLOBALS = Set.of(SanctuaryEngine.FELONIES_GLOBAL + ":FelonyList",
            SanctuaryEngine.PROVISIONS_GLOBAL + ":ProvisionRegister");
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\[\"\\\\])*\"");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*");
    private static final List<String> RESERVED_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun", "org.drools",
            "org.kie", "org.mvel2", "org.sanctuaryrules", "org.objectweb");

    /** Where a rule or function is written: its file, first and last line. */
    record Place(String file, int line, int endLine) {
    }

    /** The parsed rule files: what is wrong with them, and where each rule and function is. */
    record Parsed(List<Problem> problems, Map<String, Place> rules, Map<String, Place> functions) {
        boolean ok() {
            return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
        }
    }

    /** The most characters in one rule file; the largest shipped file has about 40,000. */
    static final int MAX_FILE_CHARS = 400_000;
    /** The deepest nesting of brackets; the shipped rules nest five deep. The parsers recurse on each level. */
    static final int MAX_NESTING = 64;

    private RuleLanguage() {
    }

    /** A file nested deeper than the parsers can take without running out of stack, at the first bracket too deep. */
    private static Problem tooDeep(SourceFile drl) {
        String code = RuleTextScanner.codeOnly(drl.content());
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    return Problem.error(drl.name(), RuleTextScanner.lineOf(code, i), RuleTextScanner.columnOf(code, i),
                            "", "brackets nest more than " + MAX_NESTING + " deep; write the expression in steps");
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    /**
     * Parses every rule file and checks it against the language above. A file that does not parse is reported with
     * the parser's own messages (the ones Drools would give), and nothing is checked further in it.
     */
    static Parsed check(List<SourceFile> drls) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Place> rules = new LinkedHashMap<>();
        Map<String, Place> functions = new LinkedHashMap<>();
        String firstPackage = null;
        for (SourceFile drl : drls) {
            if (drl.content().length() > MAX_FILE_CHARS) {
                problems.add(Problem.error(drl.name(), 0, 0, "", "a rule file may hold at most " + MAX_FILE_CHARS
                        + " characters (the shipped ones hold a tenth of that); split it"));
                continue;
            }
            Problem tooDeep = tooDeep(drl);
            if (tooDeep != null) {
                problems.add(tooDeep);
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, drl.content());
            } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
                problems.add(Problem.error(drl.name(), 0, 0, "", "cannot parse: " + e.getMessage()));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                List<Problem> placed = new ArrayList<>();
                for (DroolsError error : parser.getErrors()) {
                    int line = error instanceof ParserError pe ? pe.getRow() : 0;
                    int column = error instanceof ParserError pe ? pe.getCol() : 0;
                    placed.add(BuildMessages.toProblem(drl.name(), drl.content(), error.getMessage(), line, column));
                }
                problems.addAll(BuildMessages.withoutEchoes(placed));
                continue;
            }
            String packageName = pkg.getName() == null ? "" : pkg.getName();
            if (firstPackage == null) {
                firstPackage = packageName;
            }
            List<Problem> found = new ArrayList<>();
            new FileCheck(drl, found).check(pkg, packageName, firstPackage);
            found.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            problems.addAll(found);
            for (RuleDescr rule : pkg.getRules()) {
                rules.putIfAbsent(rule.getName(), new Place(drl.name(), rule.getLine(), rule.getEndLine()));
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                functions.putIfAbsent(function.getName(), new Place(drl.name(), function.getLine(),
                        function.getEndLine()));
            }
        }
        return new Parsed(problems, rules, functions);
    }

    /** The checks on one parsed file. */
    private static final class FileCheck {
        private final SourceFile drl;
        private final List<Problem> problems;
        private final List<String> lines;

        FileCheck(SourceFile drl, List<Problem> problems) {
            this.drl = drl;
            this.problems = problems;
            this.lines = drl.content().lines().toList();
        }

        void check(PackageDescr pkg, String packageName, String firstPackage) {
            if (packageName.isEmpty()) {
                error(1, "", "a rule file must start with a package declaration (package sanctuary;)");
            } else if (!PACKAGE_NAME.matcher(packageName).matches() || RESERVED_PACKAGES.stream()
                    .anyMatch(r -> packageName.equals(r) || packageName.startsWith(r + "."))) {
                error(pkg.getLine(), "", "package '" + packageName + "' is not allowed: use a name of your own in "
                        + "lower case, such as sanctuary");
            } else if (!packageName.equals(firstPackage)) {
                error(pkg.getLine(), "", "package '" + packageName + "' differs from '" + firstPackage
                        + "': every rule file of a rule set is in the same package");
            }
            for (ImportDescr i : pkg.getImports()) {
                if (!UnsafeRuleCheck.importAllowed(i.getTarget())) {
                    error(i.getLine(), "", "import of '" + i.getTarget() + "' is not allowed; rule files may import "
                            + "only the model, the reasoning types, the engine's data types, java.time and java.util "
                            + "collections");
                }
            }
            pkg.getFunctionImports().forEach(i -> error(i.getLine(), "", "import of '" + i.getTarget()
                    + "' is not allowed: rule files may not import functions; call the helpers in "
                    + "org.sanctuaryrules.reasoning"));
            pkg.getAccumulateImports().forEach(i -> error(i.getLine(), "", "import of '" + i.getTarget()
                    + "' is not allowed: 'import accumulate' has Drools create the class while compiling"));
            for (GlobalDescr g : pkg.getGlobals()) {
                String type = g.getType() == null ? "" : g.getType();
                String simple = type.substring(type.lastIndexOf('.') + 1);
                boolean qualifiedRight = type.equals(simple) || type.equals("org.sanctuaryrules.engine." + simple);
                if (!GLOBALS.contains(g.getIdentifier() + ":" + simple) || !qualifiedRight) {
                    error(g.getLine(), "", "global '" + g.getIdentifier() + "' is not allowed: the engine sets only "
                            + "'org.sanctuaryrules.engine.FelonyList felonies' and "
                            + "'org.sanctuaryrules.engine.ProvisionRegister provisions'");
                }
            }
            pkg.getTypeDeclarations().forEach(d -> error(d.getLine(), "", "'declare' is not allowed: facts are the "
                    + "model's records (org.sanctuaryrules.model) and the reasoning types"));
            pkg.getEnumDeclarations().forEach(d -> error(d.getLine(), "", "'declare enum' is not allowed"));
            pkg.getEntryPointDeclarations().forEach(d -> error(d.getLine(), "", "entry points are not allowed"));
            pkg.getWindowDeclarations().forEach(d -> error(d.getLine(), "", "windows are not allowed"));
            if (pkg.getUnit() != null) {
                error(pkg.getUnit().getLine(), "", "rule units are not allowed");
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                error(a.getLine(), "", "package-level attribute '" + a.getName() + "' is not allowed");
            }
            for (RuleDescr rule : pkg.getRules()) {
                checkRule(rule);
            }
        }

        private void checkRule(RuleDescr rule) {
            String field = "rule \"" + rule.getName() + "\"";
            if (rule.isQuery()) {
                error(rule.getLine(), "query \"" + rule.getName() + "\"", "queries are not allowed");
                return;
            }
            if (rule.getUnit() != null) {
                error(rule.getLine(), field, "rule units are not allowed");
            }
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                int line = lineOf(rule, "@" + annotation.getName());
                for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
                    String text = String.valueOf(value.getValue()).strip();
                    if (!STRING_LITERAL.matcher(text).matches()) {
                        error(line, field, "@" + annotation.getName() + " must be one string literal, such as "
                                + "@" + annotation.getName() + "(\"…\"): Drools evaluates anything else while compiling");
                    } else if (text.chars().anyMatch(c -> PrintableText.isHidden((char) c))) {
                        error(line, field, "@" + annotation.getName() + " holds a control character");
                    }
                }
            }
            if (rule.getName().chars().anyMatch(c -> PrintableText.isHidden((char) c) || c == '\\')) {
                error(rule.getLine(), "", "a rule name may not hold control characters or backslashes");
            }
            for (Map.Entry<String, AttributeDescr> a : rule.getAttributes().entrySet()) {
                String name = a.getKey();
                int line = lineOf(rule, name);
                if (!ATTRIBUTES.contains(name)) {
                    error(line, field, "attribute '" + name + "' is not allowed; rules may use only salience, "
                            + "no-loop and lock-on-active" + (name.equals("timer") || name.equals("duration")
                            ? " (a timer fires on a thread of its own, outside the act's budget)" : "")
                            + (name.equals("dialect") ? " (rules are written in Java; MVEL is not allowed)" : ""));
                } else if (name.equals("salience") && !WHOLE_NUMBER.matcher(String.valueOf(a.getValue()
                        .getValue()).strip()).matches()) {
                    error(line, field, "salience must be a whole number");
                }
            }
            if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
                error(rule.getLine(), field, "named consequences (then[name]) are not allowed");
            }
            if (rule.getLhs() != null) {
                conditions(rule, field, rule.getLhs());
            }
        }

        private void conditions(RuleDescr rule, String field, BaseDescr descr) {
            if (descr instanceof AndDescr and) {
                and.getDescrs().forEach(d -> conditions(rule, field, d));
            } else if (descr instanceof OrDescr or) {
                or.getDescrs().forEach(d -> conditions(rule, field, d));
            } else if (descr instanceof NotDescr not) {
                not.getDescrs().forEach(d -> conditions(rule, field, (BaseDescr) d));
            } else if (descr instanceof ExistsDescr exists) {
                exists.getDescrs().forEach(d -> conditions(rule, field, (BaseDescr) d));
            } else if (descr instanceof ForallDescr forall) {
                forall.getDescrs().forEach(d -> conditions(rule, field, d));
            } else if (descr instanceof PatternDescr pattern) {
                int line = pattern.getLine() > 0 ? pattern.getLine() : rule.getLine();
                if (pattern.isQuery()) {
                    error(line, field, "calling a query is not allowed");
                }
                if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
                    error(line, field, "sliding windows are not allowed");
                }
                if (pattern.getSource() != null && !(pattern.getSource() instanceof FromDescr)) {
                    error(line, field, sourceName(pattern.getSource()) + " is not allowed in rule conditions: use "
                            + "patterns, not, exists, forall and from an expression");
                }
            } else {
                int line = descr.getLine() > 0 ? descr.getLine() : rule.getLine();
                error(line, field, conditionName(descr) + " is not allowed in rule conditions: use patterns, not, "
                        + "exists, forall and from an expression");
            }
        }

        private static String sourceName(BaseDescr source) {
            String simple = source.getClass().getSimpleName().replace("Descr", "");
            return switch (simple) {
                case "Accumulate" -> "accumulate";
                case "Collect" -> "collect";
                case "EntryPoint" -> "from entry-point";
                case "WindowReference" -> "from window";
                default -> simple;
            };
        }

        private static String conditionName(BaseDescr descr) {
            String simple = descr.getClass().getSimpleName().replace("Descr", "");
            return switch (simple) {
                case "Eval" -> "eval";
                case "ConditionalBranch" -> "a conditional branch (if … do[…])";
                case "NamedConsequence" -> "a named consequence (do[…])";
                default -> simple;
            };
        }

        /** The first line of the rule holding the text (not in a comment), else the rule's own line. */
        private int lineOf(RuleDescr rule, String text) {
            int end = rule.getEndLine() > 0 ? rule.getEndLine() : lines.size();
            for (int i = Math.max(rule.getLine(), 1); i <= Math.min(end, lines.size()); i++) {
                String line = lines.get(i - 1);
                Matcher m = Pattern.compile("(?<![\\w@-])" + Pattern.quote(text) + "(?![\\w-])").matcher(line);
                if (m.find() && !line.strip().startsWith("//")) {
                    return i;
                }
            }
            return rule.getLine();
        }

        private void error(int line, String field, String message) {
            int column = line > 0 && line <= lines.size() ? indent(lines.get(line - 1)) : 0;
            problems.add(Problem.error(drl.name(), Math.max(line, 0), column, field, message));
        }

        private static int indent(String line) {
            int i = 0;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i + 1;
        }
    }
}
