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
     * The rules shipped inside the jar: from the executable model precompiled at build time when it is of the same
     * version as the rule files in the jar, else compiled from the DRL.
     */
    public static RuleSet shipped() throws RuleSetException {
        return compile("shipped rules", RuleSources.shipped(), RuleSetOptions.SAFE, true);
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
     * Compiles rule and data files with the given options. Unless {@link RuleSetOptions#allowUnsafeRules()}, rule
     * files that reach outside the model are refused before Drools compiles them (compiling can already run code).
     */
    public static RuleSet compile(String origin, List<SourceFile> files, RuleSetOptions options)
            throws RuleSetException {
        return compile(origin, files, options, false);
    }

    private static RuleSet compile(String origin, List<SourceFile> files, RuleSetOptions options,
                                   boolean mayUsePrecompiled)
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
        if (!options.allowUnsafeRules()) {
            problems.addAll(UnsafeRuleCheck.check(drls));
        }
        String version = hash(files);
        KieBase precompiled = mayUsePrecompiled && !hasErrors(problems) ? Precompiled.load(version) : null;
        KieBase kieBase = precompiled != null ? precompiled
                : problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR) ? null
                : build(drls, version, problems);
        if (kieBase == null || hasErrors(problems)) {
            throw new RuleSetException(errorsFirst(problems));
        }
        Map<String, RuleInfo> rules = describe(kieBase, drls, provisions, problems);
        if (hasErrors(problems)) {
            throw new RuleSetException(errorsFirst(problems));
        }
        return new RuleSet(kieBase, provisions, felonies, rules, version, origin, problems, files, precompiled != null);
    }

    private static KieBase build(List<SourceFile> drls, String version, List<Problem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.sanctuaryrules", "ruleset-" + version, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, SourceFile> byVirtualPath = writeDrls(kfs, drls);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
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
            problems.addAll(BuildMessages.withoutEchoes(placed));
            return null;
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        // Drools registers every module it builds in its process-wide KieRepository; only the knowledge base is kept,
        // so release the module, or every rule set ever compiled (megabytes each) stays reachable.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** Writes the rule files into the virtual file system; returns them by virtual path. */
    static Map<String, SourceFile> writeDrls(KieFileSystem kfs, List<SourceFile> drls) {
        Map<String, SourceFile> byVirtualPath = new LinkedHashMap<>();
        for (SourceFile f : drls) {
            Matcher m = PACKAGE.matcher(f.content());
            String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
            // Keep the folder equal to the package, or Drools warns; keep names unique across directories.
            String virtualPath = "src/main/resources/" + folder + f.simpleName();
            byVirtualPath.put(virtualPath, f);
            kfs.write(virtualPath, f.content());
        }
        return byVirtualPath;
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
