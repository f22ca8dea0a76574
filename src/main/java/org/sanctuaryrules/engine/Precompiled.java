package org.sanctuaryrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped rules compiled at build time into Drools' executable model (Java classes in the jar), so that a
 * command starts without compiling DRL: loading the classes takes a fraction of the DRL compile, and every
 * constraint is a compiled lambda (no MVEL interpretation at run time). The build runs {@link #main} after compiling
 * the sources (see pom.xml). An index records the rule-set version it was built from; if the rule files in the jar
 * do not have that version (rules edited without a rebuild) the engine compiles the DRL as before.
 */
public final class Precompiled {
    static final String INDEX = "rules/precompiled.properties";
    private static final Logger LOG = LoggerFactory.getLogger(Precompiled.class);

    private Precompiled() {
    }

    /** The knowledge base of the precompiled rules if they are of this version; null otherwise. */
    static KieBase load(String version) {
        ClassLoader loader = Precompiled.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            Properties index = new Properties();
            index.load(in);
            if (!version.equals(index.getProperty("version"))) {
                LOG.info("precompiled rules are of version {}, the rule files of {}: compiling the DRL",
                        index.getProperty("version"), version);
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
        return version.equals(p.getProperty("version")) && !models.isBlank()
                && java.util.Arrays.stream(models.split(","))
                .allMatch(m -> Files.isRegularFile(out.resolve(m.strip().replace('.', '/') + ".class")));
    }

    /** Build step: {@code Precompiled RULES_DIR CLASSES_DIR} writes the executable model's classes and the index. */
    public static void main(String[] args) throws Exception {
        Path rulesDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<SourceFile> files = RuleSources.fromDirectory(rulesDir);
        String version = RuleSet.hash(files);
        if (upToDate(out, version)) {
            System.out.println("precompile: rule-set version " + version + " is already precompiled");
            return;
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("org.sanctuaryrules", "ruleset-" + version, "1.0.0"));
        RuleSet.writeDrls(kfs, files.stream().filter(f -> f.name().endsWith(".drl")).toList());
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            // Not fatal for the build: the engine then compiles the DRL and reports the errors with file and line.
            System.err.println("precompile: the rules do not compile; the jar will compile them at run time: " + errors);
            Files.deleteIfExists(out.resolve(INDEX));
            return;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> models = new ArrayList<>();
        int classes = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(name));
                classes++;
            } else if (name.endsWith("/drools-model")) {
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add); // skip "Drools-Model-Version:"
            }
        }
        Path index = out.resolve(INDEX);
        Files.createDirectories(index.getParent());
        try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            w.write("# Written by the build (org.sanctuaryrules.engine.Precompiled): the shipped rules as executable model.\n");
            w.write("version=" + version + "\n");
            w.write("models=" + String.join(",", models) + "\n");
        }
        System.out.println("precompile: " + classes + " classes, models " + models + ", rule-set version " + version);
    }
}
