package org.sanctuaryrules.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuaryrules.ShippedEngine;
import org.sanctuaryrules.engine.Problem;
import org.sanctuaryrules.engine.SanctuaryEngine;

/**
 * Breaks the shipped scenario files at random — deleting, repeating, garbling and swapping lines, flipping bytes,
 * cutting the file short — and loads each result. Seeded, so every run tries the same 500 files; a failure prints
 * the seed's case number and the text, which is enough to turn it into a fixed case in {@link HostileScenarioTest}.
 *
 * <p>Property: loading never throws; it yields either a scenario the engine can judge without throwing, or
 * problems that each name the file and a line (an empty file alone has no line to name).
 */
class ScenarioFuzzTest {
    private static final long SEED = 20261125L;
    private static final int CASES = 500;

    @TempDir
    Path dir;

    @Test
    void brokenScenarioFilesAreProblemsWithAPlaceNeverExceptions() throws IOException {
        List<byte[]> originals = shippedScenarios();
        Random random = new Random(SEED);
        ScenarioLoader loader = new ScenarioLoader();
        SanctuaryEngine engine = ShippedEngine.get();
        int loaded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] original = originals.get(random.nextInt(originals.size()));
            byte[] broken = mutate(original, random);
            Path file = Files.write(dir.resolve("case-" + i + ".yaml"), broken);
            String context = "case " + i + ":\n" + new String(broken, StandardCharsets.UTF_8);
            LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertDoesNotThrow(() -> loader.load(file), context), context);
            if (result.ok()) {
                loaded++;
                assertDoesNotThrow(() -> engine.assess(result.scenario().aCase()), context);
                continue;
            }
            for (Problem p : result.problems()) {
                assertEquals(file.toString(), p.file(), context);
                boolean empty = p.message().contains("the file is empty");
                assertTrue(p.line() > 0 || empty, () -> "no line: " + p + "\n" + context);
                assertEquals(1, p.toString().lines().count(), context);
            }
        }
        // Both branches must be exercised, or the mutations are too weak (or too strong) to test anything.
        assertTrue(loaded > 0 && loaded < CASES, "loaded " + loaded + " of " + CASES);
    }

    private static List<byte[]> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<byte[]> all = new ArrayList<>();
            for (Path f : files.filter(ScenarioLoader::isScenarioFile).sorted().toList()) {
                all.add(Files.readAllBytes(f));
            }
            assertFalse(all.isEmpty(), "no shipped scenarios to mutate");
            return all;
        }
    }

    /** One to three mutations of the file. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++) {
            bytes = switch (random.nextInt(7)) {
                case 0 -> lines(bytes, random, (lines, at) -> lines.remove(at));
                case 1 -> lines(bytes, random, (lines, at) -> lines.add(at, lines.get(at)));
                case 2 -> lines(bytes, random, (lines, at) -> lines.set(at, garble(lines.get(at), random)));
                case 3 -> lines(bytes, random, (lines, at) -> lines.add(random.nextInt(lines.size()), lines.remove(at)));
                case 4 -> lines(bytes, random, (lines, at) -> lines.set(at, " ".repeat(random.nextInt(5)) + lines.get(at)));
                case 5 -> flipByte(bytes, random);
                default -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            };
        }
        return bytes;
    }

    private interface LineEdit {
        void apply(List<String> lines, int at);
    }

    private static byte[] lines(byte[] bytes, Random random, LineEdit edit) {
        List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
        if (lines.isEmpty()) {
            return bytes;
        }
        edit.apply(lines, random.nextInt(lines.size()));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String NASTY = ":-[]{}&*!|>'\"%@`#,?~\t\\\u0000\u001b\u202e";

    private static String garble(String line, Random random) {
        if (line.isEmpty()) {
            return String.valueOf(NASTY.charAt(random.nextInt(NASTY.length())));
        }
        char[] chars = line.toCharArray();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            chars[random.nextInt(chars.length)] = NASTY.charAt(random.nextInt(NASTY.length()));
        }
        return new String(chars);
    }

    private static byte[] flipByte(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }
}
