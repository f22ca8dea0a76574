package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps docs/scenario.schema.json (what editors check scenario files against) true to the files and to the code:
 * every scenario file must pass it; its enums must be the Java enums' constants in lower case; its keys must be the
 * loader's keys; a true/false key may be null exactly where the model says "not known".
 */
class ScenarioSchemaTest {
    private static final Path SCHEMA_FILE = Path.of("docs", "scenario.schema.json");
    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path FORMAT_GUIDE = Path.of("docs", "scenario-format.md");
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    /** Where the scenario's Java enums live; a schema enum named X must be one of these packages' X. */
    private static final List<String> ENUM_PACKAGES = List.of("org.sanctuaryrules.model", "org.sanctuaryrules.engine");
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads YAML as editors do: {@code key:} with nothing after it is null, {@code 2024-01-01} is text. */
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode schemaNode;
    private static SchemaRegistry registry;
    private static Schema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schemaNode = JSON.readTree(SCHEMA_FILE.toFile());
        // enumDescriptions is the editors' hover text for enum values (VS Code); no validation keyword.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword("enumDescriptions"))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true) // "format": "date" is only a hint unless asked
                .pathType(PathType.JSON_POINTER)
                .build();
        registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(config));
        schema = registry.getSchema(schemaNode);
    }

    // ---- (a) the scenario files -------------------------------------------------------------------------------

    @Test
    void everyScenarioFilePassesTheSchema() throws IOException {
        List<Path> files = scenarioFiles();
        assertFalse(files.isEmpty(), "no scenario files under " + SCENARIOS.toAbsolutePath());
        List<String> failures = new ArrayList<>();
        int failing = 0;
        for (Path file : files) {
            List<String> errors = errorsOf(file);
            failing += errors.isEmpty() ? 0 : 1;
            errors.forEach(error -> failures.add(file + ":" + error));
        }
        assertTrue(failures.isEmpty(), failing + " of " + files.size() + " scenario files do not match "
                + SCHEMA_FILE + " (file:line:column: field: problem):\n  " + String.join("\n  ", failures));
    }

    // ---- (b) the schema against the code ----------------------------------------------------------------------

    @Test
    void schemaIsAValidDraft202012Schema() {
        Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
        List<Error> errors = metaSchema.validate(schemaNode);
        assertTrue(errors.isEmpty(), SCHEMA_FILE + " is not a valid JSON Schema: " + errors);
        assertEquals(META_SCHEMA, schemaNode.path("$schema").asText(), "$schema");
    }

    @Test
    void everySchemaEnumIsItsJavaEnumInLowerCase() {
        List<String> enumPaths = new ArrayList<>();
        collectEnums(schemaNode, "#", enumPaths);
        assertFalse(enumPaths.isEmpty(), "the schema has no enums");
        List<String> problems = new ArrayList<>();
        for (String path : enumPaths) {
            Matcher m = Pattern.compile("#/\\$defs/(\\w+)").matcher(path);
            if (!m.matches()) {
                problems.add(path + ": an enum must be a $defs entry named after its Java enum, and referred to");
                continue;
            }
            Class<?> type = javaEnum(m.group(1));
            if (type == null) {
                problems.add(path + ": no Java enum " + m.group(1) + " in " + ENUM_PACKAGES);
                continue;
            }
            JsonNode def = schemaNode.path("$defs").path(m.group(1));
            List<String> inSchema = texts(def.path("enum"));
            List<String> inJava = lowerCaseConstants(type);
            if (!inSchema.equals(inJava)) {
                problems.add(path + ": schema has " + inSchema + " but " + type.getName() + " has " + inJava);
            }
            if (def.has("enumDescriptions") && def.path("enumDescriptions").size() != inSchema.size()) {
                problems.add(path + ": " + def.path("enumDescriptions").size() + " enumDescriptions for "
                        + inSchema.size() + " values");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Walks the loader's document records (the file format as the code reads it) beside the schema: the same keys
     * at every level, and each enum-typed key refers to the $defs entry of its enum.
     */
    @Test
    void schemaHasTheLoadersKeysAndEnums() {
        List<String> problems = new ArrayList<>();
        compare(document("Root"), schemaNode, "", problems);
        assertTrue(problems.isEmpty(), "the schema and the loader's ScenarioDocument differ:\n"
                + String.join("\n", problems));
    }

    /** A true/false key may be null ("not known") exactly where the model keeps a {@code Boolean}. */
    @Test
    void trueFalseKeysAreNullableExactlyWhereTheModelSaysNotKnown() {
        List<String> problems = new ArrayList<>();
        checkNullable(org.sanctuaryrules.model.Act.class, "Act", problems);
        checkNullable(org.sanctuaryrules.model.Person.class, "Person", problems);
        checkNullable(org.sanctuaryrules.model.Conviction.class, "Conviction", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyIsDescribedAndEveryObjectIsClosed() {
        List<String> problems = new ArrayList<>();
        checkDescribed(schemaNode, "#", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---- the schema catches what it should ---------------------------------------------------------------------

    private static final String MINIMAL = """
            id: schema-test-minimal
            title: NYPD holds a man on a detainer alone
            source: "Hypothetical: schema test"
            date: 2024-03-01
            person:
              convictions: []
            request: { from: ice_ero, instruments: [detainer] }
            acts:
              - id: hold
                agency: nypd
                kind: hold_past_release
                court_order: null
            expect:
              verdict: violation
              acts: { hold: violation }
              cites: [AC-14-154-b1]
            """;

    @Test
    void theMinimalScenarioPassesTheSchemaAndLoads() throws IOException {
        assertEquals(List.of(), validate(YAML.readTree(MINIMAL)));
        LoadResult loaded = new ScenarioLoader().parse("minimal.yaml", MINIMAL);
        assertTrue(loaded.ok(), () -> "the loader rejects it: " + loaded.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key                     | '    court_order: null'        | '    courtorder: true'
            enum value not lower case       | '    agency: nypd'             | '    agency: NYPD'
            misspelt enum value             | '    agency: nypd'             | '    agency: nypdd'
            impossible date                 | 'date: 2024-03-01'            | 'date: 2024-02-30'
            date not YYYY-MM-DD             | 'date: 2024-03-01'            | 'date: 03/01/2024'
            year out of range               | 'date: 2024-03-01'            | 'date: 1024-03-01'
            missing required key            | '    kind: hold_past_release' | '    description: no kind'
            blank id                        | 'id: schema-test-minimal'     | 'id: "  "'
            no acts                         | 'acts:\\n  - id: hold\\n'   | 'acts: []\\nother_acts:\\n  - id: hold\\n'
            list written as a single value  | 'instruments: [detainer]'     | 'instruments: detainer'
            convictions with no value       | '  convictions: []'           | '  convictions:'
            offense that is a number        | '  convictions: []'           | '  convictions: [{offense: 160.10}]'
            true/false written as text      | '    court_order: null'        | '    court_order: "no"'
            primitive flag given null       | '  convictions: []'           | '  convictions: [{offense: "1", sealed: null}]'
            negative hold                   | '    court_order: null'        | '    hold_hours: -1'
            bad expected verdict            | '  verdict: violation'        | '  verdict: illegal'
            """)
    void theSchemaRejects(String mistake, String from, String to) throws IOException {
        String original = from.replace("\\n", "\n");
        assertEquals(1, MINIMAL.split(Pattern.quote(original), -1).length - 1,
                "the test's text to replace must occur once: " + from);
        String text = MINIMAL.replace(original, to.replace("\\n", "\n"));
        JsonNode node = YAML.readTree(text);
        if (mistake.equals("no acts")) {
            ((ObjectNode) node).remove("other_acts"); // keeps the act's lines parseable, then drops them
        }
        assertFalse(validate(node).isEmpty(), mistake + " should fail the schema:\n" + text);
    }

    /** The annotated example of docs/scenario-format.md is a real scenario: it passes the schema and loads. */
    @Test
    void theFormatGuidesExamplePassesTheSchemaAndLoads() throws IOException {
        String guide = Files.readString(FORMAT_GUIDE);
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(block.find(), FORMAT_GUIDE + " has no ```yaml block");
        String example = block.group(1);
        assertEquals(List.of(), validate(YAML.readTree(example)), "the first example of " + FORMAT_GUIDE);
        LoadResult loaded = new ScenarioLoader().parse(FORMAT_GUIDE.toString(), example);
        assertTrue(loaded.ok(), () -> "the loader rejects the first example of " + FORMAT_GUIDE + ": "
                + loaded.problems());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> all = Files.walk(SCENARIOS)) {
            return all.filter(Files::isRegularFile).filter(ScenarioSchemaTest::isYaml)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The file's problems against the schema, each as {@code line:column: field: message}, in file order. */
    private static List<String> errorsOf(Path file) {
        String text;
        List<JsonNode> documents = new ArrayList<>();
        try {
            text = Files.readString(file);
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (it.hasNextValue()) {
                    documents.add(it.nextValue());
                }
            }
        } catch (IOException e) {
            JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return List.of((at == null ? "0:0" : at.getLineNr() + ":" + at.getColumnNr())
                    + ": (file): not readable as YAML: " + String.valueOf(message).lines().findFirst().orElse(""));
        }
        if (documents.isEmpty() || documents.get(0) == null || documents.get(0).isMissingNode()) {
            return List.of("0:0: (file): the file is empty");
        }
        List<String> errors = new ArrayList<>();
        if (documents.size() > 1) {
            errors.add("0:0: (file): holds " + documents.size() + " YAML documents; one scenario per file");
        }
        Map<String, int[]> places = places(text);
        schema.validate(documents.get(0)).stream()
                .sorted(Comparator.comparing((Error m) -> place(places, m.getInstanceLocation()),
                        Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]))
                        .thenComparing(Error::getMessage))
                .forEach(m -> {
                    int[] at = place(places, m.getInstanceLocation());
                    errors.add(at[0] + ":" + at[1] + ": " + field(m.getInstanceLocation()) + ": " + withoutPath(m));
                });
        return errors;
    }

    /** Line and column of every key and list item, by JSON pointer ("" for the top). */
    private static Map<String, int[]> places(String text) {
        Map<String, int[]> places = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonLocation at = parser.currentTokenLocation();
                places.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        new int[] {at.getLineNr(), at.getColumnNr()});
            }
        } catch (IOException e) {
            // the file was read once already; without places, problems are reported at 0:0
        }
        return places;
    }

    private static int[] place(Map<String, int[]> places, NodePath path) {
        for (NodePath p = path; p != null; p = p.getParent()) {
            int[] at = places.get(pointer(p));
            if (at != null) {
                return at;
            }
        }
        return new int[] {0, 0};
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The path as the loader's messages write it: {@code acts[0].agency}. */
    private static String field(NodePath path) {
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(element);
            }
        }
        return field.length() == 0 ? "(top level)" : field.toString();
    }

    private static String withoutPath(Error m) {
        String message = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static List<String> validate(JsonNode node) {
        return schema.validate(node).stream().map(Error::getMessage).sorted().toList();
    }

    private static void collectEnums(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if (node.has("enum")) {
                found.add(path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collectEnums(e.getValue(), path + "/" + e.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEnums(node.get(i), path + "/" + i, found);
            }
        }
    }

    private static Class<?> javaEnum(String simpleName) {
        for (String pkg : ENUM_PACKAGES) {
            try {
                Class<?> type = Class.forName(pkg + "." + simpleName);
                if (type.isEnum()) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return null;
    }

    private static List<String> lowerCaseConstants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Class<?> document(String record) {
        String name = ScenarioSchemaTest.class.getPackageName() + ".ScenarioDocument$" + record;
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return fail("the loader's document record " + name + " is gone; update this test and the schema");
        }
    }

    /** The schema node itself, or the $defs entry it refers to. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at.has("$ref") && hops < 10; hops++) {
            String ref = at.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local $refs are expected, found " + ref);
            }
            at = schemaNode.at(ref.substring(1));
        }
        return at;
    }

    private static String defName(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/$defs/") ? ref.substring("#/$defs/".length()) : null;
    }

    private static void compare(Type type, JsonNode node, String path, List<String> problems) {
        Class<?> raw = raw(type);
        String where = path.isEmpty() ? "(top level)" : path;
        if (raw == null) {
            problems.add(where + ": cannot compare type " + type);
        } else if (raw.isRecord()) {
            JsonNode object = resolve(node);
            Set<String> inCode = new LinkedHashSet<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                inCode.add(SNAKE_CASE.translate(c.getName()));
            }
            Set<String> inSchema = new LinkedHashSet<>();
            object.path("properties").fieldNames().forEachRemaining(inSchema::add);
            if (!inCode.equals(inSchema)) {
                Set<String> missing = new TreeSet<>(inCode);
                missing.removeAll(inSchema);
                Set<String> extra = new TreeSet<>(inSchema);
                extra.removeAll(inCode);
                problems.add(where + ": keys the loader reads but the schema lacks " + missing
                        + "; keys the schema has but the loader rejects " + extra);
            }
            if (!object.path("additionalProperties").isBoolean() || object.path("additionalProperties").asBoolean()) {
                problems.add(where + ": needs additionalProperties: false (the loader rejects unknown keys)");
            }
            for (RecordComponent c : raw.getRecordComponents()) {
                String key = SNAKE_CASE.translate(c.getName());
                JsonNode property = object.path("properties").path(key);
                if (!property.isMissingNode()) {
                    compare(c.getGenericType(), property, path.isEmpty() ? key : path + "." + key, problems);
                }
            }
        } else if (raw.isEnum()) {
            String def = defName(node);
            if (!raw.getSimpleName().equals(def)) {
                problems.add(where + ": should refer to #/$defs/" + raw.getSimpleName() + " (" + raw.getName()
                        + "), refers to " + (def == null ? "nothing" : "#/$defs/" + def));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            JsonNode array = resolve(node);
            if (!"array".equals(array.path("type").asText())) {
                problems.add(where + ": the loader reads a list, the schema says " + array.path("type"));
            } else {
                compare(argument(type, 0), array.path("items"), path + "[]", problems);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            JsonNode object = resolve(node);
            if (!"object".equals(object.path("type").asText())) {
                problems.add(where + ": the loader reads a mapping, the schema says " + object.path("type"));
            } else {
                compare(argument(type, 1), object.path("additionalProperties"), path + ".*", problems);
            }
        } else {
            String expected = raw == Boolean.class || raw == boolean.class ? "boolean"
                    : raw == Integer.class || raw == int.class ? "integer" : "string";
            JsonNode scalar = resolve(node);
            Set<String> types = new TreeSet<>(texts(scalar.path("type").isArray() ? scalar.path("type")
                    : JSON.createArrayNode().add(scalar.path("type").asText())));
            types.remove("null");
            if (!types.equals(Set.of(expected))) {
                problems.add(where + ": the loader reads " + raw.getSimpleName() + ", the schema says type "
                        + scalar.path("type"));
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static void checkNullable(Class<?> model, String def, List<String> problems) {
        JsonNode properties = schemaNode.path("$defs").path(def).path("properties");
        for (RecordComponent c : model.getRecordComponents()) {
            if (c.getType() != Boolean.class && c.getType() != boolean.class) {
                continue;
            }
            String key = SNAKE_CASE.translate(c.getName());
            JsonNode type = properties.path(key).path("type");
            Set<String> types = new TreeSet<>(type.isArray() ? texts(type) : List.of(type.asText()));
            Set<String> expected = c.getType() == Boolean.class ? Set.of("boolean", "null") : Set.of("boolean");
            if (!types.equals(expected)) {
                problems.add(def + "." + key + ": " + model.getSimpleName() + "." + c.getName() + " is "
                        + c.getType().getSimpleName() + ", so its type should be " + expected + ", not " + types);
            }
        }
        Set<String> nullable = new TreeSet<>();
        properties.fields().forEachRemaining(e -> {
            if (texts(e.getValue().path("type")).contains("null")) {
                nullable.add(e.getKey());
            }
        });
        Set<String> booleans = Arrays.stream(model.getRecordComponents()).filter(c -> c.getType() == Boolean.class)
                .map(c -> SNAKE_CASE.translate(c.getName())).collect(Collectors.toCollection(TreeSet::new));
        nullable.removeAll(booleans);
        if (!nullable.isEmpty()) {
            problems.add(def + ": " + nullable + " accept null, yet the model has no Boolean for them");
        }
    }

    private static void checkDescribed(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        JsonNode properties = node.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("description").asText("").isBlank()) {
                problems.add(path + "/properties/" + e.getKey() + ": no description");
            }
        }
        if ("object".equals(node.path("type").asText()) && properties.isObject()
                && !node.path("additionalProperties").isBoolean()) {
            problems.add(path + ": an object with properties needs additionalProperties: false");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                checkDescribed(e.getValue(), path + "/" + e.getKey(), problems);
            }
        }
    }
}
