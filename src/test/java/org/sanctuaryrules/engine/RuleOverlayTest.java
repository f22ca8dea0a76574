package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an overlay's files combine with its base's; no rules are compiled here. */
class RuleOverlayTest {
    @TempDir
    Path dir;

    @Test
    void addsAndReplacesRuleFilesAndAppendsProvisions() {
        List<SourceFile> combined = RuleOverlay.combine(
                List.of(new SourceFile("base/a.drl", "A"), new SourceFile("base/b.drl", "B"),
                        new SourceFile("base/provisions.yaml", "- id: P-1\n"),
                        new SourceFile("base/violent-or-serious-felonies.csv", "old")),
                List.of(new SourceFile("over/b.drl", "B2"), new SourceFile("over/c.drl", "C"),
                        new SourceFile("over/provisions.yaml", "- id: P-2\n"),
                        new SourceFile("over/violent-or-serious-felonies.csv", "new")));

        assertEquals(List.of("base/a.drl", "over/b.drl", "over/provisions.yaml",
                "over/violent-or-serious-felonies.csv", "over/c.drl"), combined.stream().map(SourceFile::name).toList());
        assertEquals("B2", combined.get(1).content());
        String register = combined.get(2).content();
        assertTrue(register.startsWith("- id: P-1\n"), register);
        assertTrue(register.endsWith("# --- appended from over/provisions.yaml\n- id: P-2\n"), register);
        assertEquals("new", combined.get(3).content());
    }

    @Test
    void theManifestNamesTheBase() throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("variants/v"));
        Files.writeString(overlay.resolve("overlay.yaml"), "base: ../../rules\n");
        assertTrue(RuleOverlay.isOverlay(overlay));
        assertEquals(dir.resolve("rules"), RuleOverlay.base(overlay));

        Files.writeString(overlay.resolve("overlay.yaml"), "base: shipped\n");
        assertNull(RuleOverlay.base(overlay), "null stands for the shipped rules");
    }

    @Test
    void aManifestWithoutBaseOrOnAnOverlayIsRefused() throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("v"));
        Files.writeString(overlay.resolve("overlay.yaml"), "name: x\n");
        IOException noBase = assertThrows(IOException.class, () -> RuleOverlay.base(overlay));
        assertTrue(noBase.getMessage().contains("needs 'base: shipped'"), noBase.getMessage());

        Path other = Files.createDirectories(dir.resolve("w"));
        Files.writeString(other.resolve("overlay.yaml"), "base: shipped\n");
        Files.writeString(overlay.resolve("overlay.yaml"), "base: ../w\n");
        IOException stacked = assertThrows(IOException.class, () -> RuleOverlay.base(overlay));
        assertTrue(stacked.getMessage().contains("overlays do not stack"), stacked.getMessage());
    }

    @Test
    void aDirectoryWithoutManifestIsAPlainRuleDirectory() throws IOException {
        Files.writeString(dir.resolve("x.drl"), "X");
        Files.writeString(dir.resolve("README.md"), "ignored");
        assertEquals(List.of("x.drl"), RuleSources.fromDirectory(dir).stream().map(SourceFile::simpleName).toList());
    }
}
