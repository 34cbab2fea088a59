package org.augment4j;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's test data ({@code testdata/} at its root; its README says what each file is and where it came
 * from). Maven runs a module's tests in the module's folder, so the folder is {@code ../testdata}; a run from the
 * repository root (some IDEs) finds {@code testdata} itself. Nothing outside the repository is read.
 */
public final class TestData {
    private TestData() {}

    public static Path root() {
        for (Path candidate : new Path[] {Path.of("..", "testdata"), Path.of("testdata")}) {
            if (Files.isRegularFile(candidate.resolve("README.md"))) return candidate.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("cannot find the repository's testdata/ folder from " + Path.of("").toAbsolutePath()
                + ": run the tests from the repository root or a module folder (mvn -B test does)");
    }

    /** Albumentations 1.3.1's reference cases (golden/README.md). */
    public static Path golden() {
        return folder("golden");
    }

    /** Real photos, the COCO subset and its YOLO, VOC and mask versions (data/SOURCES.md). */
    public static Path data() {
        return folder("data");
    }

    /** A file or folder under {@code data/}, which must exist. */
    public static Path data(String relative) {
        Path p = data().resolve(relative);
        if (!Files.exists(p)) throw new IllegalStateException("missing test file testdata/data/" + relative + " (" + p + ")");
        return p;
    }

    /**
     * A classification dataset in torchvision's {@code ImageFolder} layout made of the bundled photos: photo {@code i}
     * of {@code photos} (names under {@code data/photos/}) is copied to {@code root/<classOf(i)>/<name>}.
     *
     * @return {@code root}
     */
    public static Path imageFolder(Path root, java.util.function.IntFunction<String> classOf, String... photos) throws java.io.IOException {
        for (int i = 0; i < photos.length; i++) {
            Path dir = Files.createDirectories(root.resolve(classOf.apply(i)));
            Files.copy(data("photos/" + photos[i]), dir.resolve(photos[i]));
        }
        return root;
    }

    private static Path folder(String name) {
        Path p = root().resolve(name);
        if (!Files.isDirectory(p)) throw new IllegalStateException("missing test data folder testdata/" + name + " (" + p + ")");
        return p;
    }
}
