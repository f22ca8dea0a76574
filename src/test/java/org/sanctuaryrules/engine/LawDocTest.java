package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/law.md is the project's own account of the law, and findings link to it by provision id
 * ({@code docs/law.md#ac-14-154-b1}). These checks keep it from drifting away from rules/provisions.yaml.
 */
class LawDocTest {
    private static final Path LAW_DOC = Path.of("docs", "law.md");
    private static final Pattern ANCHOR = Pattern.compile("<a\\s+id=\"([^\"]+)\"\\s*>\\s*</a>");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** The anchor a finding uses for a provision: the id in lower case. */
    static String anchorOf(String provisionId) {
        return provisionId.toLowerCase(Locale.ROOT);
    }

    static List<String> anchorsIn(String markdown) {
        List<String> anchors = new ArrayList<>();
        Matcher m = ANCHOR.matcher(markdown);
        while (m.find()) {
            anchors.add(m.group(1));
        }
        return anchors;
    }

    /** Provision ids with no anchor of their own in the document. */
    static List<String> missingAnchors(List<String> provisionIds, String markdown) {
        Set<String> anchors = Set.copyOf(anchorsIn(markdown));
        return provisionIds.stream().filter(id -> !anchors.contains(anchorOf(id))).toList();
    }

    private static List<String> shippedProvisionIds() throws IOException {
        List<Problem> problems = new ArrayList<>();
        ProvisionRegister register = ProvisionRegister.parse("rules/" + ProvisionRegister.FILE_NAME,
                Files.readString(Path.of("rules", ProvisionRegister.FILE_NAME)), problems);
        assertEquals(List.of(), problems, "the shipped register must parse cleanly for this check to mean anything");
        List<String> ids = register.all().stream().map(Provision::id).toList();
        assertFalse(ids.isEmpty(), "the shipped register is empty");
        return ids;
    }

    @Test
    void everyProvisionInTheRegisterHasItsAnchorInTheLawDoc() throws IOException {
        List<String> missing = missingAnchors(shippedProvisionIds(), Files.readString(LAW_DOC));
        assertEquals(List.of(), missing,
                "give each of these provisions a section in docs/law.md with <a id=\"<id in lower case>\"></a>");
    }

    @Test
    void theAnchorCheckNoticesAMissingAnchor() {
        String doc = "### <a id=\"ac-14-154-b1\"></a>NYPD\n<a id=\"eo-41\"></a>\n";
        assertEquals(List.of(), missingAnchors(List.of("AC-14-154-b1", "EO-41"), doc));
        assertEquals(List.of("AC-9-131-b1"), missingAnchors(List.of("AC-14-154-b1", "AC-9-131-b1"), doc));
        // Only an explicit anchor counts: a heading or a mention of the id is not a link target.
        assertEquals(List.of("CPL-160-50"), missingAnchors(List.of("CPL-160-50"), "## CPL-160-50\ncpl-160-50\n"));
    }

    @Test
    void anchorsInTheLawDocAreUnique() throws IOException {
        TreeMap<String, Integer> counts = new TreeMap<>();
        anchorsIn(Files.readString(LAW_DOC)).forEach(a -> counts.merge(a, 1, Integer::sum));
        counts.values().removeIf(n -> n == 1);
        assertEquals(new TreeMap<String, Integer>(), counts, "anchors listed more than once");
    }

    @Test
    void linksInTheDocsReachAFileAndAnAnchorThatExist() throws IOException {
        Set<String> lawAnchors = Set.copyOf(anchorsIn(Files.readString(LAW_DOC)));
        List<String> broken = new ArrayList<>();
        for (Path doc : projectDocs()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: — not checked offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no such file)");
                } else if (fragment != null && resolved.equals(LAW_DOC) && !lawAnchors.contains(fragment)) {
                    broken.add(doc + ": " + target + " (no such anchor in docs/law.md)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noDocPointsOutsideTheRepositoryForTheLaw() throws IOException {
        // A clone has no ../shared: the law the rules encode is docs/law.md.
        List<String> offenders = new ArrayList<>();
        for (Path doc : projectDocs()) {
            if (Files.readString(doc).contains("../shared/")) {
                offenders.add(doc.toString());
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static Set<Path> projectDocs() throws IOException {
        Set<Path> docs = new LinkedHashSet<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        assertTrue(docs.contains(LAW_DOC), "docs/law.md is missing");
        return docs;
    }
}
