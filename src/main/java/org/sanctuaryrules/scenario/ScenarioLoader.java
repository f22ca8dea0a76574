package org.sanctuaryrules.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.internal.text.YamlLineBreaks;
import org.sanctuaryrules.model.Conviction;
import org.sanctuaryrules.scenario.ScenarioDocument.ConvictionDoc;

/**
 * Reads scenario files. Bad input never throws: every problem comes back as a value naming the file, line and field.
 * Thread-safe; build one and reuse it.
 */
public final class ScenarioLoader {
    /** The earliest date a scenario may give (and {@code --as-of} may name). */
    public static final LocalDate EARLIEST_DATE = ScenarioConverter.EARLIEST;
    /** The latest date a scenario may give. */
    public static final LocalDate LATEST_DATE = ScenarioConverter.LATEST;

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
                        + ScenarioYaml.MAX_CHARS / 1024 + " KB");
            }
            return parse(file, name, decode(file, name, Files.readAllBytes(file)));
        } catch (NotUtf8 e) {
            return LoadResult.failed(file, List.of(e.problem));
        } catch (IOException e) {
            return failed(file, "cannot read the file: " + e.getMessage());
        }
    }

    /** Bytes that are not UTF-8, with the line of the first bad one. */
    private static final class NotUtf8 extends Exception {
        final transient Problem problem;

        NotUtf8(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private static String decode(Path file, String name, byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformedByte(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(Problem.error(name, line, 0, "", "is not UTF-8 text (byte " + (bad + 1)
                    + " of the file); save it as UTF-8"));
        }
    }

    private static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
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
        if (factory instanceof YAMLFactory) {
            // Only YAML: a JSON document (an audit log line) is one line whatever its size, and Jackson's JSON parser
            // does not slow down on long tokens as SnakeYAML does.
            Problem longLine = firstOverlongLine(name, text);
            if (longLine != null) {
                return LoadResult.failed(file, List.of(longLine));
            }
            text = YamlLineBreaks.mask(text); // line numbers as editors count them; see YamlLineBreaks
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
            Problem fatal = binding.fromException(e);
            if (binding.problems().stream().noneMatch(p -> p.field().equals(fatal.field()))) {
                problems.add(fatal); // else the handler already said what is wrong with this field, and better
            }
            return LoadResult.failed(file, sorted(problems));
        }
        problems.addAll(binding.problems());
        ScenarioConverter converter = new ScenarioConverter(name, sourceMap, problems);
        Scenario scenario = converter.convert(doc, file);
        problems.addAll(converter.problems());
        if (!problems.isEmpty()) {
            return LoadResult.failed(file, sorted(problems));
        }
        try {
            // The document read again as plain JSON data, for the hash over its own keys (not the model's).
            return LoadResult.loaded(scenario.withInputSha256(CanonicalInput.sha256(mapper.readTree(text))));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return failed(file, "cannot read the document as JSON data for its hash");
        }
    }

    /**
     * Reads a records search given on its own (an answer in {@code interview}) exactly as {@code person.convictions}
     * in a scenario file would be read: the same keys, values and checks (offense required, levels, dates between
     * 1900 and 2100, a release date beside {@code incarcerated: false} refused, …). The text may be {@code none} or
     * {@code []} (searched, nothing found), one record as a YAML mapping
     * ({@code {offense: "160.15", level: felony, judgment_date: 2017-03-03}}), or a YAML list of them
     * ({@code [{…}, {…}]}, or in block style).
     *
     * @param answer   the text
     * @param judgedBy no judgment may be after this date (pass the earliest act's date: a file's acts check the same);
     *                 null for no such check
     * @return the records in the order given, as the file would give them; empty when the search found nothing
     * @throws IllegalArgumentException when the text is not a records search: the message names the field
     *                                  ({@code person.convictions[0].judgment_date}) and says what is wrong and what is
     *                                  allowed, and never quotes the text, which may be personal data
     */
    public List<Conviction> readConvictions(String answer, LocalDate judgedBy) {
        Objects.requireNonNull(answer, "answer");
        FieldPath here = FieldPath.of("person").key("convictions");
        String text = answer.strip();
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        if (text.isEmpty()) {
            throw refused(here, "is empty; give the records found, or none");
        }
        if (text.length() > ScenarioYaml.MAX_LINE_CHARS) {
            throw refused(here, "is longer than " + ScenarioYaml.MAX_LINE_CHARS + " characters");
        }
        if (factory instanceof YAMLFactory) {
            text = YamlLineBreaks.mask(text); // as parse does, so a hidden line break is reported as in a file
        }
        JsonToken first;
        try (JsonParser parser = factory.createParser(text)) {
            first = parser.nextToken();
        } catch (IOException e) {
            throw refused(here, NOT_YAML); // not the parser's message: it may quote the text
        }
        boolean one = first == JsonToken.START_OBJECT;
        if (!one && first != JsonToken.START_ARRAY) {
            throw refused(here, "is not a list of records; write none, [], a record as {offense: \"…\", …} or a list "
                    + "of them as [{…}, {…}]");
        }
        FieldPath base = one ? here.index(0) : here;
        List<Problem> problems = new ArrayList<>();
        SourceMap map = SourceMap.scan(ANSWER, text, factory, ScenarioYaml.MAX_DEPTH, problems, base);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            // Keep only the one message of the scan that quotes nothing; the others may quote the text.
            throw p.message().startsWith("contains the character") ? refused(p) : refused(here, NOT_YAML);
        }
        problems.addAll(UnknownKeys.find(ANSWER, map, ScenarioDocument.Root.class));
        BindingProblems binding = new BindingProblems(ANSWER, map, ScenarioDocument.Root.class, base);
        List<ConvictionDoc> docs;
        try {
            docs = one ? java.util.Collections.singletonList(
                    mapper.readerFor(ConvictionDoc.class).withHandler(binding).<ConvictionDoc>readValue(text))
                    : mapper.readerFor(new TypeReference<List<ConvictionDoc>>() { }).withHandler(binding)
                    .<List<ConvictionDoc>>readValue(text);
        } catch (JsonProcessingException e) {
            problems.addAll(binding.problems());
            problems.add(binding.fromException(e));
            throw refused(problems.get(0));
        }
        problems.addAll(binding.problems());
        ScenarioConverter converter = new ScenarioConverter(ANSWER, map, problems);
        List<Conviction> records = converter.answeredConvictions(docs, here, judgedBy);
        problems.addAll(converter.problems());
        if (!problems.isEmpty()) {
            throw refused(problems.get(0));
        }
        return records;
    }

    /** What an answer's problems name as the file: nothing, since an answer has no file. */
    private static final String ANSWER = "answer";
    private static final String NOT_YAML = "is not valid YAML as a scenario file writes it: check the brackets, braces, "
            + "commas and quotes ({offense: \"160.15\", level: felony} for a record, [{…}, {…}] for several)";

    private static IllegalArgumentException refused(FieldPath at, String message) {
        return new IllegalArgumentException(at + " " + message);
    }

    private static IllegalArgumentException refused(Problem p) {
        String field = p.field().isEmpty() ? "person.convictions" : p.field();
        String message = p.message();
        // An unknown key is named in the field and in the message: name its record instead, as the key was typed.
        for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
            String typed = "unknown key '" + field.substring(dot + 1) + "'";
            if (message.startsWith(typed)) {
                return new IllegalArgumentException(field.substring(0, dot) + " has a key that is not allowed"
                        + message.substring(typed.length()));
            }
        }
        return new IllegalArgumentException(field + " " + message);
    }

    /**
     * Reads text that holds one scenario document or a list of them (a request to the decision service): a list's
     * items are named {@code name[0]}, {@code name[1]}, … in their problems, and each is checked as a file of its own
     * would be (its line numbers then count within the item). Text that is not one readable document is one failed
     * result, as {@link #parse} gives it ({@link Batch#readable()} false).
     *
     * @param maxItems the most items a list may have; more is one failed result saying so
     */
    public Batch parseEach(String name, String text, int maxItems) {
        if (text.length() > ScenarioYaml.MAX_CHARS * (long) Math.max(1, maxItems)) {
            return new Batch(true, List.of(failed(Path.of(name), "the text is " + text.length()
                    + " characters; too long")));
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            return new Batch(false, List.of(parse(name, text))); // says where and why it does not read
        }
        if (tree == null || tree.isMissingNode() || !tree.isContainerNode()) {
            return new Batch(tree != null && !tree.isMissingNode(), List.of(parse(name, text)));
        }
        if (!tree.isArray()) {
            return new Batch(true, List.of(parse(name, text)));
        }
        if (tree.isEmpty()) {
            return new Batch(true, List.of(failed(Path.of(name), "the list holds no scenario; give at least one")));
        }
        if (tree.size() > maxItems) {
            return new Batch(true, List.of(failed(Path.of(name), "the list holds " + tree.size()
                    + " scenarios; at most " + maxItems + " are judged in one request")));
        }
        // Each item written out again as indented JSON (which is YAML too) and read as a document of its own.
        List<LoadResult> results = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            String item;
            try {
                item = ITEM_WRITER.writeValueAsString(tree.get(i));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e); // a tree just read writes out
            }
            results.add(parse(name + "[" + i + "]", item));
        }
        return new Batch(true, results);
    }

    /**
     * What {@link #parseEach} read.
     *
     * @param readable whether the text was one well-formed document at all (else its one result says why not)
     * @param results  one result per scenario of the document, in order
     */
    public record Batch(boolean readable, List<LoadResult> results) {
        public Batch {
            results = List.copyOf(results);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter ITEM_WRITER =
            new ObjectMapper().writerWithDefaultPrettyPrinter();

    /** The first {@link ScenarioYaml#MAX_PROBLEMS} problems, and a last one saying that there were more. */
    private static List<Problem> capped(String name, List<Problem> problems) {
        if (problems.size() <= ScenarioYaml.MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> first = new ArrayList<>(problems.subList(0, ScenarioYaml.MAX_PROBLEMS));
        first.add(Problem.error(name, 0, 0, "", "more problems in this file are not shown (only the first "
                + ScenarioYaml.MAX_PROBLEMS + "); fix these first"));
        return first;
    }

    /** A line past {@link ScenarioYaml#MAX_LINE_CHARS}, checked before the YAML parser sees the text. */
    private static Problem firstOverlongLine(String name, String text) {
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > ScenarioYaml.MAX_LINE_CHARS) {
                return Problem.error(name, line, ScenarioYaml.MAX_LINE_CHARS + 1, "", "the line is longer than "
                        + ScenarioYaml.MAX_LINE_CHARS + " characters; break long text over several lines");
            }
        }
        return null;
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
        return copy.isEmpty() ? copy : capped(copy.get(0).file(), copy);
    }
}
