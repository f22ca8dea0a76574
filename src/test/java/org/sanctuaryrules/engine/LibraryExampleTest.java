package org.sanctuaryrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example of the README, kept compiling and true: the README's Java block under "Embedding it" is
 * compiled as it stands (imports and all) against the library, run, and its output checked. {@code .ci/run} builds
 * the same text in a separate Maven project against the installed jar.
 */
class LibraryExampleTest {
    private static final Path README = Path.of("README.md");
    private static final String SECTION = "## Embedding it";

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAsWrittenAndPrintsWhatItsCommentsSay() throws Exception {
        String source = javaBlockOf(Files.readString(README, StandardCharsets.UTF_8));
        Matcher className = Pattern.compile("(?m)^public class (\\w+)").matcher(source);
        assertTrue(className.find(), "the README's example declares no public class:\n" + source);
        Path file = Files.writeString(dir.resolve(className.group(1) + ".java"), source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        // Surefire puts the test class path (the library's classes and its dependencies) in java.class.path.
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:all",
                        "-Werror", "-encoding", "UTF-8"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file))
                .call();
        assertTrue(compiled, "the README's Java example does not compile as written:\n" + diagnostics);

        String printed = runMain(className.group(1));
        List<String> lines = printed.lines().toList();
        assertEquals("VIOLATION", lines.get(0), printed);
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.startsWith("N.Y.C. Admin. Code § 14-154(b)(1): NYPD would hold")),
                "the decisive finding the README's comment shows:\n" + printed);
    }

    /** The first {@code ```java} block after the section heading, without its fences. */
    static String javaBlockOf(String readme) {
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, README + " has no section '" + SECTION + "'");
        Matcher block = Pattern.compile("(?ms)^```java\\n(.*?)^```$").matcher(readme);
        assertTrue(block.find(section), README + ": no ```java block in '" + SECTION + "'");
        return block.group(1);
    }

    /** Runs the example's main method here, with its standard output captured (the tests run one at a time). */
    private String runMain(String className) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             PrintStream into = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(into);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
