package org.sanctuaryrules.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A rule directory that holds only what it changes, laid over a base rule set. Variants are overlays rather than
 * copies so that an edit to the base rules reaches every variant at once and no copy can go stale.
 *
 * <p>A directory is an overlay when it has an {@value #MANIFEST} naming its base: {@code base: shipped} or a path
 * relative to the overlay directory (such as {@code ../../rules}). Its files combine with the base's thus:
 * <ul>
 *   <li>a {@code *.drl} is added, or replaces the base file of the same name;</li>
 *   <li>{@code provisions.yaml} is appended to the base register: an overlay adds provisions and may not redefine
 *       one (the register reports an id listed twice);</li>
 *   <li>{@code violent-or-serious-felonies.csv} replaces the base list.</li>
 * </ul>
 */
public final class RuleOverlay {
    public static final String MANIFEST = "overlay.yaml";
    static final String SHIPPED_BASE = "shipped";

    private RuleOverlay() {
    }

    public static boolean isOverlay(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** The base directory named by the manifest, or {@code null} for the shipped rules. */
    public static Path base(Path overlayDir) throws IOException {
        JsonNode manifest = new YAMLMapper().readTree(Files.readString(overlayDir.resolve(MANIFEST), StandardCharsets.UTF_8));
        JsonNode base = manifest == null ? null : manifest.get("base");
        if (base == null || !base.isTextual() || base.asText().isBlank()) {
            throw new IOException(overlayDir.resolve(MANIFEST) + ": needs 'base: shipped' or 'base: <rule directory>'");
        }
        if (base.asText().strip().equals(SHIPPED_BASE)) {
            return null;
        }
        Path dir = overlayDir.resolve(base.asText().strip()).normalize();
        if (isOverlay(dir)) {
            throw new IOException(overlayDir.resolve(MANIFEST) + ": base " + dir + " is itself an overlay; "
                    + "overlays do not stack");
        }
        return dir;
    }

    /** The files of the combined rule set. */
    public static List<SourceFile> sources(Path overlayDir) throws IOException {
        Path baseDir = base(overlayDir);
        List<SourceFile> base = baseDir == null ? RuleSources.shipped() : RuleSources.plainDirectory(baseDir);
        return combine(base, RuleSources.plainDirectory(overlayDir));
    }

    /** The overlay's files laid over the base's, by the rules in the class comment. */
    static List<SourceFile> combine(List<SourceFile> base, List<SourceFile> overlay) {
        Map<String, SourceFile> bySimpleName = new LinkedHashMap<>();
        base.forEach(f -> bySimpleName.put(f.simpleName(), f));
        for (SourceFile f : overlay) {
            SourceFile under = bySimpleName.get(f.simpleName());
            if (f.simpleName().equals(ProvisionRegister.FILE_NAME) && under != null) {
                // Named after the overlay's file; its lines follow the base register's.
                bySimpleName.put(f.simpleName(), new SourceFile(f.name(), under.content().stripTrailing()
                        + "\n\n# --- appended from " + f.name() + "\n" + f.content()));
            } else {
                bySimpleName.put(f.simpleName(), f);
            }
        }
        return new ArrayList<>(bySimpleName.values());
    }
}
