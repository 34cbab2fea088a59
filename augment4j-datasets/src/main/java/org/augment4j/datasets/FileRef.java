package org.augment4j.datasets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.augment4j.OutsidePaths;

/**
 * A file that a dataset's data names (an annotation's image name, or an entry found in one of its folders), resolved
 * in the folder it belongs to under an {@link OutsidePaths} rule.
 *
 * @param path    where the file is, or null when the name is not a path at all
 * @param problem why it may not be read, or null when it may
 */
record FileRef(Path path, String problem) {
    /** {@code name} resolved in {@code folder}. */
    static FileRef named(Path folder, String name, OutsidePaths outside) {
        try {
            return found(folder, folder.resolve(name), outside);
        } catch (InvalidPathException e) {
            return new FileRef(null, "is not a valid path: " + e.getReason());
        }
    }

    /** A file already found in (or below) {@code folder}, e.g. by listing it. */
    static FileRef found(Path folder, Path file, OutsidePaths outside) {
        return new FileRef(file, outside.problem(folder, file));
    }

    /** The problem as a report line about {@code entry}: {@code "<entry> <problem>; skipped"}. */
    String skipped(String entry) {
        return entry + " " + problem + "; skipped";
    }
}
