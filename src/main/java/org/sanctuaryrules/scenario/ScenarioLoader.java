package org.sanctuaryrules.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.sanctuaryrules.engine.Problem;

/**
 * Reads scenario files. Bad input never throws: every problem comes back as a value naming the file, line and field.
 * Thread-safe; build one and reuse it.
 */
public final class ScenarioLoader {
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    /** A loader of YAML scenario files. */
    public ScenarioLoader() {
        YAMLFactory yaml = ScenarioYaml.factory();
        this.factory = yaml;
        this.mapper = ScenarioYaml.mapper(yaml);
    }

    private ScenarioLoader(JsonFactory factory, ObjectMapper mapper) {
        this.factory = factory;
        this.mapper = mapper;
    }

    /**
     * A loader for scenario documents written as JSON (audit log lines): the same checks and messages, with a JSON
     * parser, which is much faster than a YAML one on a log of a million lines. It rejects YAML that is not JSON.
     */
    public static ScenarioLoader forJson() {
        JsonFactory json = ScenarioYaml.jsonFactory();
        return new ScenarioLoader(json, ScenarioYaml.jsonMapper(json));
    }

    /** Reads one scenario file. */
    public LoadResult load(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            return failed(file, "no such file or directory");
        }
        if (Files.isDirectory(file)) {
            return failed(file, "is a directory, not a scenario file");
        }
        try {
            long size = Files.size(file);
            if (size > ScenarioYaml.MAX_CHARS) {
                return failed(file, "the file is " + size + " bytes; scenario files are limited to "
                        + ScenarioYaml.MAX_CHARS / 1_000_000 + " MB");
            }
            return parse(file, name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return failed(file, "is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            return failed(file, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads scenario text; {@code fileName} is what problems name as the file. */
    public LoadResult parse(String fileName, String yamlText) {
        return parse(Path.of(fileName), fileName, yamlText);
    }

    private LoadResult parse(Path file, String name, String text) {
        if (text.length() > ScenarioYaml.MAX_CHARS) {
            return failed(file, "the text is " + text.length() + " characters; scenario files are limited to "
                    + ScenarioYaml.MAX_CHARS + " characters");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Problem> problems = new ArrayList<>();
        SourceMap sourceMap = SourceMap.scan(name, text, factory, ScenarioYaml.MAX_DEPTH, problems);
        if (!problems.isEmpty()) {
            return LoadResult.failed(file, problems); // not one readable YAML document: nothing more to check
        }
        problems.addAll(UnknownKeys.find(name, sourceMap, ScenarioDocument.Root.class));
        BindingProblems binding = new BindingProblems(name, sourceMap, ScenarioDocument.Root.class);
        ScenarioDocument.Root doc;
        try {
            doc = mapper.readerFor(ScenarioDocument.Root.class).withHandler(binding).readValue(text);
        } catch (JsonProcessingException e) {
            problems.addAll(binding.problems());
            problems.add(binding.fromException(e));
            return LoadResult.failed(file, sorted(problems));
        } catch (IOException e) {
            problems.add(Problem.error(name, 0, 0, "", "cannot read the YAML: " + e.getMessage()));
            return LoadResult.failed(file, problems);
        }
        problems.addAll(binding.problems());
        ScenarioConverter converter = new ScenarioConverter(name, sourceMap, problems);
        Scenario scenario = converter.convert(doc, file);
        problems.addAll(converter.problems());
        return problems.isEmpty() ? LoadResult.loaded(scenario) : LoadResult.failed(file, sorted(problems));
    }

    /**
     * The scenario files to run: files as given, directories searched recursively for {@code *.yaml} and
     * {@code *.yml} (sorted). A path that does not exist is kept, so that loading it reports the problem; the same
     * file reached twice is listed once.
     */
    public List<Path> discover(List<Path> pathsOrDirs) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path given : pathsOrDirs) {
            List<Path> found = Files.isDirectory(given) ? walk(given) : List.of(given);
            for (Path f : found) {
                if (seen.add(f.toAbsolutePath().normalize())) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioFile)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(dir); // loading the directory then reports that it cannot be read as a scenario
        }
    }

    static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static LoadResult failed(Path file, String message) {
        return LoadResult.failed(file, List.of(Problem.error(file.toString(), 0, 0, "", message)));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparingInt((Problem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(Problem::column));
        return copy;
    }
}
