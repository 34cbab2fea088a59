package org.augment4j.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.opencv.ImageIO;

/**
 * A classification dataset laid out as torchvision's {@code ImageFolder} expects: {@code root/<class>/<image>}, one
 * folder per class. What {@link SampleSource#imageFolder(Path)} reads; use this class for the listing itself (class
 * names, files, labels) without reading any pixels.
 *
 * <ul>
 *   <li><b>Classes</b>: the names of the folders directly in {@code root}, sorted ({@link String#compareTo}); class
 *       {@code i} is the {@code i}-th name, as torchvision's {@code find_classes}. Files directly in {@code root} are
 *       ignored.</li>
 *   <li><b>Images</b>: every {@code .png}, {@code .jpg} and {@code .jpeg} file (any case, as
 *       {@link SampleSource#folder(Path)}) in a class folder or any folder below it (links followed), ordered as
 *       torchvision orders them: by class, then by the path of the file's folder, then by file name. Other files are
 *       skipped.</li>
 *   <li><b>Hidden entries</b>: folders and files whose name starts with {@code .} (such as {@code .ipynb_checkpoints}
 *       or macOS' {@code ._photo.jpg}) are skipped, where torchvision would take them as a class or an image.</li>
 * </ul>
 *
 * The listing is made once, by {@link #scan(Path)}; immutable afterwards.
 */
public final class ImageFolder {
    /** One image of the dataset: its file and the index of its class in {@link #classes()}. */
    public record Item(Path path, int classIndex) {
        /** @throws IllegalArgumentException if {@code classIndex} is negative */
        public Item {
            Objects.requireNonNull(path, "path");
            if (classIndex < 0) throw new IllegalArgumentException("classIndex must be >= 0, got " + classIndex);
        }
    }

    private final Path root;
    private final List<String> classes;
    private final List<Item> items;

    private ImageFolder(Path root, List<String> classes, List<Item> items) {
        this.root = root;
        this.classes = classes;
        this.items = items;
    }

    /**
     * Lists the dataset under {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not a folder, holds no class folder, or a class folder holds
     *                                  no image (as torchvision, which refuses empty classes)
     * @throws UncheckedIOException     if a folder cannot be listed (or links make a loop)
     */
    public static ImageFolder scan(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("image folder root " + root + " does not exist or is not a folder");
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !hidden(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list image folder root " + root, e);
        }
        if (classDirs.isEmpty()) throw new IllegalArgumentException("image folder root " + root + " holds no class folder (root/<class>/<image>)");
        List<String> classes = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Path dir : classDirs) {
            int index = classes.size();
            classes.add(dir.getFileName().toString());
            List<Path> files = imagesBelow(dir);
            if (files.isEmpty()) throw new IllegalArgumentException("class folder " + dir + " holds no .png, .jpg or .jpeg file");
            for (Path f : files) items.add(new Item(f, index));
        }
        return new ImageFolder(root, Collections.unmodifiableList(classes), Collections.unmodifiableList(items));
    }

    /** The images in and below a class folder, in torchvision's order: by folder path, then by file name. */
    private static List<Path> imagesBelow(Path dir) {
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(p -> !p.equals(dir))
                    .filter(p -> !hiddenBelow(dir, p))
                    .filter(Files::isRegularFile)
                    .filter(SampleSource::isImage)
                    .sorted(Comparator.comparing((Path p) -> p.getParent().toString()).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list class folder " + dir, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot list class folder " + dir + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean hiddenBelow(Path dir, Path p) {
        for (Path part : dir.relativize(p)) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /** The folder the dataset was listed from. */
    public Path root() {
        return root;
    }

    /** The class names, sorted; a sample's class index points into this list. Unmodifiable. */
    public List<String> classes() {
        return classes;
    }

    /** Class name to class index, in class order: torchvision's {@code class_to_idx}. A new map each call. */
    public Map<String, Integer> classToIndex() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) m.put(classes.get(i), i);
        return m;
    }

    /** Every image with its class, in reading order: torchvision's {@code samples}. Unmodifiable. */
    public List<Item> items() {
        return items;
    }

    /** The class index of every image, in reading order: torchvision's {@code targets}. A new array each call. */
    public int[] targets() {
        return items.stream().mapToInt(Item::classIndex).toArray();
    }

    /** The number of images. */
    public int size() {
        return items.size();
    }

    /**
     * Reads image {@code i} as 3-channel RGB uint8 ({@link ImageIO#readRgb}) into a new sample, owned by the caller,
     * whose {@link Sample#metadata()} holds its class index under {@link SampleSource#CLASS_INDEX} (an
     * {@link Integer}) and its file under {@link SampleSource#PATH} (a {@link Path}).
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code 0 .. size()-1}
     * @throws UncheckedIOException      if the file cannot be read as an image
     */
    public Sample read(int i) {
        Item item = items.get(i);
        return Sample.of(ImageIO.readRgb(item.path()))
                .withMetadata(SampleSource.CLASS_INDEX, item.classIndex())
                .withMetadata(SampleSource.PATH, item.path());
    }

    /** The images as a source a {@link Loader} reads (lazily, on its worker threads) and closes: see {@link SampleSource#imageFolder(Path)}. */
    public SampleSource source() {
        return SampleSource.imageFolder(this);
    }
}
