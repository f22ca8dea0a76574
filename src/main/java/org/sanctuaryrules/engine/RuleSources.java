package org.sanctuaryrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the files of a rule set: the top level of a directory, or the shipped {@code rules/} on the classpath. */
public final class RuleSources {
    static final String SHIPPED = "rules/";
    /**
     * Largest rule or data file read. The shipped files are 3 – 40 KB; a file past this is refused from its size,
     * before it is read, so a runaway file (a 60 MB note in the register) is an error rather than an out-of-memory.
     */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private RuleSources() {
    }

    static boolean isRuleSetFile(String name) {
        return name.endsWith(".drl") || name.equals(ProvisionRegister.FILE_NAME) || name.equals(FelonyList.FILE_NAME);
    }

    /**
     * The rule files and data files directly inside {@code dir}, sorted by name; for an overlay directory
     * ({@link RuleOverlay}), its files laid over its base's.
     */
    public static List<SourceFile> fromDirectory(Path dir) throws IOException {
        if (RuleOverlay.isOverlay(dir)) {
            return RuleOverlay.sources(dir);
        }
        return plainDirectory(dir);
    }

    static List<SourceFile> plainDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (Files.isRegularFile(p) && isRuleSetFile(p.getFileName().toString())) {
                    files.add(new SourceFile(p.toString(), read(p)));
                }
            }
        }
        return files;
    }

    /** The file's text; a file over {@link #MAX_FILE_BYTES} or not UTF-8 is a {@link RuleFileException} with its place. */
    static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new RuleFileException(Problem.error(file.toString(), 0, 0, "", "the file is " + size
                    + " bytes; rule and data files are limited to " + MAX_FILE_BYTES / 1024 + " KB"));
        }
        return decode(file.toString(), Files.readAllBytes(file));
    }

    /** Strict UTF-8: a binary or mis-encoded file is reported at the line and column of its first bad byte. */
    static String decode(String name, byte[] bytes) throws RuleFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        throw new RuleFileException(Problem.error(name, line, bad - lineStart + 1, "",
                "is not UTF-8 text (byte " + (bad + 1) + " of the file); save it as UTF-8"));
    }

    /** The version (content hash) of the shipped rule set, read without compiling it. */
    public static String shippedVersion() {
        return RuleSet.hash(shipped());
    }

    /** The rule set packed into the jar (or, in a build tree, into target/classes). */
    public static List<SourceFile> shipped() {
        URL marker = RuleSources.class.getClassLoader().getResource(SHIPPED + ProvisionRegister.FILE_NAME);
        if (marker == null) {
            throw new IllegalStateException("the shipped rules are missing from the classpath");
        }
        try {
            if ("file".equals(marker.getProtocol())) {
                List<SourceFile> files = plainDirectory(Path.of(marker.toURI()).getParent());
                // Report shipped files as rules/NAME, the path an analyst edits.
                return files.stream().map(f -> new SourceFile(SHIPPED + f.simpleName(), f.content())).toList();
            }
            return fromJar(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceFile> fromJar(URL marker) throws IOException {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        List<SourceFile> files = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(SHIPPED) && name.indexOf('/', SHIPPED.length()) < 0
                        && isRuleSetFile(name.substring(SHIPPED.length()))) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.add(new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return files;
    }
}
