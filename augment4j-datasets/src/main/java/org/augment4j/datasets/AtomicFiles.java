package org.augment4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic file writes: the content goes to a hidden temporary file in the same folder, which is then renamed over the
 * target, so a reader (or a resumed run) sees either the old file or the complete new one. Stateless.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code file} atomically, creating the folder. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = temporary(file);
        Files.write(tmp, bytes);
        move(tmp, file);
    }

    /** A fresh temporary path beside {@code file}, keeping its extension (so image encoders pick the format). */
    public static Path temporary(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        return Files.createTempFile(dir, ".tmp-" + (dot < 0 ? name : name.substring(0, dot)) + "-", ext);
    }

    /** Renames {@code tmp} over {@code file} atomically. */
    public static void move(Path tmp, Path file) throws IOException {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
