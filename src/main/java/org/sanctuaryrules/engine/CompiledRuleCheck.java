package org.sanctuaryrules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Verifies the compiled form of a rule set — the classes Drools' executable model generated from the DRL, the code
 * that will actually run — against {@link BytecodeAllowlist}. This, not the text of the rule files, decides whether
 * a rule set is safe: what the bytecode does not contain cannot run. Every method of every class is checked; for
 * each one it verifies:
 * <ul>
 *   <li>every method called, constructor used, static field read and type named is on the allowlist of its
 *       context (rule code or model glue);</li>
 *   <li>no static field is written except a class's own, in its static initializer or in the compiler's enum
 *       switch table; no instance field except its own, in a constructor — so nothing keeps state between acts;</li>
 *   <li>no jump goes backwards (no loop), except, in a function, the loop the compiler makes of
 *       {@code for (X x : collection)}, which ends when the collection does; no switch or exception handler
 *       jumps backwards either;</li>
 *   <li>the generated methods never call each other in a cycle (no recursion);</li>
 *   <li>arrays are created only with a constant size of at most 256, or the length of an existing array;</li>
 *   <li>no invokedynamic but string concatenation and lambdas (or method references) of the functional
 *       interfaces of {@code java.util.function}, whose code is a verified method or one rule code may call; no
 *       class literal, no method handle, no {@code synchronized}, no native method, no {@code finalize}, and
 *       exception handlers catch only listed exceptions — never {@link Error}, which is how budgets stop a rule.</li>
 * </ul>
 * Findings are placed at the rule or function they come from, at the line that names the offending member.
 */
final class CompiledRuleCheck {
    private static final int MAX_CONSTANT_ARRAY = 256;
    private static final String MODEL = "org/drools/model/Model";
    private static final String FUNCTIONS = "org/drools/model/functions/";
    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";

    /** What a method is, which decides the list it is checked against. */
    enum Context {
        /** Consequences, constraints, extractors, switch tables: no loops at all. */
        RULE_CODE,
        /** A DRL function: rule code that may loop over a collection. */
        FUNCTION,
        /** What Drools generates to describe the rules. */
        GLUE
    }

    /** One thing found wrong in a method, before it is placed in a file. */
    record Finding(String className, String method, String descriptor, String message, List<String> needles) {
    }

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Set<String>> calls = new LinkedHashMap<>();

    private CompiledRuleCheck(Map<String, byte[]> classFiles) {
        for (byte[] bytes : classFiles.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            classes.put(node.name, node);
        }
    }

    /** Every finding on the classes (class file name or internal name → bytes), unplaced. */
    static List<Finding> findings(Map<String, byte[]> classFiles) {
        CompiledRuleCheck check = new CompiledRuleCheck(classFiles);
        check.run();
        return check.findings;
    }

    /** Every finding on the classes, placed in the rule files. */
    static List<Problem> check(Map<String, byte[]> classFiles, RuleLanguage.Parsed places, List<SourceFile> drls,
                               String origin) {
        CompiledRuleCheck check = new CompiledRuleCheck(classFiles);
        check.run();
        return new Placer(check.classes, places, drls, origin).place(check.findings);
    }

    private void run() {
        for (ClassNode c : classes.values()) {
            checkClass(c);
            for (MethodNode m : c.methods) {
                checkMethod(c, m, contextOf(c, m));
            }
        }
        checkNoRecursion();
    }

    // ---------------------------------------------------------------------------------------------------------
    // What each method is

    static boolean isLambdaClass(ClassNode c) {
        return c.interfaces.stream().anyMatch(i -> i.startsWith(FUNCTIONS));
    }

    static boolean isModelClass(ClassNode c) {
        return c.interfaces.contains(MODEL);
    }

    static boolean isRuleMethodsClass(ClassNode c) {
        return c.name.matches(".*/Rules[0-9A-F]+RuleMethods\\d+") && c.interfaces.isEmpty()
                && "java/lang/Object".equals(c.superName);
    }

    static boolean isMetadataClass(ClassNode c) {
        return c.interfaces.contains("org/drools/model/DomainClassMetadata")
                || c.name.matches(".*/DomainClassesMetadata[0-9A-F]+") && c.interfaces.isEmpty();
    }

    static Context contextOf(ClassNode c, MethodNode m) {
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        boolean synthetic = (m.access & Opcodes.ACC_SYNTHETIC) != 0;
        if (isLambdaClass(c)) {
            return switch (m.name) {
                case "<clinit>", "<init>", "values", "valueOf", "getExpressionHash", "predicateInformation" -> Context.GLUE;
                default -> Context.RULE_CODE;
            };
        }
        if (isModelClass(c)) {
            if (isStatic && !synthetic && (m.access & Opcodes.ACC_PUBLIC) != 0 && !m.name.startsWith("<")) {
                return Context.FUNCTION;
            }
            return synthetic || m.name.startsWith("lambda$") ? Context.RULE_CODE : Context.GLUE;
        }
        if (isRuleMethodsClass(c)) {
            return (m.name.startsWith("rule_") && isStatic) || m.name.equals("<init>") ? Context.GLUE : Context.RULE_CODE;
        }
        if (isMetadataClass(c)) {
            return Context.GLUE;
        }
        return Context.RULE_CODE;
    }

    /** Whether the method is the compiler's lazily built table of an enum switch. */
    private static boolean isSwitchTable(MethodNode m) {
        return (m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith("$SWITCH_TABLE$");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Classes and methods

    private void checkClass(ClassNode c) {
        if (!"java/lang/Object".equals(c.superName) && !"java/lang/Enum".equals(c.superName)
                && !classes.containsKey(c.superName)) {
            findings.add(new Finding(c.name, "", "", "extends " + dotted(c.superName)
                    + ", which compiled rules may not", List.of()));
        }
        for (String i : c.interfaces) {
            if (!i.startsWith("org/drools/model/")) {
                findings.add(new Finding(c.name, "", "", "implements " + dotted(i) + ", which compiled rules may not",
                        List.of(simple(i))));
            }
        }
    }

    private void checkMethod(ClassNode c, MethodNode m, Context context) {
        Set<String> callees = calls.computeIfAbsent(key(c.name, m.name, m.desc), k -> new LinkedHashSet<>());
        if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            finding(c, m, "is a native method", List.of(m.name));
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            finding(c, m, "is synchronized: rules must not wait", List.of("synchronized"));
        }
        if (m.name.equals("finalize")) {
            finding(c, m, "defines finalize, which would run outside any budget", List.of("finalize"));
        }
        for (TryCatchBlockNode handler : m.tryCatchBlocks) {
            String type = handler.type;
            boolean allowed = type != null && (BytecodeAllowlist.CATCHABLE.contains(type)
                    || (isSwitchTable(m) && type.equals("java/lang/NoSuchFieldError")));
            if (!allowed) {
                finding(c, m, type == null ? "has a finally block or catches everything: rule code may catch only "
                        + "exceptions, not errors" : "catches " + dotted(type) + ": rule code may catch only exceptions, "
                        + "not errors", List.of("catch", "finally", "try"));
            }
            if (m.instructions.indexOf(handler.handler) <= m.instructions.indexOf(handler.end)
                    && m.instructions.indexOf(handler.handler) >= m.instructions.indexOf(handler.start)) {
                finding(c, m, "has an exception handler inside the code it guards (a loop)", List.of("catch"));
            }
        }
        for (AbstractInsnNode insn : m.instructions) {
            checkInstruction(c, m, context, insn, callees);
        }
    }

    private void checkInstruction(ClassNode c, MethodNode m, Context context, AbstractInsnNode insn,
                                  Set<String> callees) {
        int op = insn.getOpcode();
        if (insn instanceof MethodInsnNode call) {
            if (classes.containsKey(call.owner)) {
                callees.add(key(call.owner, call.name, call.desc));
            } else if (!mayCall(context, call.owner, call.name, call.desc)) {
                boolean constructor = call.name.equals("<init>");
                if (!constructor || BytecodeAllowlist.mayCreate(call.owner)) { // else the `new` is reported
                    finding(c, m, (constructor ? "calls the constructor " : "calls ") + member(call.owner, call.name)
                            + "(…), which rules may not use" + reason(call.owner, call.name),
                            constructor ? List.of(simple(call.owner)) : List.of(call.name, simple(call.owner)));
                }
            }
        } else if (insn instanceof FieldInsnNode field) {
            checkField(c, m, context, field);
        } else if (insn instanceof TypeInsnNode type) {
            checkType(c, m, context, type);
        } else if (op == Opcodes.NEWARRAY) {
            if (!boundedSize(insn)) {
                finding(c, m, "creates an array of a computed size: rules may not create arrays",
                        List.of("new", "[]"));
            }
        } else if (op == Opcodes.MULTIANEWARRAY) {
            finding(c, m, "creates a multi-dimensional array: rules may not create arrays", List.of("new", "[]"));
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
            Handle bsm = indy.bsm;
            boolean concat = bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")
                    && (bsm.getName().equals("makeConcatWithConstants") || bsm.getName().equals("makeConcat"));
            if (!concat && !lambda(c, m, context, indy, callees)) {
                finding(c, m, "uses a dynamic call (" + dotted(bsm.getOwner()) + "." + bsm.getName()
                        + ") that rules may not: only string concatenation, and lambdas of java.util.function",
                        List.of("->", "::"));
            }
        } else if (insn instanceof LdcInsnNode ldc) {
            checkConstant(c, m, context, ldc.cst);
        } else if (insn instanceof JumpInsnNode jump) {
            if (op == Opcodes.JSR) {
                finding(c, m, "uses jsr", List.of());
            } else if (backwards(m, insn, jump.label) && !(context == Context.FUNCTION && forEachLoop(m, jump))) {
                finding(c, m, context == Context.FUNCTION
                        ? "loops: a function may loop only over a collection, with for (X x : collection)"
                        : "loops: consequences and conditions must not loop (a function may loop over a collection)",
                        List.of("while", "for", "do"));
            }
        } else if (insn instanceof TableSwitchInsnNode table) {
            if (backwards(m, insn, table.dflt) || table.labels.stream().anyMatch(l -> backwards(m, insn, l))) {
                finding(c, m, "has a switch that jumps backwards (a loop)", List.of("switch"));
            }
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            if (backwards(m, insn, lookup.dflt) || lookup.labels.stream().anyMatch(l -> backwards(m, insn, l))) {
                finding(c, m, "has a switch that jumps backwards (a loop)", List.of("switch"));
            }
        } else if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
            finding(c, m, "synchronizes: rules must not wait", List.of("synchronized"));
        } else if (op == Opcodes.RET) {
            finding(c, m, "uses ret", List.of());
        }
    }

    /**
     * Whether an invokedynamic is a lambda or method reference of an allowed functional interface whose code may run:
     * a method of a generated class (then a call in the call graph, so it cannot recurse) or one rule code may call.
     * The refused ones are reported here, with what is wrong.
     */
    private boolean lambda(ClassNode c, MethodNode m, Context context, InvokeDynamicInsnNode indy, Set<String> callees) {
        Handle bsm = indy.bsm;
        if (!bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") || !bsm.getName().equals("metafactory")
                || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle target)) {
            return false;
        }
        String functional = Type.getReturnType(indy.desc).getInternalName();
        if (BytecodeAllowlist.FUNCTIONAL_INTERFACES.stream().noneMatch(functional::startsWith)) {
            finding(c, m, "makes a lambda or method reference of " + dotted(functional) + ": rules may implement only "
                    + "the functional interfaces of java.util.function", List.of("->", "::"));
            return true;
        }
        if (classes.containsKey(target.getOwner())) {
            callees.add(key(target.getOwner(), target.getName(), target.getDesc()));
        } else if (!mayCall(context, target.getOwner(), target.getName(), target.getDesc())) {
            finding(c, m, "refers to " + member(target.getOwner(), target.getName()) + "(…), which rules may not use"
                    + reason(target.getOwner(), target.getName()), List.of(target.getName(), "::"));
        }
        return true;
    }

    private void checkField(ClassNode c, MethodNode m, Context context, FieldInsnNode field) {
        int op = field.getOpcode();
        boolean own = field.owner.equals(c.name);
        switch (op) {
            case Opcodes.GETSTATIC -> {
                if (!classes.containsKey(field.owner) && !mayReadStatic(context, field.owner, field.name, field.desc)) {
                    finding(c, m, "reads " + member(field.owner, field.name) + ", which rules may not use"
                            + reason(field.owner, field.name), List.of(field.name, simple(field.owner)));
                }
            }
            case Opcodes.GETFIELD -> {
                if (!classes.containsKey(field.owner)) {
                    finding(c, m, "reads the field " + member(field.owner, field.name) + ": rules use accessors "
                            + "of the model", List.of(field.name));
                }
            }
            case Opcodes.PUTSTATIC -> {
                boolean allowed = own && (m.name.equals("<clinit>")
                        || (isSwitchTable(m) && m.name.equals(field.name)));
                if (!allowed) {
                    finding(c, m, "writes the static field " + member(field.owner, field.name)
                            + ": rules may not keep state between acts", List.of(field.name, simple(field.owner)));
                }
            }
            default -> {
                if (!(own && m.name.equals("<init>"))) {
                    finding(c, m, "writes the field " + member(field.owner, field.name)
                            + ": rules may not change objects", List.of(field.name));
                }
            }
        }
    }

    private void checkType(ClassNode c, MethodNode m, Context context, TypeInsnNode type) {
        String desc = type.desc;
        switch (type.getOpcode()) {
            case Opcodes.NEW -> {
                boolean glue = context == Context.GLUE && BytecodeAllowlist.GLUE_METHODS
                        .getOrDefault(desc, Set.of()).contains("<init>");
                if (!classes.containsKey(desc) && !BytecodeAllowlist.mayCreate(desc) && !glue) {
                    finding(c, m, "creates a " + dotted(desc) + ", which rules may not" + reason(desc, "<init>"),
                            List.of(simple(desc), "new"));
                }
            }
            case Opcodes.ANEWARRAY -> {
                if (!boundedSize(type)) {
                    finding(c, m, "creates an array of a computed size: rules may not create arrays",
                            List.of("new", "[]"));
                }
                checkNamedType(c, m, context, desc);
            }
            default -> checkNamedType(c, m, context, desc);
        }
    }

    private void checkNamedType(ClassNode c, MethodNode m, Context context, String desc) {
        String element = desc;
        while (element.startsWith("[")) {
            element = element.substring(1);
        }
        if (element.startsWith("L") && element.endsWith(";")) {
            element = element.substring(1, element.length() - 1);
        }
        if (element.length() == 1) {
            return; // a primitive type
        }
        if (!mayName(context, element)) {
            finding(c, m, "names the type " + dotted(element) + ", which rules may not use",
                    List.of(simple(element)));
        }
    }

    private void checkConstant(ClassNode c, MethodNode m, Context context, Object cst) {
        if (cst instanceof Type t) {
            if (t.getSort() == Type.METHOD) {
                finding(c, m, "uses a method type constant", List.of());
            } else {
                String name = t.getSort() == Type.ARRAY ? t.getElementType().getInternalName() : t.getInternalName();
                if (context != Context.GLUE || !mayName(Context.GLUE, name)) {
                    finding(c, m, "uses the class " + dotted(name) + " as a value (X.class): reflection is not "
                            + "allowed in rules", List.of("class", simple(name)));
                }
            }
        } else if (cst instanceof Handle || cst instanceof org.objectweb.asm.ConstantDynamic) {
            finding(c, m, "uses a method handle or dynamic constant", List.of());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The allowlist, by context

    private boolean mayCall(Context context, String owner, String name, String desc) {
        if (BytecodeAllowlist.NEVER.contains(name)) {
            return false;
        }
        if (owner.startsWith("[")) {
            return context == Context.GLUE && name.equals("clone");
        }
        if (BytecodeAllowlist.inOpenPackage(owner)) {
            return true;
        }
        Set<String> engine = BytecodeAllowlist.ENGINE.get(owner);
        if (engine != null) {
            return engine.contains(name) || (engine.contains(BytecodeAllowlist.ANY) && !name.equals("<init>"));
        }
        Map<String, Set<String>> drools = BytecodeAllowlist.DROOLS.get(owner);
        if (drools != null && drools.containsKey(name)) {
            Set<String> descs = drools.get(name);
            return descs.isEmpty() || descs.contains(desc);
        }
        Set<String> jdk = BytecodeAllowlist.JDK.get(owner);
        if (jdk != null && BytecodeAllowlist.admits(jdk, name, desc)) {
            return true;
        }
        if (BytecodeAllowlist.TIME_TYPES.contains(owner)) {
            return !name.equals("<init>") && !BytecodeAllowlist.TIME_DENIED.contains(name);
        }
        if (context == Context.GLUE) {
            Set<String> glue = BytecodeAllowlist.GLUE_METHODS.get(owner);
            return glue != null && glue.contains(name);
        }
        return false;
    }

    private boolean mayReadStatic(Context context, String owner, String name, String desc) {
        String ownType = "L" + owner + ";";
        if (BytecodeAllowlist.inOpenPackage(owner) || BytecodeAllowlist.STATIC_FIELDS.contains(owner + "." + name)) {
            return true;
        }
        if ((BytecodeAllowlist.ENGINE.containsKey(owner) || BytecodeAllowlist.TIME_TYPES.contains(owner))
                && desc.equals(ownType)) {
            return true; // an enum constant
        }
        if (BytecodeAllowlist.OPERATORS.contains(owner) && name.equals("INSTANCE")) {
            return true;
        }
        return context == Context.GLUE && (BytecodeAllowlist.GLUE_STATIC_FIELDS.contains(owner + "." + name)
                || BytecodeAllowlist.GLUE_FIELD_OWNERS.contains(owner));
    }

    private boolean mayName(Context context, String type) {
        if (classes.containsKey(type) || BytecodeAllowlist.mayNameType(type)) {
            return true;
        }
        return context == Context.GLUE && (type.startsWith("org/drools/model/")
                || BytecodeAllowlist.GLUE_METHODS.containsKey(type));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Shapes: array sizes, loops, recursion

    /** The array's size is a small constant, or the length of an array that already exists. */
    private static boolean boundedSize(AbstractInsnNode newArray) {
        AbstractInsnNode p = previous(newArray);
        if (p == null) {
            return false;
        }
        int op = p.getOpcode();
        if (op >= Opcodes.ICONST_0 && op <= Opcodes.ICONST_5) {
            return true;
        }
        if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && p instanceof IntInsnNode i) {
            return i.operand >= 0 && i.operand <= MAX_CONSTANT_ARRAY;
        }
        if (op == Opcodes.ARRAYLENGTH) {
            return true;
        }
        // length; dup; istore n; anewarray — the copy in an enum's values()
        AbstractInsnNode dup = previous(p);
        AbstractInsnNode length = dup == null ? null : previous(dup);
        return op == Opcodes.ISTORE && dup != null && dup.getOpcode() == Opcodes.DUP && length != null
                && length.getOpcode() == Opcodes.ARRAYLENGTH;
    }

    private static boolean backwards(MethodNode m, AbstractInsnNode from, LabelNode to) {
        return m.instructions.indexOf(to) <= m.instructions.indexOf(from);
    }

    /**
     * Whether a backward jump is the loop of {@code for (X x : collection)}: the iterator is a local that is only
     * ever set from a collection's {@code iterator()}, the jump is taken only after {@code hasNext()} said so, and
     * every pass through the loop starts with {@code next()}, so the loop ends with the collection.
     */
    private boolean forEachLoop(MethodNode m, JumpInsnNode back) {
        AbstractInsnNode target = next(back.label);
        int iterator;
        if (back.getOpcode() == Opcodes.IFNE) { // the condition at the bottom (ecj)
            AbstractInsnNode hasNext = previous(back);
            AbstractInsnNode load = hasNext == null ? null : previous(hasNext);
            if (!isIteratorCall(hasNext, "hasNext") || !(load instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
            iterator = v.var;
            if (!loadsAndCalls(target, iterator, "next")) {
                return false;
            }
        } else if (back.getOpcode() == Opcodes.GOTO) { // the condition at the top (javac)
            if (!(target instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
            iterator = v.var;
            AbstractInsnNode hasNext = next(target);
            AbstractInsnNode exit = hasNext == null ? null : next(hasNext);
            if (!isIteratorCall(hasNext, "hasNext") || !(exit instanceof JumpInsnNode j) || j.getOpcode() != Opcodes.IFEQ
                    || backwards(m, exit, j.label) || !loadsAndCalls(next(exit), iterator, "next")) {
                return false;
            }
        } else {
            return false;
        }
        int from = m.instructions.indexOf(back.label);
        int to = m.instructions.indexOf(back);
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE && store.var == iterator) {
                int at = m.instructions.indexOf(insn);
                AbstractInsnNode source = previous(insn);
                boolean fromCollection = source instanceof MethodInsnNode call && call.name.equals("iterator")
                        && call.desc.equals("()Ljava/util/Iterator;") && mayCall(Context.FUNCTION, call.owner,
                        call.name, call.desc);
                if ((at > from && at < to) || !fromCollection) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean loadsAndCalls(AbstractInsnNode insn, int var, String method) {
        return insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == var
                && isIteratorCall(next(insn), method);
    }

    private static boolean isIteratorCall(AbstractInsnNode insn, String method) {
        return insn instanceof MethodInsnNode call && call.owner.equals("java/util/Iterator") && call.name.equals(method);
    }

    /** The previous instruction that is code (not a label, line number or frame). */
    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn == null ? null : insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    /** No cycle in the calls between the generated methods. */
    private void checkNoRecursion() {
        Map<String, Integer> state = new HashMap<>(); // 1: on the path, 2: done
        for (String start : calls.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> pending = new ArrayDeque<>();
            state.put(start, 1);
            path.push(start);
            pending.push(calls.getOrDefault(start, Set.of()).iterator());
            while (!pending.isEmpty()) {
                java.util.Iterator<String> it = pending.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    pending.pop();
                    continue;
                }
                String callee = it.next();
                Integer s = state.get(callee);
                if (s == null) {
                    state.put(callee, 1);
                    path.push(callee);
                    pending.push(calls.getOrDefault(callee, Set.of()).iterator());
                } else if (s == 1) {
                    recursion(callee, path);
                }
            }
        }
    }

    private void recursion(String callee, Deque<String> path) {
        List<String> cycle = new ArrayList<>();
        for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals(callee) || !cycle.isEmpty()) {
                cycle.add(methodName(k));
            }
        }
        cycle.add(methodName(callee));
        String[] parts = callee.split("#", 3);
        ClassNode c = classes.get(parts[0]);
        MethodNode m = c == null ? null : c.methods.stream().filter(x -> x.name.equals(parts[1])
                && x.desc.equals(parts[2])).findFirst().orElse(null);
        String via = String.join(" → ", cycle);
        findings.add(new Finding(parts[0], m == null ? parts[1] : m.name, parts[2],
                "calls itself (" + via + "): rules must not recurse", List.of(methodName(callee))));
    }

    private static String key(String owner, String name, String desc) {
        return owner + "#" + name + "#" + desc;
    }

    private static String methodName(String key) {
        return key.split("#", 3)[1];
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messages

    private void finding(ClassNode c, MethodNode m, String message, List<String> needles) {
        findings.add(new Finding(c.name, m.name, m.desc, message, needles));
    }

    private static String reason(String owner, String name) {
        String o = owner.replace('/', '.');
        if (o.startsWith("java.lang.reflect") || o.startsWith("java.lang.invoke") || o.equals("java.lang.Class")
                || o.equals("java.lang.ClassLoader")) {
            return " (reflection and class loading are not allowed)";
        }
        if (o.startsWith("java.io") || o.startsWith("java.nio") || o.startsWith("java.net")) {
            return " (files and the network are not allowed)";
        }
        if (o.equals("java.lang.Thread") || o.startsWith("java.util.concurrent") || o.equals("java.util.Timer")) {
            return " (threads are not allowed)";
        }
        if (o.startsWith("org.drools") || o.startsWith("org.kie")) {
            return " (rules may not reach into the engine)";
        }
        if (o.startsWith("java.util.stream")) {
            return " (streams are not allowed; a function may loop over a collection)";
        }
        return "";
    }

    static String dotted(String internal) {
        return internal == null ? "?" : internal.replace('/', '.').replace('$', '.');
    }

    private static String member(String owner, String name) {
        return dotted(owner) + (name.equals("<init>") ? "" : "." + name);
    }

    private static String simple(String internal) {
        String s = internal.substring(internal.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Places findings at the rule or function they come from, at the line naming the offending member. */
    private static final class Placer {
        private final Map<String, ClassNode> classes;
        private final RuleLanguage.Parsed places;
        private final Map<String, SourceFile> filesByName = new HashMap<>();
        private final String origin;
        /** Lambda class → the rules that use it; rule-methods method → its rule. */
        private final Map<String, List<String>> rulesOfClass = new HashMap<>();
        private final Map<String, String> ruleOfMethod = new HashMap<>();

        Placer(Map<String, ClassNode> classes, RuleLanguage.Parsed places, List<SourceFile> drls, String origin) {
            this.classes = classes;
            this.places = places;
            this.origin = origin;
            drls.forEach(f -> filesByName.put(f.name(), f));
            for (ClassNode c : classes.values()) {
                if (!isRuleMethodsClass(c)) {
                    continue;
                }
                for (MethodNode m : c.methods) {
                    String rule = ruleName(m);
                    if (rule == null) {
                        continue;
                    }
                    ruleOfMethod.put(c.name + "#" + m.name, rule);
                    for (AbstractInsnNode insn : m.instructions) {
                        if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC
                                && classes.containsKey(f.owner) && f.name.equals("INSTANCE")) {
                            rulesOfClass.computeIfAbsent(f.owner, k -> new ArrayList<>()).add(rule);
                        }
                    }
                }
            }
        }

        /** The name of the rule a rule method builds: the second string before {@code D.rule(package, name)}. */
        private static String ruleName(MethodNode m) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(DSL) && call.name.equals("rule")
                        && previous(insn) instanceof LdcInsnNode ldc && ldc.cst instanceof String name) {
                    return name;
                }
            }
            return null;
        }

        List<Problem> place(List<Finding> findings) {
            Map<String, Problem> unique = new LinkedHashMap<>();
            for (Finding f : findings) {
                Problem p = place(f, 0);
                unique.putIfAbsent(p.file() + ":" + p.line() + ":" + p.column() + ":" + p.field() + ":" + p.message(), p);
            }
            List<Problem> problems = new ArrayList<>(unique.values());
            problems.sort((a, b) -> !a.file().equals(b.file()) ? a.file().compareTo(b.file())
                    : a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return problems;
        }

        private Problem place(Finding f, int hops) {
            ClassNode c = classes.get(f.className());
            String message = "compiled rule code " + f.message();
            if (c != null && isModelClass(c) && places.functions().containsKey(f.method())) {
                return at(places.functions().get(f.method()), "function \"" + f.method() + "\"", message, f.needles());
            }
            String rule = null;
            if (c != null && isRuleMethodsClass(c)) {
                rule = ruleOfMethod.get(c.name + "#" + f.method());
            } else if (rulesOfClass.containsKey(f.className())) {
                rule = rulesOfClass.get(f.className()).get(0);
            }
            if (rule != null && places.rules().containsKey(rule)) {
                return at(places.rules().get(rule), "rule \"" + rule + "\"", message, f.needles());
            }
            Problem byReferrer = c == null || hops > 2 ? null : placeByReferrer(c.name, f, hops);
            if (byReferrer != null) {
                return byReferrer;
            }
            String where = c == null ? f.className() : dotted(c.name) + "." + f.method();
            return Problem.error(origin, 0, 0, "", message + " (in the generated " + where + ")");
        }

        /**
         * A class no rule names directly (an anonymous class a function creates): placed where the function or rule
         * that uses it is written.
         */
        private Problem placeByReferrer(String className, Finding f, int hops) {
            for (ClassNode referrer : classes.values()) {
                if (referrer.name.equals(className)) {
                    continue;
                }
                for (MethodNode m : referrer.methods) {
                    boolean refers = false;
                    for (AbstractInsnNode insn : m.instructions) {
                        refers |= insn instanceof TypeInsnNode t && t.desc.equals(className)
                                || insn instanceof MethodInsnNode call && call.owner.equals(className);
                    }
                    if (!refers) {
                        continue;
                    }
                    Finding moved = new Finding(referrer.name, m.name, m.desc, f.message(), f.needles());
                    Problem placed = place(moved, hops + 1);
                    if (placed.line() > 0) {
                        return placed;
                    }
                }
            }
            return null;
        }

        private Problem at(RuleLanguage.Place place, String field, String message, List<String> needles) {
            SourceFile file = filesByName.get(place.file());
            List<String> lines = file == null ? List.of() : file.content().lines().toList();
            // Search the code only: a member named in a string or a comment is not where the code uses it.
            List<String> code = file == null ? List.of() : RuleTextScanner.codeOnly(file.content()).lines().toList();
            int end = place.endLine() > 0 ? place.endLine() : lines.size();
            for (String needle : needles) {
                if (needle.isEmpty()) {
                    continue;
                }
                Pattern word = Pattern.compile((Character.isJavaIdentifierStart(needle.charAt(0)) ? "(?<![\\w$])" : "")
                        + Pattern.quote(needle) + (Character.isJavaIdentifierPart(needle.charAt(needle.length() - 1))
                        ? "(?![\\w$])" : ""));
                // The header names a function; look for a use of it after the header first.
                for (int i = Math.max(place.line(), 1); i <= Math.min(end, code.size()); i++) {
                    String line = code.get(i - 1);
                    Matcher m = word.matcher(line);
                    boolean header = i == place.line() && (line.strip().startsWith("function")
                            || line.strip().startsWith("rule"));
                    if (!header && m.find()) {
                        return Problem.error(place.file(), i, m.start() + 1, field, message);
                    }
                }
            }
            int column = place.line() > 0 && place.line() <= lines.size()
                    ? lines.get(place.line() - 1).length() - lines.get(place.line() - 1).stripLeading().length() + 1 : 0;
            return Problem.error(place.file(), place.line(), column, field, message);
        }
    }
}
