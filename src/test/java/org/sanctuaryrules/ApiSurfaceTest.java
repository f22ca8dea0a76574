package org.sanctuaryrules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.sanctuaryrules.engine.SanctuaryEngine;

/**
 * The library's API is what docs/api.md says it is, and nothing more: a public type added outside the internal
 * packages, or one gone from the API, fails here until the list below and the page agree with it.
 */
class ApiSurfaceTest {
    private static final List<String> API_PACKAGES = List.of("org.sanctuaryrules.engine", "org.sanctuaryrules.model",
            "org.sanctuaryrules.reasoning", "org.sanctuaryrules.scenario", "org.sanctuaryrules.settle");

    /** Every public top-level type of the API packages. */
    private static final Set<String> API = Set.of(
            "org.sanctuaryrules.engine.ActAssessment", "org.sanctuaryrules.engine.ActExplanation",
            "org.sanctuaryrules.engine.Assessment", "org.sanctuaryrules.engine.Binding",
            "org.sanctuaryrules.engine.Effect", "org.sanctuaryrules.engine.Explanation",
            "org.sanctuaryrules.engine.FelonyList", "org.sanctuaryrules.engine.Finding",
            "org.sanctuaryrules.engine.Firing", "org.sanctuaryrules.engine.JudgingLimits",
            "org.sanctuaryrules.engine.LookBack", "org.sanctuaryrules.engine.OrderScope",
            "org.sanctuaryrules.engine.PolicyOutcome", "org.sanctuaryrules.engine.Problem",
            "org.sanctuaryrules.engine.Provision", "org.sanctuaryrules.engine.ProvisionRegister",
            "org.sanctuaryrules.engine.ReloadableEngine", "org.sanctuaryrules.engine.RuleFileException",
            "org.sanctuaryrules.engine.RuleInfo", "org.sanctuaryrules.engine.RuleLimitException",
            "org.sanctuaryrules.engine.RuleLoopException", "org.sanctuaryrules.engine.RuleOverlay",
            "org.sanctuaryrules.engine.RuleSet", "org.sanctuaryrules.engine.RuleSetException",
            "org.sanctuaryrules.engine.RuleSetOptions", "org.sanctuaryrules.engine.RuleSources",
            "org.sanctuaryrules.engine.SanctuaryEngine", "org.sanctuaryrules.engine.SourceFile",
            "org.sanctuaryrules.engine.Verdict",
            "org.sanctuaryrules.model.Act", "org.sanctuaryrules.model.ActKind", "org.sanctuaryrules.model.Agency",
            "org.sanctuaryrules.model.Case", "org.sanctuaryrules.model.Conviction",
            "org.sanctuaryrules.model.Information", "org.sanctuaryrules.model.Instrument",
            "org.sanctuaryrules.model.Jurisdiction", "org.sanctuaryrules.model.LawSource",
            "org.sanctuaryrules.model.OffenseLevel", "org.sanctuaryrules.model.Person",
            "org.sanctuaryrules.model.PersonRole", "org.sanctuaryrules.model.Place", "org.sanctuaryrules.model.Purpose",
            "org.sanctuaryrules.model.Request", "org.sanctuaryrules.model.Requester",
            "org.sanctuaryrules.reasoning.Conclude", "org.sanctuaryrules.reasoning.Conclusion",
            "org.sanctuaryrules.reasoning.Established", "org.sanctuaryrules.reasoning.Lifted",
            "org.sanctuaryrules.reasoning.Note", "org.sanctuaryrules.reasoning.Permitted",
            "org.sanctuaryrules.reasoning.Phrases", "org.sanctuaryrules.reasoning.PossibleViolentOrSeriousConviction",
            "org.sanctuaryrules.reasoning.Prohibition", "org.sanctuaryrules.reasoning.Term",
            "org.sanctuaryrules.reasoning.Undetermined", "org.sanctuaryrules.reasoning.Unknown",
            "org.sanctuaryrules.reasoning.ViolentOrSeriousConviction",
            "org.sanctuaryrules.scenario.Expectation", "org.sanctuaryrules.scenario.FieldPath",
            "org.sanctuaryrules.scenario.LoadResult", "org.sanctuaryrules.scenario.RunReport",
            "org.sanctuaryrules.scenario.RunSummary", "org.sanctuaryrules.scenario.Scenario",
            "org.sanctuaryrules.scenario.ScenarioFiles", "org.sanctuaryrules.scenario.ScenarioIds",
            "org.sanctuaryrules.scenario.ScenarioLoader", "org.sanctuaryrules.scenario.ScenarioResult",
            "org.sanctuaryrules.scenario.ScenarioRunner", "org.sanctuaryrules.scenario.ScenarioEdits",
            "org.sanctuaryrules.scenario.CanonicalInput",
            "org.sanctuaryrules.settle.ActSettlement", "org.sanctuaryrules.settle.Change",
            "org.sanctuaryrules.settle.CompliancePath", "org.sanctuaryrules.settle.Condition",
            "org.sanctuaryrules.settle.Interview", "org.sanctuaryrules.settle.SettleLimits",
            "org.sanctuaryrules.settle.SettleLine", "org.sanctuaryrules.settle.Settlement",
            "org.sanctuaryrules.settle.Settler");

    /** Public in an API package but not API: the classes generated from rule files call it, from another package. */
    private static final Set<String> PUBLIC_NOT_API = Set.of("org.sanctuaryrules.engine.RuleGuard");

    /** Where public types that are not API may live. */
    private static final List<String> NOT_API_PREFIXES = List.of("org.sanctuaryrules.internal.", "org.sanctuaryrules.cli.",
            "org.sanctuaryrules.service.");    // the command line and the decision service: the shaded jar only

    private static List<ClassNode> classes;

    @BeforeAll
    static void readClasses() throws Exception {
        Path anchor = Path.of(SanctuaryEngine.class.getResource("SanctuaryEngine.class").toURI());
        Path root = anchor.getParent().getParent();    // org/sanctuaryrules
        classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
                    classes.add(node);
                }
            }
        }
    }

    private static String dotted(ClassNode c) {
        return c.name.replace('/', '.');
    }

    private static String packageOf(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }

    private static boolean isPublic(int access) {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    private static List<ClassNode> publicTopLevel() {
        return classes.stream()
                .filter(c -> !c.name.contains("$") && !c.name.endsWith("/package-info") && isPublic(c.access))
                .toList();
    }

    @Test
    void everyPublicTypeIsApiOrInAnInternalPackage() {
        Set<String> stray = new TreeSet<>();
        for (ClassNode c : publicTopLevel()) {
            String name = dotted(c);
            boolean api = API_PACKAGES.contains(packageOf(name)) && (API.contains(name) || PUBLIC_NOT_API.contains(name));
            boolean internal = NOT_API_PREFIXES.stream().anyMatch(name::startsWith);
            if (!api && !internal) {
                stray.add(name);
            }
        }
        assertEquals(Set.of(), stray, "public types neither in docs/api.md's list (and ApiSurfaceTest.API) nor in an"
                + " internal package: make them package-private, move them under org.sanctuaryrules.internal, or"
                + " make them API on purpose");
    }

    @Test
    void everyApiTypeExistsAndIsPublic() {
        Set<String> present = new TreeSet<>();
        publicTopLevel().forEach(c -> present.add(dotted(c)));
        Set<String> gone = new TreeSet<>(API);
        gone.addAll(PUBLIC_NOT_API);
        gone.removeAll(present);
        assertEquals(Set.of(), gone, "listed as API but not a public type (a break: say so in docs/api.md's Changes)");
    }

    @Test
    void docsApiNamesEveryApiType() throws IOException {
        String page = Files.readString(Path.of("docs/api.md"), StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        Matcher code = Pattern.compile("`([A-Z][A-Za-z]*)`").matcher(page);
        while (code.find()) {
            named.add(code.group(1));
        }
        Set<String> unnamed = new TreeSet<>();
        for (String type : API) {
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (!named.contains(simple)) {
                unnamed.add(type);
            }
        }
        assertEquals(Set.of(), unnamed, "API types docs/api.md does not name");
    }

    /** An API method that takes or returns an internal type would make the internal type API in all but name. */
    @Test
    void theApiShowsNoInternalType() {
        List<String> leaks = new ArrayList<>();
        Set<String> apiOwners = new TreeSet<>(API);
        for (ClassNode c : classes) {
            String owner = dotted(c).split("\\$")[0];
            if (!apiOwners.contains(owner) || !isPublic(c.access)) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            shown.add(c.superName);
            shown.addAll(c.interfaces);
            if (c.signature != null) {
                shown.add(c.signature);
            }
            for (MethodNode m : c.methods) {
                if ((m.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0 && (m.access & Opcodes.ACC_SYNTHETIC) == 0) {
                    shown.add(m.desc);
                    if (m.signature != null) {
                        shown.add(m.signature);
                    }
                    if (m.exceptions != null) {
                        shown.addAll(m.exceptions);
                    }
                }
            }
            for (FieldNode f : c.fields) {
                if ((f.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0) {
                    shown.add(f.desc);
                }
            }
            if (c.recordComponents != null) {
                for (RecordComponentNode r : c.recordComponents) {
                    shown.add(r.descriptor);
                }
            }
            for (String text : shown) {
                if (text != null && (text.contains("org/sanctuaryrules/internal/") || text.contains("org/sanctuaryrules/cli/"))) {
                    leaks.add(c.name + ": " + text);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
