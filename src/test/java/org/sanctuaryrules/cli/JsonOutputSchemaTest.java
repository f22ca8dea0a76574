package org.sanctuaryrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's JSON, as the command really writes it, against the schema shipped in docs/json.schema.json (the
 * reference of docs/json.md): the shared header, and every key of every object, none missing and none unknown. A
 * key added to an output without its schema fails here.
 */
class JsonOutputSchemaTest {
    private static final Path SCHEMA_FILE = Path.of("docs", "json.schema.json");
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final Path TEST_RULES = Path.of("src/test/resources/test-rules");
    private static final String SCENARIO = "scenarios/nypd-oo4-48-hour-hold-lawful-but-breach.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaNode;
    private static SchemaRegistry registry;

    @TempDir
    Path dir;

    /** Rules that do not compile: the test rules without their provision register. */
    private String brokenRules() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("broken-rules"));
        for (String file : List.of("test.drl", "violent-or-serious-felonies.csv")) {
            Files.copy(TEST_RULES.resolve(file), rules.resolve(file));
        }
        return rules.toString();
    }

    @BeforeAll
    static void readSchema() throws IOException {
        schemaNode = JSON.readTree(SCHEMA_FILE.toFile());
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER).build();
        registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), b -> b.schemaRegistryConfig(config));
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        List<Error> errors = registry.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schemaNode);
        assertTrue(errors.isEmpty(), SCHEMA_FILE + " is not a valid JSON Schema: " + errors);
    }

    @Test
    void run() throws IOException {
        // Every status: the shipped scenarios pass; one fails, one expects nothing, one cannot be read.
        Path failing = Files.writeString(dir.resolve("failing.yaml"), Files.readString(Path.of(SCENARIO))
                .replace("policy: breach", "policy: compliant").replaceFirst("(?m)^id: .*$", "id: failing-copy"));
        Path open = Files.writeString(dir.resolve("open.yaml"), "id: open\ntitle: t\nsource: s\ndate: 2024-02-01\n"
                + "acts:\n  - {id: a, agency: doc, kind: share_record}\n");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "id: broken\nacts: [\n");
        Cli.Outcome o = Cli.run("run", "--format", "json", "scenarios", failing.toString(), open.toString(),
                broken.toString());
        JsonNode doc = valid("run", o.out());
        List<String> statuses = doc.path("scenarios").findValuesAsText("status");
        for (String status : List.of("PASSED", "FAILED", "ERROR", "NO_EXPECTATION")) {
            assertTrue(statuses.contains(status), status);
        }
    }

    @Test
    void explain() throws IOException {
        for (String file : List.of(SCENARIO, "scenarios/seed-3-times-square-administrative-warrants.yaml")) {
            valid("explain", Cli.run("explain", "--format", "json", file).out());
        }
        JsonNode asOf = valid("explain", Cli.run("explain", "--format", "json", "--as-of", "2013-06-01", SCENARIO).out());
        assertEquals("2013-06-01", asOf.get("as_of").asText());
    }

    @Test
    void check() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "id: broken\nacts: [\n");
        JsonNode doc = valid("check", Cli.run("check", "--format", "json", "scenarios", broken.toString()).out());
        assertTrue(doc.at("/summary/errors").asInt() > 0, "the broken file is in the problems");
        valid("check", Cli.run("check", "--format", "json", "--rules", brokenRules()).out());
    }

    @Test
    void coverage() throws IOException {
        valid("coverage", Cli.run("coverage", "--format", "json").out());
    }

    @Test
    void compare() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "id: broken\nacts: [\n");
        JsonNode doc = valid("compare", Cli.run("compare", "--format", "json", "--baseline",
                "rules-variants/int-395-2024", "scenarios", broken.toString()).out());
        assertFalse(doc.path("changes").isEmpty());
        assertFalse(doc.path("not_compared").isEmpty());
    }

    @Test
    void everyCommandWhoseRulesDoNotCompile() throws IOException {
        String broken = brokenRules();
        valid("rules-failed", Cli.run("run", "--format", "json", "--rules", broken, SCENARIO).out());
        valid("rules-failed", Cli.run("explain", "--format", "json", "--rules", broken, SCENARIO).out());
        valid("rules-failed", Cli.run("coverage", "--format", "json", "--rules", broken, SCENARIO).out());
        valid("rules-failed", Cli.run("compare", "--format", "json", "--rules", broken, "--baseline", "rules",
                SCENARIO).out());
    }

    @Test
    void auditLines() throws IOException {
        Path log = dir.resolve("log.jsonl");
        assertEquals(0, Cli.run("audit-gen", "--lines", "300", "--seed", "5", log.toString()).exitCode());
        for (String[] args : List.of(new String[] {"audit", log.toString()},
                new String[] {"audit", "--as-of", "2016-01-01", log.toString()})) {
            List<String> lines = Cli.run(args).out().lines().toList();
            assertEquals(300, lines.size());
            for (String line : lines) {
                valid("audit-line", line);
            }
        }
    }

    @Test
    void decisionRecords() throws IOException {
        Path log = dir.resolve("decisions.jsonl");
        Cli.run("run", "--decision-log", log.toString(), "scenarios");
        Cli.run("run", "--format", "json", "--as-of", "2016-01-01", "--decision-log", log.toString(), SCENARIO);
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.size() > 200, "every shipped scenario and one more");
        for (String line : lines) {
            valid("decision-record", line);
        }
    }

    /** The check can fail: a document with a key left out, or one the schema does not name, is refused. */
    @Test
    void aMissingOrUnknownKeyIsRefused() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(Cli.run("check", "--format", "json").out());
        assertTrue(errors("check", doc).isEmpty());
        ObjectNode missing = doc.deepCopy();
        missing.remove("format_version");
        assertFalse(errors("check", missing).isEmpty());
        ObjectNode unknown = doc.deepCopy();
        ((ObjectNode) unknown.get("rule_set")).put("rules", 5);
        assertFalse(errors("check", unknown).isEmpty());
    }

    private static JsonNode valid(String definition, String text) throws IOException {
        JsonNode doc = JSON.readTree(text);
        List<Error> errors = errors(definition, doc);
        assertTrue(errors.isEmpty(), () -> definition + ": " + errors.subList(0, Math.min(5, errors.size())));
        return doc;
    }

    /** The errors of {@code doc} against {@code $defs/definition} of the schema. */
    private static List<Error> errors(String definition, JsonNode doc) {
        ObjectNode root = schemaNode.deepCopy();
        root.put("$ref", "#/$defs/" + definition);
        Schema schema = registry.getSchema(root);
        return new ArrayList<>(schema.validate(doc));
    }
}
