package org.sanctuaryrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped rules compiled at build time into Drools' executable model (Java classes in the jar), so that a
 * command starts without compiling DRL: loading the classes takes a fraction of the DRL compile, and every
 * constraint is a compiled lambda (no MVEL interpretation at run time). The build runs {@link #main} after compiling
 * the sources (see pom.xml), and holds the shipped rules to the same checks as an analyst's: the rule language
 * ({@link RuleLanguage}) and the verification of the compiled classes ({@link CompiledRuleCheck}); a shipped rule
 * that fails them fails the build. An index records the version of the rule files it was built from (their content
 * hash); rule files of another version (edited without a rebuild) are compiled and verified at run time.
 */
final class Precompiled {
    static final String INDEX = "rules/precompiled.properties";
    private static final Logger LOG = LoggerFactory.getLogger(Precompiled.class);

    private Precompiled() {
    }

    /** The knowledge base of the precompiled rules if they were compiled from rule files of this version; else null. */
    static KieBase load(String version) {
        ClassLoader loader = Precompiled.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            Properties index = new Properties();
            index.load(in);
            if (!version.equals(index.getProperty("drl-version"))) {
                LOG.info("precompiled rules are of version {}, the rule files of {}: compiling the DRL",
                        index.getProperty("drl-version"), version);
                return null;
            }
            List<Model> models = new ArrayList<>();
            for (String name : index.getProperty("models", "").split(",")) {
                if (!name.isBlank()) {
                    models.add((Model) Class.forName(name.strip(), true, loader).getDeclaredConstructor().newInstance());
                }
            }
            return models.isEmpty() ? null : KieBaseBuilder.createKieBaseFromModel(models);
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("cannot load the precompiled rules ({}); compiling the DRL", e.toString());
            return null;
        }
    }

    /** Whether {@code out} already holds the precompiled rules of this version (the build step then costs nothing). */
    private static boolean upToDate(Path out, String version) throws IOException {
        Path index = out.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(index)) {
            p.load(in);
        }
        String models = p.getProperty("models", "");
        return version.equals(p.getProperty("drl-version")) && !models.isBlank()
                && java.util.Arrays.stream(models.split(","))
                .allMatch(m -> Files.isRegularFile(out.resolve(m.strip().replace('.', '/') + ".class")));
    }

    /**
     * Build step: {@code Precompiled RULES_DIR CLASSES_DIR} writes the executable model's classes and the index.
     * Exits with status 1 when a shipped rule breaks the rule language or its compiled form fails verification.
     */
    public static void main(String[] args) throws Exception {
        Path rulesDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<SourceFile> files = RuleSources.fromDirectory(rulesDir);
        List<SourceFile> drls = files.stream().filter(f -> f.name().endsWith(".drl")).toList();
        String version = RuleSet.hash(drls);
        if (upToDate(out, version)) {
            System.out.println("precompile: rule-set version " + version + " is already precompiled");
            return;
        }
        Files.deleteIfExists(out.resolve(INDEX));
        long start = System.nanoTime();
        RuleLanguage.Parsed parsed = RuleLanguage.check(drls);
        if (!parsed.ok()) {
            fail("the shipped rules break the rule language", parsed.problems());
            return;
        }
        ModelCompiler.Output compiled = ModelCompiler.compile(drls, version);
        if (!compiled.ok()) {
            // Not fatal for the build: the engine then compiles the DRL and reports the errors with file and line.
            System.err.println("precompile: the rules do not compile; the jar will compile them at run time: "
                    + compiled.errors());
            return;
        }
        long compiledAt = System.nanoTime();
        List<Problem> found = CompiledRuleCheck.check(compiled.classes(), parsed, drls, rulesDir.toString());
        if (found.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            fail("the compiled shipped rules fail verification", found);
            return;
        }
        long verifiedAt = System.nanoTime();
        for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
            Path target = out.resolve(c.getKey() + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, c.getValue());
        }
        Path index = out.resolve(INDEX);
        Files.createDirectories(index.getParent());
        try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            w.write("# Written by the build (org.sanctuaryrules.engine.Precompiled): the shipped rules as executable model,\n");
            w.write("# verified by CompiledRuleCheck. drl-version is the content hash of the rule files compiled.\n");
            w.write("version=" + RuleSet.hash(files) + "\n");
            w.write("drl-version=" + version + "\n");
            w.write("models=" + String.join(",", compiled.models()) + "\n");
        }
        System.out.printf("precompile: %d classes, models %s, rule-set version %s; compiled in %d ms, verified in %d ms%n",
                compiled.classes().size(), compiled.models(), version, (compiledAt - start) / 1_000_000,
                (verifiedAt - compiledAt) / 1_000_000);
    }

    private static void fail(String what, List<Problem> problems) {
        System.err.println("precompile: " + what + ":");
        problems.forEach(p -> System.err.println("  " + p));
        System.exit(1);
    }
}
