package org.sanctuaryrules.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets on disk, by the content hash of their rule files, so that checking or running the same rules
 * again does not compile them again (compiling to the executable model takes seconds; loading, under a second).
 * An entry holds the classes as compiled, before the guards are woven in. Nothing read from the cache is trusted:
 * every entry is verified again ({@link CompiledRuleCheck}) before it is used, so a file planted in the cache
 * directory can do no more than a rule file could. An entry also records a hash of each engine class its code
 * calls, and is ignored when one of them has changed since (a rebuilt engine).
 */
final class CompiledRuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
    /** Bump when the entry format or the way rules are compiled changes. */
    private static final String FORMAT = "1";
    private static final String MODELS = "models.txt";
    private static final String LINKS = "links.txt";

    private final Path directory;

    CompiledRuleCache(Path directory) {
        this.directory = directory;
    }

    /** The key of a rule set: its rule files (names and text), the Drools version and the entry format. */
    static String key(List<SourceFile> drls) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("format " + FORMAT + "; drools " + droolsVersion() + "\0").getBytes(StandardCharsets.UTF_8));
            drls.stream().sorted((a, b) -> a.simpleName().compareTo(b.simpleName())).forEach(f -> {
                digest.update(f.simpleName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String droolsVersion() {
        String v = org.kie.api.KieServices.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /** The entry for the key, if there is one and the engine classes it calls are unchanged. */
    Optional<ModelCompiler.Output> load(String key) {
        Path file = directory.resolve(key + ".zip");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        Map<String, String> links = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(MODELS)) {
                    new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(models::add);
                } else if (e.getName().equals(LINKS)) {
                    new String(bytes, StandardCharsets.UTF_8).lines().map(l -> l.split(" ", 2))
                            .filter(p -> p.length == 2).forEach(p -> links.put(p[0], p[1]));
                } else if (e.getName().endsWith(".class")) {
                    classes.put(e.getName().substring(0, e.getName().length() - ".class".length()), bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
        if (classes.isEmpty() || models.isEmpty() || !links.equals(links(classes))) {
            return Optional.empty();
        }
        return Optional.of(new ModelCompiler.Output(classes, models, List.of()));
    }

    /** Drops an entry (one that failed verification). */
    void remove(String key) {
        try {
            Files.deleteIfExists(directory.resolve(key + ".zip"));
        } catch (IOException e) {
            LOG.debug("cannot remove the cache entry {}: {}", key, e.toString());
        }
    }

    /** Stores an entry; a cache that cannot be written is skipped, never an error. */
    void store(String key, ModelCompiler.Output compiled) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, key, ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                write(zip, MODELS, String.join("\n", compiled.models()).getBytes(StandardCharsets.UTF_8));
                StringBuilder links = new StringBuilder();
                links(compiled.classes()).forEach((k, v) -> links.append(k).append(' ').append(v).append('\n'));
                write(zip, LINKS, links.toString().getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                    write(zip, c.getKey() + ".class", c.getValue());
                }
            }
            try {
                Files.move(temp, directory.resolve(key + ".zip"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, directory.resolve(key + ".zip"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write the rule cache in {}: {}", directory, e.toString());
        }
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Each engine class the compiled code calls, with a hash of its class file as the engine has it now. */
    private static Map<String, String> links(Map<String, byte[]> classes) {
        Map<String, String> links = new TreeMap<>();
        for (byte[] bytes : classes.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            for (MethodNode m : node.methods) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.startsWith("org/sanctuaryrules/")) {
                        links.computeIfAbsent(call.owner, CompiledRuleCache::classHash);
                    }
                }
            }
        }
        return links;
    }

    private static String classHash(String internalName) {
        try (InputStream in = CompiledRuleCache.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return "missing";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
