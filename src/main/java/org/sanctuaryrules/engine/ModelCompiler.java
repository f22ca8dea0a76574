package org.sanctuaryrules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles rule files to Drools' executable model — Java classes, one per consequence and constraint, plus the
 * classes that describe the rules — and builds a knowledge base from classes that have been verified. Compiling
 * generates and compiles Java source; it runs none of the generated code (rule metadata aside, which
 * {@link RuleLanguage} restricts to string literals first). The classes are loaded by a class loader of their own,
 * from exactly the bytes that were verified.
 */
final class ModelCompiler {
    /** The project model Drools generates for a kjar: not part of the rules, never loaded. */
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    /**
     * The compiled form of a rule set.
     *
     * @param classes class files by internal name ({@code sanctuary/Rules…}), without the {@code .class}
     * @param models  the names of the classes implementing {@link Model}
     * @param errors  Drools' messages when it did not compile (then {@code classes} is empty)
     */
    record Output(Map<String, byte[]> classes, List<String> models, List<Message> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private ModelCompiler() {
    }

    static Output compile(List<SourceFile> drls, String version) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.sanctuaryrules", "ruleset-" + version, "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        RuleSet.writeDrls(kfs, drls);
        try {
            return compile(ks, kfs);
        } finally {
            // Drools registers every module it builds in its process-wide KieRepository; only the bytes are kept.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static Output compile(KieServices ks, KieFileSystem kfs) {
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | StackOverflowError e) {
            // The code generator gives up on some input with an exception (an expression it cannot lex) instead of
            // a message; it is still an error in the rule files.
            String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Output(Map.of(), List.of(), List.of(new GeneratorError(text)));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            return new Output(Map.of(), List.of(), errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class") && !name.startsWith(PROJECT_MODEL)) {
                classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
            } else if (name.endsWith("/drools-model")) {
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add); // skip "Drools-Model-Version:"
            }
        }
        return new Output(classes, models, List.of());
    }

    /**
     * A knowledge base from compiled (and verified, and guarded) classes: they are defined by a class loader of
     * their own, whose parent is the engine's, so they see the model, the reasoning helpers and Drools.
     */
    static KieBase kieBase(Map<String, byte[]> classes, List<String> models) throws ReflectiveOperationException {
        RuleClassLoader loader = new RuleClassLoader(classes, ModelCompiler.class.getClassLoader());
        List<Model> instances = new ArrayList<>();
        for (String name : models) {
            instances.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
        return KieBaseBuilder.createKieBaseFromModel(instances);
    }

    /** An exception of the code generator, as a build message without a place. */
    private record GeneratorError(String text) implements Message {
        @Override
        public long getId() {
            return 0;
        }

        @Override
        public Level getLevel() {
            return Level.ERROR;
        }

        @Override
        public String getPath() {
            return null;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getText() {
            return text.lines().findFirst().orElse(text);
        }
    }

    /** Defines exactly the given classes; everything else comes from the parent. */
    private static final class RuleClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        RuleClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("sanctuary-rules", parent);
            this.classes = Map.copyOf(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name.replace('.', '/'));
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
