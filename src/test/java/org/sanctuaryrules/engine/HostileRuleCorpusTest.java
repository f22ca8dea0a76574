package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.model.Act;
import org.sanctuaryrules.model.ActKind;
import org.sanctuaryrules.model.Agency;
import org.sanctuaryrules.model.Case;
import org.sanctuaryrules.model.Information;
import org.sanctuaryrules.model.Instrument;
import org.sanctuaryrules.model.Person;
import org.sanctuaryrules.model.PersonRole;
import org.sanctuaryrules.model.Purpose;
import org.sanctuaryrules.model.Requester;
import org.sanctuaryrules.internal.report.CoverageReport;
import org.sanctuaryrules.internal.report.ExplainReport;
import org.sanctuaryrules.internal.report.HtmlReport;
import org.sanctuaryrules.internal.report.JsonReport;
import org.sanctuaryrules.internal.report.JunitReport;
import org.sanctuaryrules.internal.report.TextReport;
import org.sanctuaryrules.internal.text.PrintableText;
import org.sanctuaryrules.scenario.RunReport;
import org.sanctuaryrules.scenario.ScenarioLoader;
import org.sanctuaryrules.scenario.ScenarioResult;
import org.sanctuaryrules.scenario.ScenarioRunner;
import org.sanctuaryrules.internal.workbench.CoverageRunner;
import org.sanctuaryrules.internal.workbench.ExplainBuilder;

/**
 * The hostile rule corpus (src/test/resources/hostile-corpus, README there): each file is one attack, appended to a
 * copy of the shipped rules/definitions.drl, with a payload that would leave a file behind. Every attack must be
 * refused when the rules load, with the file and a line inside the attack, or contained when they run, as an error
 * on the one case it targets while the other cases are judged exactly as before; none may leave its file, hang or
 * crash the run. A second test compiles every attack that is plain Java together, with the text lint left out, to
 * show that the check of the compiled classes refuses each of them on its own.
 *
 * <p>The rule sets are built once, two at a time, before the checks run. Most attacks are refused before anything is
 * compiled; the plain-Java attacks that pass the rule language are compiled once, together (the verifier places
 * each finding in the attack it comes from, so each is as if compiled alone); only the attacks that must run are
 * compiled one by one.
 */
class HostileRuleCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/hostile-corpus");
    private static final Path RULES = Path.of("rules");
    private static final JudgingLimits LIMITS = new JudgingLimits(Duration.ofSeconds(2), 500);
    private static final Pattern HEADER = Pattern.compile("(?m)^// (attack|expect|compiled|message|provision): ?(.*)$");
    private static final Pattern NAMED = Pattern.compile("(?m)^(?:rule \"([^\"]+)\"|function \\S+ (\\w+)\\()");

    /** One attack of the corpus, as its header describes it. */
    record Attack(String file, String attack, String expect, boolean compiled, List<String> messages,
                  List<String> provisions, String body) {
        boolean refused() {
            return expect.equals("refused");
        }

        boolean contained() {
            return expect.startsWith("contained");
        }

        RuleLimitException.Limit limit() {
            String[] words = expect.split(" ");
            return words.length > 1 ? RuleLimitException.Limit.valueOf(words[1]) : null;
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            Matcher m = NAMED.matcher(body);
            while (m.find()) {
                names.add(m.group(1) != null ? "rule \"" + m.group(1) + "\"" : "function \"" + m.group(2) + "\"");
            }
            return names;
        }
    }

    /** What happened to one attack. */
    record Outcome(Path sentinel, int firstLine, String drlName, RuleSetException refused, Map<String, Object> judged,
                   Throwable failure, Map<String, String> reports) {
    }

    @TempDir
    static Path temp;

    private static List<Attack> corpus;
    private static Combined combined;
    private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();

    /**
     * The attacks marked "compiled" appended together to one copy of definitions.drl and compiled once: the check of
     * the compiled classes places each finding in the attack it comes from.
     */
    record Combined(Path sentinel, SourceFile drl, Map<Attack, int[]> lines, RuleLanguage.Parsed parsed,
                    ModelCompiler.Output compiled, List<Problem> found) {
        /** The findings inside one attack (its first and last line in the combined file). */
        List<Problem> in(Attack a) {
            int[] range = lines.get(a);
            return found.stream().filter(p -> p.line() >= range[0] && p.line() <= range[1]).toList();
        }
    }

    @BeforeAll
    static void buildEveryRuleSet() throws IOException {
        corpus = read();
        combined = combinedBuild();
        corpus.parallelStream().forEach(a -> OUTCOMES.put(a.file(), run(a)));
    }

    static List<Attack> read() throws IOException {
        List<Attack> attacks = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String attack = null;
                String expect = null;
                boolean compiled = false;
                List<String> messages = new ArrayList<>();
                List<String> provisions = new ArrayList<>();
                Matcher m = HEADER.matcher(text);
                while (m.find()) {
                    switch (m.group(1)) {
                        case "attack" -> attack = m.group(2);
                        case "expect" -> expect = m.group(2).strip();
                        case "compiled" -> compiled = true;
                        case "message" -> messages.add(m.group(2).strip());
                        default -> provisions.add(m.group(2));
                    }
                }
                assertNotNull(attack, file + ": no '// attack:' line");
                assertNotNull(expect, file + ": no '// expect:' line");
                attacks.add(new Attack(file.getFileName().toString(), attack, expect, compiled, messages, provisions,
                        text));
            }
        }
        return attacks;
    }

    /** Writes the rule set of one attack, loads it, and judges the cases if it loads. Never throws. */
    private static Outcome run(Attack a) {
        Path dir = temp.resolve(a.file().replace(".drl", ""));
        Path sentinel = dir.resolve("payload-ran");
        try {
            Files.createDirectories(dir);
            String base = Files.readString(RULES.resolve("definitions.drl"), StandardCharsets.UTF_8);
            String drl = base.stripTrailing() + "\n\n" + a.body().replace("@SENTINEL@", sentinel.toString());
            Path drlFile = dir.resolve("definitions.drl");
            Files.writeString(drlFile, drl, StandardCharsets.UTF_8);
            String register = Files.readString(RULES.resolve("provisions.yaml"), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("provisions.yaml"), register.stripTrailing() + "\n\n"
                    + String.join("\n", a.provisions()) + "\n", StandardCharsets.UTF_8);
            Files.copy(RULES.resolve(FelonyList.FILE_NAME), dir.resolve(FelonyList.FILE_NAME));
            int firstLine = (int) (base.stripTrailing() + "\n\n").lines().count() + 1;
            List<SourceFile> drls = List.of(new SourceFile(drlFile.toString(), drl));
            boolean refusedBeforeCompiling = !RuleLanguage.check(drls).ok() || !UnsafeRuleCheck.check(drls).isEmpty();
            if (a.compiled() && !refusedBeforeCompiling) {
                // Compiled once with the others (combinedBuild); its findings, moved to this file's lines.
                int shift = firstLine - combined.lines().get(a)[0];
                List<Problem> moved = combined.in(a).stream().map(p -> new Problem(p.severity(), drlFile.toString(),
                        p.line() + shift, p.column(), p.field(), p.message())).toList();
                return new Outcome(sentinel, firstLine, drlFile.toString(), new RuleSetException(moved), null, null,
                        Map.of());
            }
            RuleSet rules;
            try {
                rules = RuleSet.fromDirectory(dir, RuleSetOptions.SAFE.withCache(null));
            } catch (RuleSetException e) {
                return new Outcome(sentinel, firstLine, drlFile.toString(), e, null, null, Map.of());
            }
            SanctuaryEngine engine = SanctuaryEngine.of(rules, LIMITS);
            Map<String, Object> judged = new java.util.LinkedHashMap<>();
            judged.put("others before", engine.assess(others()));
            try {
                judged.put("probe", engine.assess(probe()));
            } catch (RuntimeException e) {
                judged.put("probe", e);
            }
            judged.put("others after", engine.assess(others()));
            Map<String, String> reports = a.expect().equals("escaped") ? reports(engine, dir) : Map.of();
            return new Outcome(sentinel, firstLine, drlFile.toString(), null, judged, null, reports);
        } catch (Throwable t) {
            return new Outcome(sentinel, 0, "", null, null, t, Map.of());
        }
    }

    /** The case an attack targets: its rules match the act with id "probe". */
    static Case probe() {
        Person person = new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of(), false, null, null, null);
        Act probe = Act.builder("probe", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1))
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT, Instrument.DETAINER)
                .information(Information.values())
                .description("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")
                .build();
        return new Case("probe", LocalDate.of(2024, 2, 1), person, List.of(probe));
    }

    /** Cases no attack targets: they must be judged alike before and after the probe. */
    static Case others() {
        Person person = new Person(Set.of(PersonRole.ARRESTEE), List.of(), List.of(), null, null, null, null);
        Act hold = Act.builder("hold", Agency.NYPD, ActKind.HOLD_PAST_RELEASE, LocalDate.of(2024, 2, 1))
                .request(Requester.ICE_ERO, Purpose.CIVIL_IMMIGRATION_ENFORCEMENT, Instrument.DETAINER,
                        Instrument.JUDICIAL_WARRANT)
                .build();
        Act tell = Act.builder("tell", Agency.DOC, ActKind.NOTIFY_RELEASE, LocalDate.of(2024, 2, 1))
                .request(Requester.CBP, Purpose.UNKNOWN, Instrument.DETAINER)
                .build();
        return new Case("others", LocalDate.of(2024, 2, 1), person, List.of(hold, tell));
    }

    /** The probe run as a scenario, in every report format. */
    private static Map<String, String> reports(SanctuaryEngine engine, Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("probe.yaml"), """
                id: probe
                title: the case the attack targets
                source: test
                date: 2024-02-01
                person: {roles: [arrestee], convictions: [], terrorist_screening_match: false}
                request: {from: ice_ero, instruments: [detainer]}
                acts:
                  - {id: probe, agency: nypd, kind: hold_past_release}
                expect: {verdict: compliant}
                """);
        RunReport run = new ScenarioRunner(engine).runAll(List.of(scenarios));
        var scenario = new ScenarioLoader().load(scenarios.resolve("probe.yaml")).scenario();
        var explained = new ExplainBuilder(engine.ruleSet()).build(scenario, engine.explain(scenario.aCase()), null);
        return Map.of("text", new TextReport(engine.ruleSet().rules(), true).render(run),
                "json", new JsonReport().render(run),
                "junit", new JunitReport().render(run),
                "html", new HtmlReport().render(run),
                "explain", new ExplainReport().text(explained),
                "coverage", new CoverageReport().text(new CoverageRunner(engine).run(List.of(scenarios))));
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void theCorpusHasEveryKindOfAttack() {
        assertTrue(corpus.size() >= 60, "only " + corpus.size() + " attacks");
        assertTrue(corpus.stream().filter(Attack::refused).count() >= 40);
        assertTrue(corpus.stream().filter(Attack::compiled).count() >= 30);
        Set<RuleLimitException.Limit> limits = EnumSet.noneOf(RuleLimitException.Limit.class);
        corpus.stream().filter(Attack::contained).map(Attack::limit).filter(l -> l != null).forEach(limits::add);
        assertEquals(EnumSet.of(RuleLimitException.Limit.TIME, RuleLimitException.Limit.FIRINGS,
                RuleLimitException.Limit.TEXT), limits);
        assertTrue(corpus.stream().anyMatch(a -> a.expect().equals("escaped")));
        assertTrue(corpus.stream().anyMatch(a -> !a.provisions().isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsRefusedAtLoadOrContainedOnItsCase() {
        return corpus.stream().map(a -> DynamicTest.dynamicTest(a.file() + ": " + a.attack(), () -> {
            Outcome o = OUTCOMES.get(a.file());
            assertNull(o.failure(), () -> "the attack crashed the test harness: " + o.failure());
            assertFalse(Files.exists(o.sentinel()), "the payload ran: " + o.sentinel() + " exists");
            if (a.refused()) {
                assertRefused(a, o);
            } else if (a.contained()) {
                assertContained(a, o);
            } else {
                assertEscaped(o);
            }
        }));
    }

    private static void assertRefused(Attack a, Outcome o) {
        assertNotNull(o.refused(), "the rules loaded: " + o.judged());
        List<Problem> errors = o.refused().problems().stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        // In the appended rule, or (for an attack in the register) in provisions.yaml
        assertTrue(errors.stream().anyMatch(p -> p.file().equals(o.drlName()) && p.line() >= o.firstLine()
                        || !a.provisions().isEmpty() && p.file().endsWith(ProvisionRegister.FILE_NAME) && p.line() > 0),
                () -> "no error placed in the attack (from line " + o.firstLine() + "): " + errors);
        for (String words : a.messages()) {
            assertTrue(errors.stream().anyMatch(p -> p.toString().contains(words)),
                    () -> "no error says '" + words + "': " + errors);
        }
        errors.forEach(p -> assertFalse(p.toString().contains("\n"), p::toString));
    }

    private static void assertContained(Attack a, Outcome o) {
        assertNull(o.refused(), () -> "refused at load: " + o.refused().problems());
        Object probe = o.judged().get("probe");
        assertTrue(probe instanceof RuntimeException, () -> "the probe was judged: " + probe);
        if (a.limit() != null) {
            assertTrue(probe instanceof RuleLimitException, () -> "not stopped at a limit: " + probe);
            assertEquals(a.limit(), ((RuleLimitException) probe).limit(), ((Throwable) probe)::getMessage);
        }
        assertEquals(o.judged().get("others before"), o.judged().get("others after"),
                "the other cases are judged differently after the attack");
    }

    private static void assertEscaped(Outcome o) throws Exception {
        assertNull(o.refused(), () -> "refused at load: " + o.refused().problems());
        for (Map.Entry<String, String> report : o.reports().entrySet()) {
            String text = report.getValue();
            for (char c : text.toCharArray()) {
                assertTrue(c == '\n' || !PrintableText.isHidden(c) && Character.getType(c) != Character.FORMAT,
                        () -> report.getKey() + " report holds the raw character U+" + Integer.toHexString(c) + ":\n" + text);
            }
            assertFalse(text.lines().anyMatch(l -> l.stripLeading().startsWith("PASS  forged")),
                    () -> report.getKey() + " report has a forged line:\n" + text);
        }
        for (String kind : List.of("text", "explain")) {
            assertTrue(o.reports().get(kind).contains("forged"), () -> "the " + kind + " report lost the text:\n"
                    + o.reports().get(kind));
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                o.reports().get("junit").getBytes(StandardCharsets.UTF_8))); // still well-formed XML
    }

    /** Compiles the attacks marked "compiled" together, with the text lint left out. */
    private static Combined combinedBuild() throws IOException {
        String base = Files.readString(RULES.resolve("definitions.drl"), StandardCharsets.UTF_8).stripTrailing();
        Path sentinel = temp.resolve("combined-payload-ran");
        StringBuilder drl = new StringBuilder(base).append("\n");
        Map<Attack, int[]> lines = new java.util.LinkedHashMap<>();
        for (Attack a : corpus.stream().filter(Attack::compiled).toList()) {
            int from = (int) drl.toString().lines().count() + 2;
            drl.append('\n').append(a.body().replace("@SENTINEL@", sentinel.toString())).append('\n');
            lines.put(a, new int[] {from, (int) drl.toString().lines().count()});
        }
        SourceFile file = new SourceFile(temp.resolve("combined").resolve("definitions.drl").toString(), drl.toString());
        List<SourceFile> drls = List.of(file);
        RuleLanguage.Parsed parsed = RuleLanguage.check(drls);
        ModelCompiler.Output compiled = parsed.ok() ? ModelCompiler.compile(drls, "corpus") : null;
        List<Problem> found = compiled != null && compiled.ok()
                ? CompiledRuleCheck.check(compiled.classes(), parsed, drls, "combined") : List.of();
        return new Combined(sentinel, file, lines, parsed, compiled, found);
    }

    /**
     * Every attack marked "compiled" is plain Java that passes the rule language: compiled together, with the text
     * lint left out, the check of the compiled classes alone must refuse each one, at a line inside it — and nothing
     * in the shipped rules the attacks were appended to.
     */
    @Test
    void theCompiledFormCheckAloneRefusesEveryCodeAttack() {
        assertTrue(combined.parsed().ok(), () -> "the language check refused some (mark them not 'compiled'): "
                + combined.parsed().problems());
        assertTrue(combined.compiled().ok(), () -> "does not compile: " + combined.compiled().errors());
        for (Attack a : combined.lines().keySet()) {
            int[] range = combined.lines().get(a);
            if (combined.in(a).stream().noneMatch(p -> a.names().contains(p.field()))) {
                fail(a.file() + " (" + a.names() + ", lines " + range[0] + "-" + range[1]
                        + ") is not refused by the compiled-form check: " + combined.found());
            }
        }
        assertFalse(Files.exists(combined.sentinel()));
        assertTrue(combined.found().stream().allMatch(p -> p.file().equals(combined.drl().name())
                        && combined.lines().values().stream().anyMatch(r -> p.line() >= r[0] && p.line() <= r[1])),
                () -> "findings outside the attacks: " + combined.found());
    }
}
