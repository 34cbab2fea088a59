package org.augment4j.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.opencv.ImageIO;

/**
 * Where a {@link Loader} takes its input samples from: an in-memory list, a folder of images, a classification dataset
 * of class folders ({@link #imageFolder(Path)}), or a supplier the user
 * writes — an {@link Iterator} (read by one thread at a time, in order) or an indexed {@link IntFunction} (called from
 * several threads at once, so it must be thread-safe).
 *
 * <p>Ownership: a source either <em>lends</em> its samples (the loader never closes them; the default for
 * {@link #of(List)}) or <em>hands them over</em> (the loader closes each input as soon as the pipeline has run on it;
 * the default for folders, iterators and indexed suppliers, whose samples are usually fresh). {@link #borrowed()}
 * turns a handing-over source into a lending one.
 *
 * <p>Samples read from files carry their file in {@link Sample#metadata()} under {@link #PATH}; samples of a
 * class-folder dataset ({@link #imageFolder(Path)}) also carry their class index under {@link #CLASS_INDEX}. Both keys
 * survive a pipeline (transforms never drop metadata), so {@link #path(Sample)} and {@link #classIndex(Sample)} read them
 * on augmented samples too.
 */
public final class SampleSource {
    /** The {@link Sample#metadata()} key of a sample's class index (an {@link Integer}, 0-based into {@link #classes()}). */
    public static final String CLASS_INDEX = "class_index";
    /** The {@link Sample#metadata()} key of the file a sample was read from (a {@link Path}). */
    public static final String PATH = "path";

    private final int size;
    private final IntFunction<Sample> indexed;
    private final Iterator<Sample> iterator;
    private final boolean owned;
    private final List<String> classes;

    private SampleSource(int size, IntFunction<Sample> indexed, Iterator<Sample> iterator, boolean owned, List<String> classes) {
        this.size = size;
        this.indexed = indexed;
        this.iterator = iterator;
        this.owned = owned;
        this.classes = classes;
    }

    /** The samples of a list, lent: the caller keeps owning (and closes) them. The list must not change meanwhile. */
    public static SampleSource of(List<Sample> samples) {
        List<Sample> copy = List.copyOf(Objects.requireNonNull(samples, "samples"));
        return new SampleSource(copy.size(), copy::get, null, false, List.of());
    }

    /**
     * Every PNG and JPEG file directly in {@code folder} ({@code .png}, {@code .jpg}, {@code .jpeg}, any case), in
     * order of file name, each read as 3-channel RGB uint8 by {@link ImageIO#readRgb}, its file under {@link #PATH} in
     * its metadata. The loader reads and closes them.
     *
     * @throws IllegalArgumentException if the folder does not exist or holds no such image
     */
    public static SampleSource folder(Path folder) {
        List<Path> files = imagesIn(folder);
        return new SampleSource(files.size(), i -> Sample.of(ImageIO.readRgb(files.get(i))).withMetadata(PATH, files.get(i)), null, true, List.of());
    }

    /**
     * A classification dataset in torchvision's {@code ImageFolder} layout, {@code root/<class>/<image>}: classes are the
     * sub-folder names sorted, images are listed as {@link ImageFolder} states (now, once) and read lazily by the loader's
     * threads as 3-channel RGB uint8, each with its class index under {@link #CLASS_INDEX} and its file under
     * {@link #PATH}. {@link #classes()} gives the class names. The loader closes the samples it reads.
     *
     * @throws IllegalArgumentException if {@code root} is not a folder, holds no class folder or a class without image
     */
    public static SampleSource imageFolder(Path root) {
        return imageFolder(ImageFolder.scan(root));
    }

    /** The images of a listed {@link ImageFolder}: see {@link #imageFolder(Path)}. */
    public static SampleSource imageFolder(ImageFolder dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return new SampleSource(dataset.size(), dataset::read, null, true, dataset.classes());
    }

    /** The PNG and JPEG files directly in {@code folder}, in the order {@link #folder(Path)} reads them. */
    public static List<Path> imagesIn(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("image folder " + folder + " does not exist or is not a folder");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(SampleSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list image folder " + folder, e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("image folder " + folder + " holds no .png, .jpg or .jpeg file");
        return files;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /**
     * The samples an iterator returns, handed over: the loader closes each after use. The iterator is called by one
     * loader thread at a time, in order; it may block, and it ends the source when {@code hasNext()} is false.
     */
    public static SampleSource iterator(Iterator<Sample> samples) {
        return new SampleSource(-1, null, Objects.requireNonNull(samples, "samples"), true, List.of());
    }

    /**
     * Samples {@code 0 .. count-1} made by {@code supplier}, handed over: the loader closes each after use. The supplier
     * is called from several loader threads at once and must be thread-safe.
     */
    public static SampleSource indexed(int count, IntFunction<Sample> supplier) {
        if (count < 0) throw new IllegalArgumentException("sample count must be >= 0, got " + count);
        return new SampleSource(count, Objects.requireNonNull(supplier, "supplier"), null, true, List.of());
    }

    /** This source lending its samples: the loader never closes them. */
    public SampleSource borrowed() {
        return new SampleSource(size, indexed, iterator, false, classes);
    }

    /**
     * This source in an order shuffled by {@code seed}: sample {@code i} of the result is sample {@code perm[i]} of this
     * one, {@code perm} a permutation drawn by a Fisher-Yates shuffle from {@code Seeds.generator(seed)}. The same seed
     * gives the same order on every run; use a different seed each epoch (as PyTorch's {@code shuffle=True} does). Keeps
     * the ownership and the classes. The permutation is drawn now, in O(size).
     *
     * @throws IllegalStateException for an iterator source, whose size is unknown
     */
    public SampleSource shuffled(long seed) {
        if (indexed == null) throw new IllegalStateException("an iterator source cannot be shuffled (its size is unknown); shuffle what it iterates");
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) perm[i] = i;
        RandomGenerator rng = Seeds.generator(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        IntFunction<Sample> base = indexed;
        return new SampleSource(size, i -> base.apply(perm[i]), null, owned, classes);
    }

    /**
     * The class names of a class-folder source ({@link #imageFolder(Path)}), sorted; a sample's {@link #CLASS_INDEX}
     * points into this list. Empty for other sources. Unmodifiable.
     */
    public List<String> classes() {
        return classes;
    }

    /** The class index a source stored in {@code sample}'s metadata under {@link #CLASS_INDEX}, or -1 if it holds none. */
    public static int classIndex(Sample sample) {
        return sample.metadata().get(CLASS_INDEX) instanceof Integer i ? i : -1;
    }

    /** The file a source read {@code sample} from (its metadata under {@link #PATH}), or null if it holds none. */
    public static Path path(Sample sample) {
        return sample.metadata().get(PATH) instanceof Path p ? p : null;
    }

    /** Whether the loader closes each input sample after the pipeline has run on it. */
    public boolean closesInputs() {
        return owned;
    }

    /**
     * The sample at {@code index} of a sized source (a list, a folder, an image folder, an indexed supplier), for random
     * access such as a training framework's dataset. A source that {@link #closesInputs() closes its inputs} hands
     * over a fresh sample the caller closes; a list's samples are lent.
     *
     * @throws UnsupportedOperationException for an iterator source
     * @throws IndexOutOfBoundsException     outside {@code [0, size())}
     */
    public Sample get(int index) {
        if (indexed == null) throw new UnsupportedOperationException("an iterator source has no random access; use a list, folder or indexed source");
        java.util.Objects.checkIndex(index, size);
        return indexed.apply(index);
    }

    /** The number of samples, or -1 for an iterator (unknown until it ends). */
    public int size() {
        return size;
    }

    IntFunction<Sample> indexedSupplier() {
        return indexed;
    }

    Iterator<Sample> iteratorSupplier() {
        return iterator;
    }
}
