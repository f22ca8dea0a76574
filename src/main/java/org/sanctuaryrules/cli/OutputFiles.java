package org.sanctuaryrules.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files a command writes: checked before any work is done, and failures said in words rather than exception names. */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Why {@code file} cannot be written, or {@code null} if it can be tried: its folder must exist, and it must not be
     * a folder itself.
     */
    static String problem(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return "the folder " + file.getParent() + " does not exist; create it first";
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder; give a file name";
        }
        return null;
    }

    /** Why writing {@code file} failed: a missing folder said as such, else {@link #describe}. */
    static String why(Path file, IOException e) {
        String problem = problem(file);
        return problem != null ? problem : describe(e);
    }

    /** An I/O failure as a reader wants it: what went wrong with which file, not the exception's class. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
