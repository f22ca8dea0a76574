package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text lint for early, friendly messages about rule files that reach outside the model ({@code 'System' is not
 * allowed}, with file, line and column), run before anything is compiled. It is <em>not</em> what makes rule files
 * safe: it reads names in text, which can be hidden. The rule language ({@link RuleLanguage}) and the check of the
 * compiled classes ({@link CompiledRuleCheck}) decide; docs/security.md says how.
 *
 * <p>What it checks, on the code with comments and string literals blanked out:
 * <ul>
 *   <li>{@code import} lines name only the model, the reasoning types, the engine's data types, {@code java.time},
 *       {@code java.math} and the plain {@code java.util} collections;</li>
 *   <li>every fully qualified name elsewhere (in a {@code global}, a function, a consequence) is on that list;</li>
 *   <li>no identifier is on the deny list — {@code java.lang} is imported implicitly, so {@code System},
 *       {@code Runtime}, {@code Thread} and reflection must be caught by their simple names;</li>
 *   <li>no loop that need not end ({@code while}, {@code do … while}, MVEL's {@code until}, a counting
 *       {@code for}, endless streams and hand-written iterators) and no waiting;</li>
 *   <li>no class literals ({@code Act.class});</li>
 *   <li>no Unicode escape anywhere, since the Java compiler decodes {@code \}{@code u0053ystem} to {@code System}
 *       before any check could see it, even inside comments and strings;</li>
 *   <li>no text block and no string literal left open at the end of its line: this scanner cannot read them as the
 *       compilers do, so it says so rather than guess.</li>
 * </ul>
 */
final class UnsafeRuleCheck {
    private static final List<String> ALLOWED_PREFIXES = List.of(
            "org.sanctuaryrules.model.", "org.sanctuaryrules.reasoning.",
            "java.time.", "java.math.", "java.util.stream.", "java.util.function.");
    private static final Set<String> ALLOWED_NAMES = Set.of(
            "org.sanctuaryrules.engine.FelonyList", "org.sanctuaryrules.engine.FelonyList.Listing",
            "org.sanctuaryrules.engine.LookBack", "org.sanctuaryrules.engine.ProvisionRegister",
            "org.sanctuaryrules.engine.Provision", "org.sanctuaryrules.engine.OrderScope", "org.sanctuaryrules.engine.Verdict",
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
            "java.lang.Character", "java.lang.StringBuilder", "java.lang.Double", "java.lang.Object",
            "java.lang.Comparable", "java.lang.CharSequence", "java.lang.Number", "java.lang.Iterable", "java.lang.Enum");
    /** Classes directly in java.util (not its sub-packages such as concurrent, jar, zip, logging, prefs, spi). */
    private static final Pattern JAVA_UTIL_CLASS = Pattern.compile("java\\.util\\.(?:[A-Z]\\w*(?:\\.[A-Z]\\w*)*|\\*)");
    /** First segments of package names: a dotted name starting with one of these is a class reference. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "groovy", "kotlin", "scala");
    private static final Set<String> DENIED = Set.of(
            // processes, the JVM, threads
            "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal",
            "Executors", "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer", "Shutdown", "SecurityManager",
            // reflection and class loading
            "Class", "ClassLoader", "URLClassLoader", "forName", "getClass", "getClassLoader", "loadClass",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
            "getMethod", "getMethods", "getField", "getFields", "getConstructor", "newInstance", "setAccessible",
            "invoke", "MethodHandles", "MethodHandle", "Lookup", "Unsafe", "Proxy", "ServiceLoader", "ModuleLayer",
            // scripting and expression languages
            "ScriptEngineManager", "ScriptEngine", "eval", "MVEL", "InitialContext",
            // files
            "File", "Files", "Path", "Paths", "FileSystems", "FileInputStream", "FileOutputStream", "FileReader",
            "FileWriter", "RandomAccessFile", "PrintStream", "ObjectInputStream", "ObjectOutputStream",
            // network
            "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection", "HttpClient", "InetAddress",
            "DriverManager",
            // resources on the class path (which can include files)
            "getResource", "getResourceAsStream", "getResources", "getConstructors",
            // the engine itself, from inside a rule
            "getKieRuntime", "getKieBase", "getEnvironment", "getWorkingMemory", "halt",
            // waiting for ever, and loops that need not end (MVEL adds until; streams and iterators can be endless)
            "synchronized", "wait", "while", "until", "iterate", "generate", "hasNext", "Spliterator");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+(?:function\\s+|accumulate\\s+|static\\s+)?([\\w.$*]+)");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([a-z_]\\w*(?:\\s*\\.\\s*[\\w$*]+)+)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$])[A-Za-z_]\\w*");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern COUNTING_FOR = Pattern.compile("\\bfor\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");

    private UnsafeRuleCheck() {
    }

    /** Every unsafe construct of every rule file, in file order. */
    public static List<Problem> check(List<SourceFile> drls) {
        List<Problem> problems = new ArrayList<>();
        drls.forEach(f -> problems.addAll(check(f)));
        return problems;
    }

    static List<Problem> check(SourceFile drl) {
        List<Problem> problems = new ArrayList<>();
        String text = drl.content();
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            problems.add(at(drl, text, escape, "Unicode escapes (\\u…) are not allowed in rule files: the Java "
                    + "compiler decodes them before any check, even in comments; write the character itself"));
        }
        for (int offset : RuleTextScanner.unreadableLiterals(text)) {
            problems.add(at(drl, text, offset, text.startsWith("\"\"\"", offset)
                    ? "text blocks (\"\"\"…\"\"\") are not allowed in rule files: write one string literal per line"
                    : "a string literal must end on the line it starts (MVEL's strings across lines are not allowed)"));
        }
        String code = RuleTextScanner.codeOnly(text);
        Matcher imports = IMPORT.matcher(code);
        List<int[]> importSpans = new ArrayList<>();
        while (imports.find()) {
            importSpans.add(new int[] {imports.start(), imports.end()});
            String name = imports.group(1);
            if (!allowed(name)) {
                problems.add(at(drl, text, imports.start(1), "import of '" + name + "' is not allowed; rule files "
                        + "may import only the model, the reasoning types, java.time and java.util collections "
                        + "(or compile with --allow-unsafe-rules)"));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group(1).replaceAll("\\s+", "");
            if (insideAny(importSpans, qualified.start()) || !PACKAGE_ROOTS.contains(name.substring(0, name.indexOf('.')))) {
                continue;
            }
            if (!allowed(className(name))) {
                problems.add(at(drl, text, qualified.start(), "'" + name + "' is outside what rules may use "
                        + "(the model, the reasoning types, java.time, java.util collections)"));
            }
        }
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            if (DENIED.contains(identifier.group()) && !insideAny(importSpans, identifier.start())) {
                problems.add(at(drl, text, identifier.start(), "'" + identifier.group() + "' is not allowed in rule "
                        + "files: " + reason(identifier.group())));
            }
        }
        Matcher classLiteral = CLASS_LITERAL.matcher(code);
        while (classLiteral.find()) {
            problems.add(at(drl, text, classLiteral.start(), "class literals (X.class) are not allowed in rule "
                    + "files: they lead to reflection and class loading"));
        }
        Matcher loop = COUNTING_FOR.matcher(code);
        while (loop.find()) {
            if (loop.group(1).contains(";")) {
                problems.add(at(drl, text, loop.start(), "counting for-loops are not allowed in rule files: a rule "
                        + "must finish; loop over a collection with for (X x : collection)"));
            }
        }
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return problems;
    }

    /** Whether rule files may import, or name in code, this class (or package with {@code .*}). */
    static boolean importAllowed(String name) {
        return allowed(name);
    }

    private static boolean allowed(String name) {
        return ALLOWED_NAMES.contains(name) || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)
                || (JAVA_UTIL_CLASS.matcher(name).matches() && !DENIED.contains(name.substring(name.lastIndexOf('.') + 1)));
    }

    /** The class part of a dotted name used in code: up to the last segment that starts with a capital letter. */
    private static String className(String name) {
        String[] parts = name.split("\\.");
        int lastClass = -1;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                lastClass = i;
            }
        }
        return lastClass < 0 ? name : String.join(".", java.util.Arrays.copyOf(parts, lastClass + 1));
    }

    private static String reason(String name) {
        return switch (name) {
            case "while", "until", "iterate", "generate", "hasNext", "Spliterator" ->
                    "a rule must finish; loop over a collection with for (X x : collection)";
            case "synchronized", "wait" -> "a rule must not wait";
            case "getKieRuntime", "getKieBase", "getEnvironment", "halt" -> "rules may not reach into the engine";
            default -> "rules may use only the model, the reasoning types, java.time and java.util collections "
                    + "(or compile with --allow-unsafe-rules)";
        };
    }

    private static boolean insideAny(List<int[]> spans, int offset) {
        return spans.stream().anyMatch(s -> offset >= s[0] && offset < s[1]);
    }

    private static Problem at(SourceFile drl, String text, int offset, String message) {
        return Problem.error(drl.name(), RuleTextScanner.lineOf(text, offset), RuleTextScanner.columnOf(text, offset),
                "", message);
    }
}
