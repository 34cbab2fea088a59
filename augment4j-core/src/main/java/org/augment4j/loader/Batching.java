package org.augment4j.loader;

import java.util.Objects;

/**
 * How {@link Loader#batches(Batching)} groups samples: the batch size, whether a last partial batch is dropped (PyTorch's
 * {@code drop_last}) and the normalisation applied while stacking the images. Immutable; the {@code with…} methods
 * return a new value.
 *
 * <pre>{@code
 * loader.batches(Batching.of(32).dropLast(true).normalization(Normalization.IMAGENET))
 * }</pre>
 */
public final class Batching {
    private final int size;
    private final boolean dropLast;
    private final Normalization normalization;

    private Batching(int size, boolean dropLast, Normalization normalization) {
        if (size < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + size);
        this.size = size;
        this.dropLast = dropLast;
        this.normalization = normalization;
    }

    /** Batches of {@code size} (1 or more) samples; the last one may be smaller; values stacked as they are. */
    public static Batching of(int size) {
        return new Batching(size, false, null);
    }

    /** These batches, dropping a last batch smaller than {@link #size()} when {@code drop} is true (default false). */
    public Batching dropLast(boolean drop) {
        return new Batching(size, drop, normalization);
    }

    /** These batches with each image normalised while stacked (see {@link Normalization}); null: values kept (default). */
    public Batching normalization(Normalization n) {
        return new Batching(size, dropLast, n);
    }

    /** The number of samples in every batch but possibly the last. */
    public int size() {
        return size;
    }

    /** Whether a last batch smaller than {@link #size()} is dropped (its samples closed unseen). */
    public boolean dropLast() {
        return dropLast;
    }

    /** The normalisation applied while stacking, or null for none. */
    public Normalization normalization() {
        return normalization;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batching b && size == b.size && dropLast == b.dropLast && Objects.equals(normalization, b.normalization);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, dropLast, normalization);
    }

    @Override
    public String toString() {
        return "Batching[size=" + size + ", dropLast=" + dropLast + ", normalization=" + normalization + "]";
    }
}
