package org.sanctuaryrules.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.sanctuaryrules.internal.watch.Watcher;

/**
 * {@code serve --watch}: reloads the server's rules when a rule or data file is saved, once the saves have stopped
 * for a moment (an editor writes a file in steps). A save that breaks the rules leaves the last good ones in service
 * ({@link DecisionServer#reload()}). One daemon thread; {@link #close()} ends it.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final long QUIET_MILLIS = 300;

    private final WatchService service;
    private final Thread thread;
    private final java.util.function.Consumer<List<org.sanctuaryrules.engine.Problem>> afterReload;

    public RulesWatcher(DecisionServer server, List<Path> directories) throws IOException {
        this(server, directories, problems -> { });
    }

    /** @param afterReload told the problems of each reload the watcher made (empty: the new rules are in service) */
    public RulesWatcher(DecisionServer server, List<Path> directories,
                        java.util.function.Consumer<List<org.sanctuaryrules.engine.Problem>> afterReload)
            throws IOException {
        this.afterReload = afterReload;
        service = FileSystems.getDefault().newWatchService();
        for (Path dir : directories) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path d : tree.filter(Files::isDirectory).toList()) {
                    d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
        thread = new Thread(() -> loop(server), "rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(DecisionServer server) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean changed = ruleFileChanged(service.take());
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed |= ruleFileChanged(more);
                }
                if (changed) {
                    afterReload.accept(server.reload());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ruleFileChanged(WatchKey key) {
        boolean changed = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && Watcher.isRuleFile(dir.resolve(name))) {
                changed = true;
            }
        }
        key.reset();
        return changed;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
