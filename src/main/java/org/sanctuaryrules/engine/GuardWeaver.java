package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaves the {@link RuleGuard} checks into verified rule classes: a call on entry to every method of rule code (so
 * that a chain of functions calling each other twice over, which has no loop and no recursion, still stops when the
 * act is out of time), one on every turn of a loop, and one after every string a rule makes (so that no string
 * grows beyond {@link RuleGuard#MAX_TEXT} and no library call on one can take long). Only calls to a static method
 * that takes and gives back the value on the stack are added: the stack and the frames stay as they were.
 * Model glue (what runs while the knowledge base is built) is left as it is.
 */
final class GuardWeaver {
    private static final String GUARD = Type.getInternalName(RuleGuard.class);
    private static final String STRING = "Ljava/lang/String;";
    private static final String BUILDER = "Ljava/lang/StringBuilder;";

    private GuardWeaver() {
    }

    /** The classes with the checks woven in. */
    static Map<String, byte[]> weave(Map<String, byte[]> classes) {
        Map<String, byte[]> woven = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> woven.put(name, weave(bytes, classes)));
        return woven;
    }

    private static byte[] weave(byte[] bytes, Map<String, byte[]> generated) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        boolean changed = false;
        for (MethodNode m : c.methods) {
            if (m.instructions.size() == 0 || CompiledRuleCheck.contextOf(c, m) == CompiledRuleCheck.Context.GLUE) {
                continue;
            }
            weave(m, generated);
            changed = true;
        }
        if (!changed) {
            return bytes;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        c.accept(writer);
        return writer.toByteArray();
    }

    private static void weave(MethodNode m, Map<String, byte[]> generated) {
        List<AbstractInsnNode> loops = new ArrayList<>();
        List<AbstractInsnNode> strings = new ArrayList<>();
        List<AbstractInsnNode> builders = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof JumpInsnNode jump && m.instructions.indexOf(jump.label) <= m.instructions.indexOf(insn)) {
                loops.add(insn);
            } else if (insn instanceof InvokeDynamicInsnNode indy
                    && Type.getReturnType(indy.desc).getDescriptor().equals(STRING)) {
                strings.add(insn); // a concatenation (a lambda's invokedynamic makes the lambda, not a string)
            } else if (insn instanceof MethodInsnNode call && madeByRule(call.owner, generated)) {
                String returned = Type.getReturnType(call.desc).getDescriptor();
                if (returned.equals(STRING)) {
                    strings.add(insn);
                } else if (returned.equals(BUILDER)) {
                    builders.add(insn);
                }
            }
        }
        m.instructions.insert(enter());
        loops.forEach(insn -> m.instructions.insertBefore(insn, enter()));
        strings.forEach(insn -> m.instructions.insert(insn, new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, "text",
                "(" + STRING + ")" + STRING, false)));
        builders.forEach(insn -> m.instructions.insert(insn, new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, "text",
                "(" + BUILDER + ")" + BUILDER, false)));
    }

    /** Strings from the JDK or from the rules' own functions; the model's and the helpers' are the engine's own. */
    private static boolean madeByRule(String owner, Map<String, byte[]> generated) {
        return owner.startsWith("java/") || generated.containsKey(owner);
    }

    private static MethodInsnNode enter() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, "enter", "()V", false);
    }
}
