package org.sanctuaryrules.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.sanctuaryrules.internal.text.NearestName;

/**
 * A compiled rule set: the Drools knowledge base built from {@code *.drl}, the provision register and the felony list,
 * with the place of every rule. Immutable and safe to share between threads.
 */
public final class RuleSet {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

    private final KieBase kieBase;
    private final ProvisionRegister provisions;
    private final FelonyList felonies;
    private final Map<String, RuleInfo> rules;
    private final String version;
    private final String origin;
    private final List<Problem> warnings;
    private final Set<String> globals;
    private final List<SourceFile> sources;
    private final boolean precompiled;

    private RuleSet(KieBase kieBase, ProvisionRegister provisions, FelonyList felonies, Map<String, RuleInfo> rules,
                    String version, String origin, List<Problem> warnings, List<SourceFile> sources,
                    boolean precompiled) {
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.provisions = provisions;
        this.felonies = felonies;
        this.rules = rules;
        this.version = version;
        this.origin = origin;
        this.warnings = List.copyOf(warnings);
        this.sources = List.copyOf(sources);
        Set<String> declared = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> declared.add(g.getName())));
        this.globals = Set.copyOf(declared);
    }

    /**
     * The rules shipped inside the jar: from the executable model precompiled (and verified) at build time when it
     * was built from the rule files in the jar, else compiled from the DRL.
     */
    public static RuleSet shipped() throws RuleSetException {
        return compile("shipped rules", RuleSources.shipped(), RuleSetOptions.SAFE);
    }

    /** The rules in a directory ({@code *.drl}, {@code provisions.yaml}, {@code violent-or-serious-felonies.csv}). */
    public static RuleSet fromDirectory(Path dir) throws RuleSetException, IOException {
        return fromDirectory(dir, RuleSetOptions.SAFE);
    }

    /** The rules in a directory, compiled with the given options. */
    public static RuleSet fromDirectory(Path dir, RuleSetOptions options) throws RuleSetException, IOException {
        List<SourceFile> files;
        try {
            files = RuleSources.fromDirectory(dir);
        } catch (RuleFileException e) {
            throw new RuleSetException(List.of(e.problem())); // a file too large or not text: placed like any other
        }
        return compile(dir.toString(), files, options);
    }

    /** Compiles rule and data files; every error found is reported together, each with file and line. */
    public static RuleSet compile(String origin, List<SourceFile> files) throws RuleSetException {
        return compile(origin, files, RuleSetOptions.SAFE);
    }

    /**
     * Compiles rule and data files with the given options. Unless {@link RuleSetOptions#allowUnsafeRules()}:
     * <ol>
     *   <li>the parsed rule files are held to the rule language ({@link RuleLanguage}) before anything is compiled
     *       (compiling DRL already evaluates metadata), and a text lint ({@link UnsafeRuleCheck}) gives early,
     *       friendly messages for the common mistakes;</li>
     *   <li>the rules are compiled to Drools' executable model and the generated classes are verified against the
     *       allowlist ({@link CompiledRuleCheck}) — this decides whether the rules are safe;</li>
     *   <li>the verified classes get the budget checks woven in ({@link GuardWeaver}) and are loaded as they are.</li>
     * </ol>
     * When the rule files are those the shipped rules were precompiled from (and verified, at build time), the
     * precompiled classes are used instead of compiling them again.
     */
    public static RuleSet compile(String origin, List<SourceFile> files, RuleSetOptions options)
            throws RuleSetException {
        try {
            return compileChecked(origin, files, options);
        } catch (StackOverflowError e) {
            // A rule file the language check let through still overflowed a compiler's stack: refuse it, whole.
            throw new RuleSetException(List.of(Problem.error(origin, 0, 0, "", "the rules are too deeply nested to "
                    + "compile (a compiler ran out of stack)")));
        }
    }

    private static RuleSet compileChecked(String origin, List<SourceFile> files, RuleSetOptions options)
            throws RuleSetException {
        List<Problem> problems = new ArrayList<>();
        SourceFile registerFile = find(files, ProvisionRegister.FILE_NAME);
        SourceFile felonyFile = find(files, FelonyList.FILE_NAME);
        ProvisionRegister provisions = registerFile == null ? null
                : ProvisionRegister.parse(registerFile.name(), registerFile.content(), problems);
        FelonyList felonies = felonyFile == null ? null
                : FelonyList.parse(felonyFile.name(), felonyFile.content(), problems);
        if (registerFile == null) {
            problems.add(Problem.error(origin, 0, 0, "", "no " + ProvisionRegister.FILE_NAME + " (the provision register)"));
        }
        if (felonyFile == null) {
            problems.add(Problem.error(origin, 0, 0, "", "no " + FelonyList.FILE_NAME + " (the violent-or-serious felony list)"));
        }
        List<SourceFile> drls = files.stream().filter(f -> f.name().endsWith(".drl")).toList();
        if (drls.isEmpty()) {
            problems.add(Problem.error(origin, 0, 0, "", "no rule files (*.drl)"));
        }
        RuleLanguage.Parsed parsed = null;
        if (!options.allowUnsafeRules()) {
            parsed = RuleLanguage.check(drls);
            problems.addAll(parsed.problems());
            problems.addAll(withoutRepeats(UnsafeRuleCheck.check(drls), parsed.problems()));
        }
        String version = hash(files);
        if (hasErrors(problems)) {
            throw new RuleSetException(errorsFirst(problems));
        }
        KieBase precompiled = options.usePrecompiled() ? Precompiled.load(hash(drls)) : null;
        KieBase kieBase = precompiled != null ? precompiled
                : options.allowUnsafeRules() ? build(drls, version, problems)
                : buildVerified(origin, drls, parsed, version, options.cacheDirectory(), problems);
        if (kieBase == null || hasErrors(problems)) {
            throw new RuleSetException(errorsFirst(problems));
        }
        Map<String, RuleInfo> rules = describe(kieBase, drls, provisions, problems);
        if (hasErrors(problems)) {
            throw new RuleSetException(errorsFirst(problems));
        }
        return new RuleSet(kieBase, provisions, felonies, rules, version, origin, problems, files, precompiled != null);
    }

    /**
     * Compiles to the executable model (or takes the compiled classes from the cache), verifies the classes, weaves
     * in the guards and builds the knowledge base from them; null, with the problems added, if any step fails.
     */
    private static KieBase buildVerified(String origin, List<SourceFile> drls, RuleLanguage.Parsed parsed,
                                         String version, Path cacheDirectory, List<Problem> problems) {
        CompiledRuleCache cache = cacheDirectory == null ? null : new CompiledRuleCache(cacheDirectory);
        String key = cache == null ? null : CompiledRuleCache.key(drls);
        ModelCompiler.Output compiled = cache == null ? null : cache.load(key).orElse(null);
        if (compiled != null && hasErrors(CompiledRuleCheck.check(compiled.classes(), parsed, drls, origin))) {
            // Not what this engine compiled and verified: someone wrote into the cache. Compile afresh.
            cache.remove(key);
            compiled = null;
        }
        boolean cached = compiled != null;
        if (compiled == null) {
            compiled = ModelCompiler.compile(drls, version);
            if (!compiled.ok()) {
                // The executable model's messages rarely have a line. The DRL compiler's do, and the language check
                // has already refused what it could run, so it places them; if it finds nothing, say what we have.
                List<Problem> placed = new ArrayList<>();
                if (build(drls, version, placed) != null || !hasErrors(placed)) {
                    placed.clear();
                    placed.addAll(modelErrors(origin, drls, parsed, compiled.errors()));
                }
                problems.addAll(placed);
                return null;
            }
        }
        List<Problem> found = cached ? List.of() : CompiledRuleCheck.check(compiled.classes(), parsed, drls, origin);
        problems.addAll(found);
        if (hasErrors(found)) {
            return null;
        }
        if (cache != null && !cached) {
            cache.store(key, compiled);
        }
        try {
            return ModelCompiler.kieBase(GuardWeaver.weave(compiled.classes()), compiled.models());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            problems.add(Problem.error(origin, 0, 0, "", "the compiled rules do not load: " + e));
            return null;
        }
    }

    private static final Pattern GENERATED_RULE = Pattern.compile("\\* Rule name: (.+)");

    /**
     * Errors of the executable model that the DRL compiler does not share (such as a checked exception thrown in a
     * condition), placed at the rule whose generated code they are in when the message shows that code.
     */
    private static List<Problem> modelErrors(String origin, List<SourceFile> drls, RuleLanguage.Parsed parsed,
                                             List<Message> errors) {
        Map<String, List<String>> generated = new LinkedHashMap<>();
        for (Message m : errors) {
            String text = m.getText() == null ? "" : m.getText();
            int source = text.indexOf(" in error:\n");
            if (text.startsWith("Java source of ") && source > 0) {
                generated.put(String.valueOf(m.getPath()), text.substring(source + " in error:\n".length()).lines().toList());
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Message m : errors) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.startsWith("Java source of ")) {
                continue; // the code the other messages are about
            }
            String rule = null;
            List<String> code = generated.get(String.valueOf(m.getPath()));
            for (int i = Math.min(m.getLine(), code == null ? 0 : code.size()) - 1; code != null && i >= 0; i--) {
                Matcher found = GENERATED_RULE.matcher(code.get(i));
                if (found.find()) {
                    rule = found.group(1).strip();
                    break;
                }
            }
            RuleLanguage.Place place = rule == null ? null : parsed.rules().get(rule);
            String message = "does not compile to the executable model: " + firstLine(text);
            if (place != null) {
                problems.add(Problem.error(place.file(), place.line(), 1, quoted(rule), message));
            } else if (String.valueOf(m.getPath()).startsWith("src/main/java/") || m.getPath() == null) {
                problems.add(Problem.error(origin, 0, 0, "", "the rules " + message));
            } else {
                problems.addAll(placedErrors(byVirtualPath(drls), List.of(m)));
            }
        }
        return problems.isEmpty() ? List.of(Problem.error(origin, 0, 0, "", "the rules do not compile to the "
                + "executable model")) : problems;
    }

    /** The lint's findings that the language check has not already reported at the same line. */
    private static List<Problem> withoutRepeats(List<Problem> lint, List<Problem> language) {
        return lint.stream().filter(p -> language.stream().noneMatch(l -> l.file().equals(p.file())
                && l.line() == p.line())).toList();
    }

    /** The DRL compiler: used for rule sets that may run anything ({@code --allow-unsafe-rules}), and for messages. */
    private static KieBase build(List<SourceFile> drls, String version, List<Problem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.sanctuaryrules", "ruleset-" + version, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, SourceFile> byVirtualPath = writeDrls(kfs, drls);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            problems.addAll(placedErrors(byVirtualPath, errors));
            return null;
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        // Drools registers every module it builds in its process-wide KieRepository; only the knowledge base is kept,
        // so release the module, or every rule set ever compiled (megabytes each) stays reachable.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** Drools' messages as problems placed in the rule files. */
    private static List<Problem> placedErrors(Map<String, SourceFile> byVirtualPath, List<Message> errors) {
        List<Problem> placed = new ArrayList<>();
        for (Message msg : errors) {
            SourceFile f = sourceOf(byVirtualPath, msg.getPath());
            String text = msg.getText() == null ? "" : msg.getText().strip();
            if (text.contains("Parser returned a null Package") && errors.size() > 1) {
                continue; // a follow-on of the syntax error already reported for the file
            }
            String file = f == null ? String.valueOf(msg.getPath()) : f.name();
            placed.add(BuildMessages.toProblem(file, f == null ? null : f.content(), text, msg.getLine(),
                    msg.getColumn()));
        }
        return BuildMessages.withoutEchoes(placed);
    }

    private static Map<String, SourceFile> byVirtualPath(List<SourceFile> drls) {
        Map<String, SourceFile> byVirtualPath = new LinkedHashMap<>();
        for (SourceFile f : drls) {
            byVirtualPath.put(virtualPath(f), f);
        }
        return byVirtualPath;
    }

    /** Writes the rule files into the virtual file system; returns them by virtual path. */
    static Map<String, SourceFile> writeDrls(KieFileSystem kfs, List<SourceFile> drls) {
        Map<String, SourceFile> byVirtualPath = new LinkedHashMap<>();
        for (SourceFile f : drls) {
            String virtualPath = virtualPath(f);
            byVirtualPath.put(virtualPath, f);
            kfs.write(virtualPath, f.content());
        }
        return byVirtualPath;
    }

    private static String virtualPath(SourceFile f) {
        Matcher m = PACKAGE.matcher(f.content());
        String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
        // Keep the folder equal to the package, or Drools warns; keep names unique across directories.
        return "src/main/resources/" + folder + f.simpleName();
    }

    /** Drools names a file by its path under the resources folder, or by the whole virtual path. */
    private static SourceFile sourceOf(Map<String, SourceFile> byVirtualPath, String path) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, SourceFile> e : byVirtualPath.entrySet()) {
            if (e.getKey().equals(path) || e.getKey().endsWith("/" + path)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Each rule's name and the line of its {@code rule "…"} header. */
    public static Map<String, Integer> ruleLines(String content) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> all = content.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            Matcher m = RULE.matcher(all.get(i));
            if (m.find()) {
                lines.putIfAbsent(m.group(1), i + 1);
            }
        }
        return lines;
    }

    private static Map<String, RuleInfo> describe(KieBase kieBase, List<SourceFile> drls, ProvisionRegister provisions,
                                                  List<Problem> problems) {
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        Map<String, Integer> lineOfRule = new LinkedHashMap<>();
        for (SourceFile f : drls) {
            ruleLines(f.content()).forEach((name, line) -> {
                if (fileOfRule.containsKey(name)) {
                    problems.add(Problem.error(f.name(), line, 1, quoted(name),
                            "rule name already used in " + fileOfRule.get(name) + ":" + lineOfRule.get(name)));
                }
                fileOfRule.putIfAbsent(name, f.name());
                lineOfRule.putIfAbsent(name, line);
            });
        }
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                String name = rule.getName();
                String file = fileOfRule.getOrDefault(name, "?");
                int line = lineOfRule.getOrDefault(name, 0);
                String provision = text(meta.get("provision"));
                String lifts = text(meta.get("lifts"));
                List<String> notes = new ArrayList<>();
                Optional.ofNullable(text(meta.get("note"))).ifPresent(notes::add);
                Optional.ofNullable(text(meta.get("assumption"))).ifPresent(a -> notes.add("Assumption: " + a));
                if (provision == null) {
                    problems.add(Problem.warning(file, line, 1, quoted(name),
                            "cites no provision: add @provision(\"ID\") with an id from " + ProvisionRegister.FILE_NAME));
                } else if (provisions.find(provision).isEmpty()) {
                    problems.add(Problem.error(file, line, 1, quoted(name),
                            "@provision(\"" + provision + "\") is not in " + ProvisionRegister.FILE_NAME
                                    + NearestName.suggestion(provision, provisions.all().stream().map(Provision::id).toList())
                                    + "; the rule would never fire, since only provisions in the register are in force"));
                }
                rules.put(name, new RuleInfo(name, file, line, provision, lifts, notes));
            }
        }
        for (RuleInfo info : rules.values()) {
            if (info.lifts() != null && !rules.containsKey(info.lifts())) {
                problems.add(Problem.error(info.file(), info.line(), 1, quoted(info.name()),
                        "@lifts(\"" + info.lifts() + "\") names no rule in the rule set"));
            }
        }
        return Map.copyOf(rules);
    }

    private static String quoted(String ruleName) {
        return "rule \"" + ruleName + "\"";
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    private static SourceFile find(List<SourceFile> files, String simpleName) {
        return files.stream().filter(f -> f.simpleName().equals(simpleName)).findFirst().orElse(null);
    }

    private static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    private static List<Problem> errorsFirst(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> a.severity().compareTo(b.severity()));
        return sorted;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }

    static String hash(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted((a, b) -> a.simpleName().compareTo(b.simpleName())).forEach(f -> {
                digest.update(f.simpleName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    public ProvisionRegister provisions() {
        return provisions;
    }

    public FelonyList felonies() {
        return felonies;
    }

    /** Names of the globals the rule files declare. */
    Set<String> globals() {
        return globals;
    }

    /** Every rule by name. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    /** Content hash of all files of the rule set: two rule sets with the same files have the same version. */
    public String version() {
        return version;
    }

    /** Whether the knowledge base came from the executable model precompiled at build time (see {@link Precompiled}). */
    public boolean precompiled() {
        return precompiled;
    }

    /** Where the rule set came from (a directory, or "shipped rules"). */
    public String origin() {
        return origin;
    }

    /** The files the rule set was compiled from, for tools that read the rules' text (explain, check). */
    public List<SourceFile> sources() {
        return sources;
    }

    /** Warnings found while compiling (a rule without a citation, a duplicate felony row, …). */
    public List<Problem> warnings() {
        return warnings;
    }
}
