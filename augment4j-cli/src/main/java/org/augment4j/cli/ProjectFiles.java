package org.augment4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files the project ships ({@code pipelines/}, {@code samples/}) for the demo: only in the folder named by
 * {@code -Daugment4j.home} when it is set (the launcher sets it to the repository root), else above the working
 * directory or above the jar; failing that, the demo uses the copies embedded in the jar under {@code /augment4j/},
 * extracted to a temporary folder.
 */
final class ProjectFiles {
    /** Where the project's files are embedded on the class path. */
    static final String RESOURCE_ROOT = "/augment4j/";

    private ProjectFiles() {}

    /** The project file {@code relative} (such as {@code pipelines/article.json}) on disk, if one is found. */
    static Optional<Path> find(String relative) {
        String home = System.getProperty("augment4j.home");
        if (home != null) {
            Path p = Paths.get(home).resolve(relative);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        Optional<Path> p = above(Paths.get("").toAbsolutePath(), relative);
        if (p.isPresent()) return p;
        return jarFolder().flatMap(dir -> above(dir, relative));
    }

    private static Optional<Path> above(Path start, String relative) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(relative);
            if (Files.exists(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Optional<Path> jarFolder() {
        try {
            var src = ProjectFiles.class.getProtectionDomain().getCodeSource();
            if (src == null) return Optional.empty();
            Path p = Paths.get(src.getLocation().toURI()).toAbsolutePath();
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the jar embeds {@code relative}. */
    static boolean embedded(String relative) {
        return ProjectFiles.class.getResource(RESOURCE_ROOT + relative) != null;
    }

    /** Copies the embedded {@code relative} to {@code dir/relative}; fails if the jar does not embed it. */
    static Path extract(String relative, Path dir) {
        Path target = dir.resolve(relative);
        try (InputStream in = ProjectFiles.class.getResourceAsStream(RESOURCE_ROOT + relative)) {
            if (in == null) throw Errors.bad("the jar does not embed " + relative);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + relative + ": " + e.getMessage(), e);
        }
    }

    /** A temporary folder deleted when the JVM exits. */
    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("augment4j-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
