package org.sanctuaryrules.internal.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuaryrules.engine.RuleOverlay;

/**
 * Every variant under rules-variants/ is an overlay on rules/ that only adds files, and its README lists each file
 * it holds. An added file cannot go stale when an analyst edits rules/; a replaced one could, so none is allowed
 * (a variant that must replace a shipped file should say so here, and be checked by hand on every rules/ change).
 */
class VariantsStayOverlaysTest {
    private static final Path VARIANTS = Path.of("rules-variants");
    private static final Path RULES = Path.of("rules");

    static Stream<Path> variants() throws IOException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(VARIANTS)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(dirs.isEmpty());
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void isAnOverlayOnTheWorkingRules(Path variant) throws IOException {
        assertTrue(RuleOverlay.isOverlay(variant), variant + " has no " + RuleOverlay.MANIFEST);
        assertEquals(RULES.toAbsolutePath().normalize(), RuleOverlay.base(variant).toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void replacesNoRuleFileOfRulesButMayAppendProvisions(Path variant) throws IOException {
        for (Path file : topLevelFiles(variant)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".drl") || name.endsWith(".csv")) {
                assertFalse(Files.exists(RULES.resolve(name)), variant + "/" + name + " would replace rules/" + name
                        + ", a copy that goes stale when rules/ changes");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void readmeListsEveryFileOfTheVariant(Path variant) throws IOException {
        String readme = Files.readString(variant.resolve("README.md"));
        for (Path file : topLevelFiles(variant)) {
            String name = file.getFileName().toString();
            if (!name.equals("README.md")) {
                assertTrue(readme.contains("`" + name + "`"), variant + "/README.md does not list " + name);
            }
        }
    }

    private static List<Path> topLevelFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
