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
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.opencv.ImageIO;

/**
 * Where a {@link Loader} takes its input samples from: an in-memory list, a folder of images, or a supplier the user
 * writes — an {@link Iterator} (read by one thread at a time, in order) or an indexed {@link IntFunction} (called from
 * several threads at once, so it must be thread-safe).
 *
 * <p>Ownership: a source either <em>lends</em> its samples (the loader never closes them; the default for
 * {@link #of(List)}) or <em>hands them over</em> (the loader closes each input as soon as the pipeline has run on it;
 * the default for folders, iterators and indexed suppliers, whose samples are usually fresh). {@link #borrowed()}
 * turns a handing-over source into a lending one.
 */
public final class SampleSource {
    private final int size;
    private final IntFunction<Sample> indexed;
    private final Iterator<Sample> iterator;
    private final boolean owned;

    private SampleSource(int size, IntFunction<Sample> indexed, Iterator<Sample> iterator, boolean owned) {
        this.size = size;
        this.indexed = indexed;
        this.iterator = iterator;
        this.owned = owned;
    }

    /** The samples of a list, lent: the caller keeps owning (and closes) them. The list must not change meanwhile. */
    public static SampleSource of(List<Sample> samples) {
        List<Sample> copy = List.copyOf(Objects.requireNonNull(samples, "samples"));
        return new SampleSource(copy.size(), copy::get, null, false);
    }

    /**
     * Every PNG and JPEG file directly in {@code folder} ({@code .png}, {@code .jpg}, {@code .jpeg}, any case), in
     * order of file name, each read as 3-channel RGB uint8 by {@link ImageIO#readRgb}. The loader reads and closes them.
     *
     * @throws IllegalArgumentException if the folder does not exist or holds no such image
     */
    public static SampleSource folder(Path folder) {
        List<Path> files = imagesIn(folder);
        return new SampleSource(files.size(), i -> Sample.of(ImageIO.readRgb(files.get(i))), null, true);
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

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /**
     * The samples an iterator returns, handed over: the loader closes each after use. The iterator is called by one
     * loader thread at a time, in order; it may block, and it ends the source when {@code hasNext()} is false.
     */
    public static SampleSource iterator(Iterator<Sample> samples) {
        return new SampleSource(-1, null, Objects.requireNonNull(samples, "samples"), true);
    }

    /**
     * Samples {@code 0 .. count-1} made by {@code supplier}, handed over: the loader closes each after use. The supplier
     * is called from several loader threads at once and must be thread-safe.
     */
    public static SampleSource indexed(int count, IntFunction<Sample> supplier) {
        if (count < 0) throw new IllegalArgumentException("sample count must be >= 0, got " + count);
        return new SampleSource(count, Objects.requireNonNull(supplier, "supplier"), null, true);
    }

    /** This source lending its samples: the loader never closes them. */
    public SampleSource borrowed() {
        return new SampleSource(size, indexed, iterator, false);
    }

    /** Whether the loader closes each input sample after the pipeline has run on it. */
    public boolean closesInputs() {
        return owned;
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
