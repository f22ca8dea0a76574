package org.sanctuaryrules.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * The scenario files found under some paths, each loaded but not judged. Loading needs no rules, so a caller can
 * load while the rules compile; {@link ScenarioRunner#runAll(ScenarioFiles)} judges them.
 *
 * @param paths the files and directories asked for
 * @param files the scenario files found, in the order they are run
 * @param loads each file's load result, in the same order
 */
public record ScenarioFiles(List<Path> paths, List<Path> files, List<LoadResult> loads) {
    public ScenarioFiles {
        paths = List.copyOf(paths);
        files = List.copyOf(files);
        loads = List.copyOf(loads);
    }

    /** Finds and loads the scenario files under the paths, on every core (the loader is thread-safe). */
    public static ScenarioFiles load(ScenarioLoader loader, List<Path> paths) {
        List<Path> files = loader.discover(paths);
        return new ScenarioFiles(paths, files, files.parallelStream().map(loader::load).toList());
    }
}
