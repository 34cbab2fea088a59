package org.augment4j;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a file named by data may be read when it lies outside the folder it belongs to. "Data" is what the user did
 * not type: a dataset's annotations ({@code file_name} in COCO, {@code <filename>} in Pascal VOC), the entries of a
 * dataset's folders (an image or label file may be a symbolic link), and the paths inside a pipeline file
 * ({@code reference_images}). Such a file could otherwise pull any readable image of the machine into the outputs.
 *
 * <p>{@link #REFUSE} is the default everywhere. A file is outside its folder when its path, with {@code ..} segments
 * resolved, is not below the folder (an absolute path elsewhere, {@code ../x.jpg}), or when the file exists and its
 * real path (all symbolic links followed) is not below the folder's real path. A missing file is not refused here: it
 * is reported when it is read, like any missing file. {@link #ALLOW} reads files wherever they lie, for trusted
 * layouts that really do point elsewhere.
 */
public enum OutsidePaths {
    /** Files outside their folder are refused (the default). */
    REFUSE,
    /** Files are read wherever they lie. */
    ALLOW;

    /**
     * Why {@code file} (a path as it would be opened: relative to the working directory when relative) may not be read as part of {@code folder}, or null when it may (always null for {@link #ALLOW}).
     * The reason names the folder and where the file leads, e.g. {@code "resolves to /etc/x.jpg, outside /data/images"}.
     */
    public String problem(Path folder, Path file) {
        if (this == ALLOW) return null;
        Path dir = folder.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(dir)) return "resolves to " + f + ", outside " + dir;
        try {
            Path real = f.toRealPath();
            Path realDir = dir.toRealPath();
            if (!real.startsWith(realDir)) return "leads through a symbolic link to " + real + ", outside " + realDir;
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "cannot be resolved: " + e.getMessage();
        }
    }

    /** Fails with an {@link IllegalArgumentException} naming {@code what} when {@link #problem} finds one. */
    public void require(Path folder, Path file, String what) {
        String p = problem(folder, file);
        if (p != null) throw new IllegalArgumentException(what + " " + file + " " + p + "; give --allow-outside-paths (OutsidePaths.ALLOW) if this layout is trusted");
    }
}
