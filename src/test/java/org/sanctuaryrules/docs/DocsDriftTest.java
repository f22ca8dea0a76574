package org.sanctuaryrules.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and docs/ say what the repository holds: the counts they state are today's counts, and the files they
 * name in backticks exist. (Markdown links and anchors are checked by {@code LawDocTest}.)
 */
class DocsDriftTest {
    /**
     * A count the docs state: "182 rules", "206 scenario files", not a number inside a path or a date, nor one said
     * to be rough or of the past ("from about 100 rules").
     */
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\w./:-])(?<!about )(\\d[\\d,]*) (rule files|rules|scenario files|scenarios|provisions)\\b(?![/.\\w-])");
    /** A path of the repository named in backticks, up to a line number, an anchor or the closing backtick. */
    private static final Pattern PATH = Pattern.compile(
            "`((?:rules|rules-variants|scenarios|docs|src|\\.ci)/[^`\\s:#*<>{}…]*)[^`]*`");
    /** Counts below this are about examples (a run of 3 scenarios), not about what the repository holds. */
    private static final int SMALLEST_TOTAL = 20;

    @Test
    void theReadmesFirstRunLineCountsTheShippedScenarios() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("`(\\d+) passed, 0 failed").matcher(readme);
        assertTrue(m.find(), "README states the line the shipped scenarios end with");
        assertEquals(scenarioFiles(), Integer.parseInt(m.group(1)));
    }

    @Test
    void everyCountInTheDocsIsTodays() throws IOException {
        Map<String, Integer> actual = Map.of("rules", rules(), "rule files", ruleFiles(), "scenarios", scenarioFiles(),
                "scenario files", scenarioFiles(), "provisions", provisions());
        List<String> stale = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = COUNT.matcher(lines.get(i));
                while (m.find()) {
                    int stated = Integer.parseInt(m.group(1).replace(",", ""));
                    int today = actual.get(m.group(2));
                    if (stated >= SMALLEST_TOTAL && stated != today) {
                        stale.add(doc + ":" + (i + 1) + ": says " + m.group() + ", the repository has " + today);
                    }
                }
            }
        }
        assertEquals(List.of(), stale);
    }

    @Test
    void everyRepositoryPathTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PATH.matcher(lines.get(i));
                while (m.find()) {
                    String path = m.group(1);
                    boolean placeholder = path.matches("(?:.*/)?[A-Z][A-Z_]*(?:\\.\\w+)?(?:/.*)?"); // rules-variants/NAME
                    if (!path.isEmpty() && !placeholder && !Files.exists(Path.of(path))) {
                        missing.add(doc + ":" + (i + 1) + ": " + path);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theCountPatternFindsCountsAndSkipsPaths() {
        assertTrue(COUNT.matcher("the 170 rules of nine families").find());
        assertTrue(COUNT.matcher("checked 8 rule files (147 rules)").find());
        assertTrue(!COUNT.matcher("compare --rules rules-variants/int-395-2024 scenarios/").find());
        assertTrue(!COUNT.matcher("run --as-of 2013-02-30 scenarios/").find());
    }

    private static Set<Path> docs() throws IOException {
        Set<Path> docs = new LinkedHashSet<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static int scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            return (int) files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).count();
        }
    }

    private static List<Path> drlFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            return files.filter(p -> p.toString().endsWith(".drl")).toList();
        }
    }

    private static int ruleFiles() throws IOException {
        return drlFiles().size();
    }

    private static int rules() throws IOException {
        int rules = 0;
        for (Path drl : drlFiles()) {
            rules += (int) Files.readAllLines(drl).stream().filter(l -> l.startsWith("rule \"")).count();
        }
        return rules;
    }

    private static int provisions() throws IOException {
        return (int) Files.readAllLines(Path.of("rules", "provisions.yaml")).stream()
                .filter(l -> l.startsWith("- id:")).count();
    }
}
