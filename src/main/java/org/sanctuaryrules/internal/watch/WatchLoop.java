package org.sanctuaryrules.internal.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Feeds file saves to a {@link Watcher}: watches the rule directories and the scenario folders, waits until saves
 * stop for a moment (editors write a file in several steps, and a save often touches several files), then re-runs
 * once. Runs until the thread is interrupted or the JVM stops (Ctrl-C).
 */
public final class WatchLoop {
    /** How long the files must stay quiet before a re-run. */
    private static final long QUIET_MILLIS = 300;

    private final Watcher watcher;
    private final WatchRoundText text;
    private final Function<WatchRound, String> afterRound;

    public WatchLoop(Watcher watcher) {
        this(watcher, new WatchRoundText(), round -> "");
    }

    /**
     * @param afterRound called after each round is shown (to append its decision records, say); what it returns is
     *                   shown after the round (a failure to report, or nothing)
     */
    public WatchLoop(Watcher watcher, WatchRoundText text, Function<WatchRound, String> afterRound) {
        this.watcher = watcher;
        this.text = text;
        this.afterRound = afterRound;
    }

    /** Whether a save of this file calls for a re-run: rule and data files, and scenario files. */
    public static boolean relevant(Path file) {
        String name = file.getFileName().toString();
        return Watcher.isRuleFile(file) || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public void run(List<Path> directories, PrintWriter out) throws IOException {
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            // Watch before the first run, so a save made while it runs is not missed.
            for (Path dir : directories) {
                registerTree(service, dir);
            }
            show(watcher.start(), out);
            out.println("watching " + directories + " for saves; Ctrl-C ends");
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new LinkedHashSet<>();
                collect(service, service.take(), changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(service, more, changed);
                }
                if (!changed.isEmpty()) {
                    show(watcher.onChange(changed), out);
                    out.flush();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void show(WatchRound round, PrintWriter out) {
        out.print(text.render(round));
        out.print(afterRound.apply(round));
    }

    private static void collect(WatchService service, WatchKey key, Set<Path> changed) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path file = dir.resolve(name);
                if (Files.isDirectory(file)) {
                    registerTree(service, file); // a new scenario folder
                } else if (relevant(file)) {
                    changed.add(file);
                }
            }
        }
        key.reset();
    }

    private static void registerTree(WatchService service, Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path d : tree.filter(Files::isDirectory).toList()) {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
