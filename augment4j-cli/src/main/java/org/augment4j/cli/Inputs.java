package org.augment4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.augment4j.Compose;
import org.augment4j.OutsidePaths;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Npy;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reading the user's input files with messages that name the file and the problem. */
final class Inputs {
    private Inputs() {}

    static void requireFile(Path path, String what) {
        if (Files.isDirectory(path)) throw Errors.bad(what + " " + path + " is a directory, not a file");
        if (!Files.exists(path)) throw Errors.bad(what + " not found: " + path);
        if (!Files.isRegularFile(path)) throw Errors.bad(what + " " + path + " is not a regular file");
        if (!Files.isReadable(path)) throw Errors.bad(what + " is not readable: " + path);
    }

    /** Loads a {@code .json}, {@code .yaml} or {@code .yml} pipeline; errors name the file. */
    static Compose pipeline(Path path) {
        return pipeline(path, path.toString());
    }

    /** As {@link #pipeline(Path)}, naming the file {@code shown} in errors. */
    static Compose pipeline(Path path, String shown) {
        return pipeline(path, shown, OutsidePaths.REFUSE);
    }

    /** As {@link #pipeline(Path, String)}; {@code outside} says whether files it names may lie outside its folder. */
    static Compose pipeline(Path path, String shown, OutsidePaths outside) {
        requireFile(path, "pipeline file");
        try {
            return PipelineFile.load(path, PipelineFile.Options.defaults().withOutsidePaths(outside));
        } catch (IllegalArgumentException e) {
            throw Errors.bad("pipeline " + shown + ": " + e.getMessage());
        }
    }

    /** An image file as stored (uint8 RGB, RGBA or gray), or a float32 {@code .npy}. */
    static Mat image(Path path) {
        requireFile(path, "image file");
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            try {
                return Npy.read(path);
            } catch (UncheckedIOException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
                throw Errors.bad("image file " + path + " is not a readable float32 .npy: " + Errors.describe(e));
            }
        }
        return ImageIO.readImage(path);
    }

    static Mat mask(Path path) {
        requireFile(path, "mask file");
        return ImageIO.readMask(path);
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
