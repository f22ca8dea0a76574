package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Information;

/**
 * The check of compiled rule classes: what the shipped rules' kind of code compiles to passes, what reaches outside
 * is refused at the line that says it, and the shapes it relies on hold for any bytecode, not only the compiler's.
 */
class CompiledRuleCheckTest {
    private static final String REGISTER = "- id: P-1\n  citation: \"Test § 1\"\n  title: test\n  from: 2000-01-01\n";
    private static final String HEADER = """
            package sanctuary;
            import org.sanctuaryrules.model.*;
            import org.sanctuaryrules.reasoning.*;
            """;

    /** One compile for the whole class: a rule set with what rules may do and one rule per thing they may not. */
    private static final String RULES = HEADER + """
            rule "Sound"
                @provision("P-1")
            when
                $act : Act( kind in (ActKind.HOLD_PAST_RELEASE, ActKind.NOTIFY_RELEASE), holdHours == null || holdHours < 48 )
                not Established( term == Term.JUDICIAL_WARRANT )
            then
                Conclude.prohibit(kcontext, $act, Phrases.agency($act) + " would " + Phrases.honoring($act) + ": "
                    + describe($act) + ", " + kind($act) + " on " + $act.date().plusDays(1));
            end

            function String describe(Act a) {
                java.util.List<String> words = new java.util.ArrayList<>();
                for (Information i : new java.util.TreeSet<Information>(a.information())) {
                    words.add(i.name().toLowerCase().replace('_', ' '));
                }
                return words.isEmpty() ? "nothing" : String.join(", ", words);
            }

            function String kind(Act a) {
                switch (a.kind()) {
                    case HOLD_PAST_RELEASE: return "a hold";
                    default: return "a notice";
                }
            }

            rule "Reaches the runtime"
                @provision("P-1")
            when
                $act : Act( agency == Agency.DOC )
            then
                Conclude.note(kcontext, $act, "pid " +
                    ProcessHandle.current().pid());
            end

            rule "Loops in a consequence"
                @provision("P-1")
            when
                $act : Act( agency == Agency.PROBATION )
            then
                int n = 0;
                for (int i = 0; i < 3; i++) { n += i; }
                Conclude.note(kcontext, $act, "n " + n);
            end

            function int countDown(int n) {
                return n == 0 ? 0 : countDown(n - 1);
            }
            """;

    private static List<Problem> found;

    @TempDir
    static Path cacheDir;

    /** The check of the compiled classes on its own, without the text lint (which would catch these first). */
    @BeforeAll
    static void compile() {
        List<SourceFile> drls = List.of(new SourceFile("rules/test.drl", RULES));
        RuleLanguage.Parsed parsed = RuleLanguage.check(drls);
        assertTrue(parsed.ok(), parsed.problems()::toString);
        ModelCompiler.Output compiled = ModelCompiler.compile(drls, "test");
        assertTrue(compiled.ok(), compiled.errors()::toString);
        found = CompiledRuleCheck.check(compiled.classes(), parsed, drls, "test");
    }

    private static List<SourceFile> files(String drl) {
        return List.of(new SourceFile("rules/provisions.yaml", REGISTER),
                new SourceFile("rules/violent-or-serious-felonies.csv", "160.15,,a\n"),
                new SourceFile("rules/test.drl", drl));
    }

    private static List<String> errors() {
        return found.stream().filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::toString).toList();
    }

    @Test
    void whatRulesMayDoPassesAndEachThingTheyMayNotIsRefusedAtItsLine() {
        List<String> errors = errors();
        assertEquals(List.of(
                "rules/test.drl:35:23: error: rule \"Reaches the runtime\": compiled rule code calls "
                        + "java.lang.ProcessHandle.current(…), which rules may not use",
                "rules/test.drl:35:33: error: rule \"Reaches the runtime\": compiled rule code calls "
                        + "java.lang.ProcessHandle.pid(…), which rules may not use",
                "rules/test.drl:44:5: error: rule \"Loops in a consequence\": compiled rule code loops: consequences "
                        + "and conditions must not loop (a function may loop over a collection)",
                "rules/test.drl:49:25: error: function \"countDown\": compiled rule code calls itself "
                        + "(countDown → countDown): rules must not recurse"), errors);
    }

    @Test
    void theSoundRuleJudgesWithItsGuardsWovenIn() throws Exception {
        String sound = RULES.substring(0, RULES.indexOf("rule \"Reaches the runtime\""));
        SanctuaryEngine engine = SanctuaryEngine.of(RuleSet.compile("test", files(sound),
                RuleSetOptions.SAFE.withCache(cacheDir)));
        Act hold = Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1))
                .information(Information.RELEASE_DATE, Information.ADDRESS).build();
        Assessment a = engine.assess(new Case("c", null, null, List.of(hold)));
        assertEquals(Verdict.VIOLATION, a.verdict());
        assertEquals("NYPD would hold the person past release: release date, address, a hold on 2024-01-02",
                a.act("hold").findings().get(0).explanation());
        // compiled once, then from the cache: the same rules, judging alike
        try (var entries = Files.list(cacheDir)) {
            assertEquals(1, entries.filter(f -> f.toString().endsWith(".zip")).count());
        }
        SanctuaryEngine again = SanctuaryEngine.of(RuleSet.compile("test", files(sound),
                RuleSetOptions.SAFE.withCache(cacheDir)));
        assertEquals(a, again.assess(new Case("c", null, null, List.of(hold))));
    }

    @Test
    void aCacheEntrySomeoneChangedIsVerifiedAgainAndCompiledAfresh(@TempDir Path dir) throws Exception {
        String sound = RULES.substring(0, RULES.indexOf("rule \"Reaches the runtime\""));
        RuleSetOptions options = RuleSetOptions.SAFE.withCache(dir);
        RuleSet.compile("test", files(sound), options);
        Path entry;
        try (var entries = Files.list(dir)) {
            entry = entries.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Path sentinel = dir.resolve("planted-code-ran");
        replaceEveryClass(entry, name -> hostileClass(name, sentinel));
        SanctuaryEngine engine = SanctuaryEngine.of(RuleSet.compile("test", files(sound), options));
        Act hold = Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 1, 1)).build();
        assertEquals(Verdict.VIOLATION, engine.assess(new Case("c", null, null, List.of(hold))).verdict());
        assertFalse(Files.exists(sentinel));
    }

    /** Rewrites a cache entry with every class replaced. */
    private static void replaceEveryClass(Path zip, java.util.function.Function<String, byte[]> replacement)
            throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                entries.put(name, name.endsWith(".class")
                        ? replacement.apply(name.substring(0, name.length() - ".class".length())) : in.readAllBytes());
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /** A class that creates a file in its static initializer. */
    private static byte[] hostileClass(String name, Path sentinel) {
        return build(name, "java/lang/Object", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            mv.visitCode();
            mv.visitTypeInsn(Opcodes.NEW, "java/io/File");
            mv.visitInsn(Opcodes.DUP);
            mv.visitLdcInsn(sentinel.toString());
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/File", "<init>", "(Ljava/lang/String;)V", false);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/File", "createNewFile", "()Z", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // The shapes, on bytecode no compiler would write

    private static byte[] build(String name, String superName, Consumer<ClassWriter> methods) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
        methods.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static List<String> findings(Consumer<MethodVisitor> code) {
        byte[] bytes = build("sanctuary/Crafted", "java/lang/Object", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "crafted", "()V", null, null);
            mv.visitCode();
            code.accept(mv);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
        return CompiledRuleCheck.findings(Map.of("sanctuary/Crafted", bytes)).stream()
                .map(CompiledRuleCheck.Finding::message).toList();
    }

    @Test
    void arraysOnlyOfASmallConstantSize() {
        assertEquals(List.of(), findings(mv -> {
            mv.visitIntInsn(Opcodes.SIPUSH, 256);
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
        }));
        List<String> found = findings(mv -> {
            mv.visitIntInsn(Opcodes.SIPUSH, 257);
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
        });
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("creates an array of a computed size"), found::toString);
    }

    @Test
    void aHandlerThatGuardsItselfIsALoop() {
        List<String> found = findings(mv -> {
            Label start = new Label();
            Label handler = new Label();
            Label end = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
            mv.visitLabel(start);
            mv.visitTypeInsn(Opcodes.NEW, "java/lang/RuntimeException");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/RuntimeException", "<init>", "()V", false);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitLabel(handler); // throws again, into itself: a loop with no jump
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitLabel(end);
        });
        assertTrue(found.contains("has an exception handler inside the code it guards (a loop)"), found::toString);
    }

    @Test
    void aBackwardJumpIsALoopAnywhere() {
        List<String> found = findings(mv -> {
            Label top = new Label();
            mv.visitLabel(top);
            mv.visitJumpInsn(Opcodes.GOTO, top);
        });
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("loops"), found::toString);
    }

    @Test
    void noStaticStateOfAnotherClassAndNoErrorsCaught() {
        List<String> found = findings(mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            mv.visitLabel(start);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitFieldInsn(Opcodes.PUTSTATIC, "org/sanctuaryrules/model/Request", "NONE",
                    "Lorg/sanctuaryrules/model/Request;");
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
        });
        assertTrue(found.stream().anyMatch(f -> f.startsWith("writes the static field org.sanctuaryrules.model.Request.NONE")),
                found::toString);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("catches java.lang.Throwable")), found::toString);
    }

    @Test
    void classesExtendOnlyObjectOrEnum() {
        byte[] bytes = build("sanctuary/Crafted", "java/lang/Thread", cw -> { });
        List<String> found = CompiledRuleCheck.findings(Map.of("sanctuary/Crafted", bytes)).stream()
                .map(CompiledRuleCheck.Finding::message).toList();
        assertEquals(List.of("extends java.lang.Thread, which compiled rules may not"), found);
    }
}
