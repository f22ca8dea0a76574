package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.reasoning.Conclude;

/**
 * Rules may call everything in the model and reasoning packages ({@link BytecodeAllowlist#OPEN_PACKAGES}), so those
 * packages must stay pure: no static state that can change, no loop, and nothing but the JDK's values and
 * collections, each other and the rule context. A helper added there that breaks this fails here, before a rule can
 * use it.
 */
class PurePackagesTest {
    private static final List<String> MAY_USE = List.of("java/lang/Object", "java/lang/String", "java/lang/StringBuilder",
            "java/lang/Enum", "java/lang/Record", "java/lang/Integer", "java/lang/Boolean", "java/lang/Long",
            "java/lang/Math", "java/lang/IllegalArgumentException", "java/lang/IllegalStateException",
            "java/lang/NullPointerException", "java/lang/MatchException", "java/lang/NoSuchFieldError",
            "java/lang/IncompatibleClassChangeError",
            "java/lang/invoke/", "java/util/", "java/time/", "org/sanctuaryrules/model/", "org/sanctuaryrules/reasoning/",
            "org/kie/api/runtime/rule/RuleContext", "org/kie/api/definition/rule/Rule");
    private static final List<String> NOT_IN_JAVA_UTIL = List.of("java/util/concurrent/", "java/util/Timer",
            "java/util/Random", "java/util/Scanner", "java/util/Formatter", "java/util/Locale", "java/util/TimeZone",
            "java/util/ServiceLoader", "java/util/Properties", "java/util/logging/", "java/util/prefs/",
            "java/util/zip/", "java/util/jar/");

    @Test
    void theOpenPackagesArePure() throws Exception {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        for (Class<?> anchor : List.of(Act.class, Conclude.class)) {
            for (ClassNode c : classesBeside(anchor)) {
                classes++;
                for (FieldNode f : c.fields) {
                    if ((f.access & Opcodes.ACC_STATIC) != 0 && (f.access & Opcodes.ACC_FINAL) == 0) {
                        problems.add(c.name + "." + f.name + ": a static field that is not final");
                    }
                }
                for (MethodNode m : c.methods) {
                    for (AbstractInsnNode insn : m.instructions) {
                        String used = insn instanceof MethodInsnNode call ? call.owner
                                : insn instanceof FieldInsnNode field ? field.owner
                                : insn instanceof TypeInsnNode type && type.getOpcode() == Opcodes.NEW ? type.desc : null;
                        if (used != null && !used.startsWith("[") && (MAY_USE.stream().noneMatch(used::startsWith)
                                || NOT_IN_JAVA_UTIL.stream().anyMatch(used::startsWith))) {
                            problems.add(c.name + "." + m.name + " uses " + used);
                        }
                        if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTSTATIC
                                && !m.name.equals("<clinit>")) {
                            problems.add(c.name + "." + m.name + " writes the static field " + f.name);
                        }
                        if (insn instanceof JumpInsnNode j && m.instructions.indexOf(j.label) <= m.instructions.indexOf(j)) {
                            problems.add(c.name + "." + m.name + " loops");
                        }
                    }
                }
            }
        }
        assertTrue(classes >= 20, "found only " + classes + " classes");
        assertEquals(List.of(), problems);
    }

    /** The classes in the anchor's package, from the build tree. */
    private static List<ClassNode> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        Path dir = Path.of(anchor.getResource(anchor.getSimpleName() + ".class").toURI()).getParent();
        List<ClassNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, ClassReader.SKIP_DEBUG);
                    nodes.add(node);
                }
            }
        }
        return nodes;
    }
}
