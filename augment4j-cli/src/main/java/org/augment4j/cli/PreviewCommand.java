package org.augment4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.augment4j.Compose;
import org.augment4j.Seeds;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.datasets.MaskFolders;
import org.augment4j.datasets.ObjectAugmenter;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j preview}: a contact sheet of {@code n} random augmentations of random images of a labelled dataset
 * (COCO, YOLO, Pascal VOC or mask folders, read as {@code augment4j run} reads them), with the objects' boxes, category
 * names, keypoints (joined by the format's skeleton, COCO's person skeleton) and masks drawn. Image choice and
 * augmentation depend only on {@code --seed}, so the same seed gives the same PNG, byte for byte.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a contact sheet of N random augmentations of random images of a dataset, with boxes, "
                + "category names, keypoints (and skeleton) and masks, to check a pipeline by eye.",
            "Dataset layouts are those of 'augment4j run' (every split; --annotations and --data name the files). The same --seed gives the same sheet.",
            "Notes on what was adjusted while reading (boxes clipped to the image…) are printed on stderr.",
            "Exit codes: 0 success, 2 bad input, 3 sheet written but the dataset had annotation problems (entries left out, listed on stderr)."})
public final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--n", defaultValue = "16", paramLabel = "N", description = "Augmentations on the sheet (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed for image choice and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "preview.png", paramLabel = "FILE.png", description = "The PNG to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--thumb-height", defaultValue = "256", paramLabel = "PX", description = "Height of the thumbnails (default: ${DEFAULT-VALUE}).")
    int thumbHeight;

    @Override
    public Integer call() {
        if (n < 1 || n > 1024) throw Errors.bad("--n must be in [1, 1024], got " + n);
        if (thumbHeight < 16 || thumbHeight > 4096) throw Errors.bad("--thumb-height must be in [16, 4096], got " + thumbHeight);
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) throw Errors.bad("--out must name a .png file, got " + out);
        if (Files.isDirectory(out)) throw Errors.bad("--out " + out + " is a folder; give a .png file name");
        DatasetOptions.Loaded loaded = data.load(spec.commandLine().getErr(), "preview");
        Compose compose = loaded.pipeline();
        loaded.problems().forEach(p -> spec.commandLine().getErr().println("preview: annotation problem: " + p));
        loaded.notes().forEach(p -> spec.commandLine().getErr().println("preview: note: " + p));
        // Every split's images, each with the dataset (categories, keypoint layout) it belongs to.
        List<DatasetImage> images = new ArrayList<>();
        List<Dataset> owners = new ArrayList<>();
        for (DatasetSplit split : loaded.splits()) {
            for (DatasetImage img : split.dataset().images()) {
                images.add(img);
                owners.add(split.dataset());
            }
        }
        if (images.isEmpty()) throw Errors.bad("dataset " + data.input + " (" + data.format + ") has no images");

        RandomGenerator pick = Seeds.generator(seed);
        List<BufferedImage> thumbs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int chosen = pick.nextInt(images.size());
            DatasetImage img = images.get(chosen);
            Dataset dataset = owners.get(chosen);
            long s = Seeds.mix(seed, i);
            try {
                thumbs.add(thumbnail(new ObjectAugmenter(compose, dataset.flipIndex()), dataset, img, s, PreviewLabels.skeleton(dataset)));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw Errors.bad(img.file() + " (seed " + s + "): " + Errors.describe(e));
            }
        }
        int cols = columns(n), cellWidth = thumbs.stream().mapToInt(BufferedImage::getWidth).max().orElse(thumbHeight);
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (int i = 0; i < thumbs.size(); i++) {
            if (i % cols == 0) rows.add(new ArrayList<>());
            rows.get(rows.size() - 1).add(Preview.cell(thumbs.get(i), cellWidth, thumbHeight));
        }
        BufferedImage sheet = Preview.sheet(rows);
        write(sheet);
        spec.commandLine().getOut().printf("preview: %d augmentations of %d images (seed %d), %dx%d grid, %dx%d px; wrote %s%n",
                n, images.size(), seed, cols, rows.size(), sheet.getWidth(), sheet.getHeight(), out);
        spec.commandLine().getOut().flush();
        return loaded.problems().isEmpty() ? 0 : RunCommand.SKIPPED;
    }

    /** Columns of the grid: {@code ceil(sqrt(n))}, so the sheet is about square in cells. */
    static int columns(int n) {
        int c = (int) Math.ceil(Math.sqrt(n));
        while (c * c < n) c++;
        while (c > 1 && (c - 1) * (c - 1) >= n) c--;
        return c;
    }

    /** One augmentation of {@code img} drawn with its surviving objects. */
    private BufferedImage thumbnail(ObjectAugmenter augmenter, Dataset dataset, DatasetImage img, long s, List<int[]> skeleton) {
        return AugmentedPicture.of(augmenter, dataset, img, s, skeleton, thumbHeight).picture();
    }

    private void write(BufferedImage sheet) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!javax.imageio.ImageIO.write(sheet, "png", out.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
