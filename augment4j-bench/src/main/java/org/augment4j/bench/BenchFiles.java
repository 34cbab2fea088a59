package org.augment4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;

/** The repository files the benchmarks read: the root holding {@code pipelines/article.json}, and the perf images. */
final class BenchFiles {
    private BenchFiles() {}

    /** The repository root: {@code -Daugment4j.home}, or the working folder or the nearest folder above it holding {@code pipelines/article.json}. */
    static Path home() {
        String prop = System.getProperty("augment4j.home");
        Path dir = Path.of(prop != null ? prop : "").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pipelines/article.json"))) return d;
        }
        throw new UncheckedIOException(new IOException("cannot find pipelines/article.json above " + dir
                + "; run from the augment4j repository or pass -Daugment4j.home=DIR"));
    }

    /** The six 512 x 512 RGB images of the comparison with Albumentations: {@code -Daugment4j.perfImages=DIR}, else {@code testdata/perf/images}. */
    static Path perfImagesDir() {
        String prop = System.getProperty("augment4j.perfImages");
        return prop != null ? Path.of(prop) : home().resolve("testdata/perf/images");
    }

    /** The .png and .jpg files of a folder, sorted by name; at least one. */
    static List<Path> imageFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
            }).sorted().toList();
            if (files.isEmpty()) throw new IOException("no .png or .jpg images in " + dir);
            return files;
        }
    }

    /** The images of a folder as RGB matrices, owned by the caller. */
    static List<Mat> readImages(Path dir) throws IOException {
        List<Mat> images = new ArrayList<>();
        for (Path p : imageFiles(dir)) images.add(ImageIO.readRgb(p));
        return images;
    }
}
