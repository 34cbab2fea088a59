package org.augment4j.loader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The batches of a {@link Loader}, in order: batch {@code k} stacks the loader's samples {@code k·size} to
 * {@code (k+1)·size - 1}, so the batches are as reproducible as the samples (same seed, same batches, whatever the
 * thread count). Made by {@link Loader#batches(Batching)}; iterated once, by one consumer thread.
 *
 * <p>The workers augment in parallel; stacking (one bulk conversion per channel, see {@link Tensors}) runs on the
 * consumer's thread in {@link #hasNext()} / {@link #next()}. {@link #hasNext()} reads the whole next batch (it must, to
 * know whether a partial last batch is dropped); a batch read that way and never taken is closed by
 * {@link Loader#close()}.
 *
 * <p>Errors: a failed sample throws its {@link LoaderException} as the loader does. Images of different sizes (or
 * channel counts) in one batch, or an image that cannot be converted, throw a {@link LoaderException} naming the
 * sample's index and both shapes; the loader is closed then. The samples already read for the batch are closed first.
 */
public final class Batches implements Iterable<Batch>, Iterator<Batch> {
    private final Loader loader;
    private final Batching spec;
    private Batch pending;
    private boolean ended;

    Batches(Loader loader, Batching spec) {
        this.loader = loader;
        this.spec = spec;
    }

    /** Returns this; batches are iterated once. */
    @Override
    public Iterator<Batch> iterator() {
        return this;
    }

    /** How the samples are grouped. */
    public Batching batching() {
        return spec;
    }

    /**
     * The number of batches an epoch of a source of known size gives ({@code ceil(n / size)}, or {@code floor} with
     * drop-last): PyTorch's {@code len(loader)}. -1 for an iterator source. Fewer come if a sample fails.
     */
    public long count() {
        long n = loader.sourceSize();
        if (n < 0) return -1;
        return spec.dropLast() ? n / spec.size() : (n + spec.size() - 1) / spec.size();
    }

    /** Whether another batch comes: reads it (waiting for its samples) if not done yet. False once the loader is closed. */
    @Override
    public synchronized boolean hasNext() {
        if (pending == null && !ended) {
            pending = take();
            if (pending == null) ended = true;
        }
        return pending != null;
    }

    /**
     * The next batch, owned by the caller, who closes it.
     *
     * @throws NoSuchElementException after the last batch
     * @throws LoaderException        if a sample failed or a batch cannot be stacked
     */
    @Override
    public synchronized Batch next() {
        if (!hasNext()) throw new NoSuchElementException("no more batches");
        Batch b = pending;
        pending = null;
        return b;
    }

    /** Closes a batch read by {@link #hasNext()} but not taken. Called by {@link Loader#close()}, maybe from another thread. */
    synchronized void discard() {
        ended = true;
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    private Batch take() {
        List<Sample> samples = new ArrayList<>(spec.size());
        long[] indices = new long[spec.size()];
        try {
            while (samples.size() < spec.size() && loader.hasNext()) {
                Sample s = loader.next();
                indices[samples.size()] = loader.lastIndex();
                samples.add(s);
            }
            if (samples.isEmpty() || (samples.size() < spec.size() && spec.dropLast())) {
                close(samples);
                return null;
            }
            return stack(samples, indices);
        } catch (RuntimeException | Error e) {
            close(samples);
            throw e;
        }
    }

    private Batch stack(List<Sample> samples, long[] indices) {
        int n = samples.size();
        Mat first = samples.get(0).image();
        int c = first.channels(), h = first.rows(), w = first.cols();
        long per = (long) c * h * w;
        if (per * n > Integer.MAX_VALUE - 8) {
            throw fail(indices[0], "a batch of " + n + " images of " + shape(first) + " holds " + per * n + " values, more than a Java array can; use smaller batches");
        }
        float[] out = new float[(int) (per * n)];
        for (int i = 0; i < n; i++) {
            Mat img = samples.get(i).image();
            if (img.channels() != c || img.rows() != h || img.cols() != w) {
                throw fail(indices[i], "sample " + indices[i] + " is " + shape(img) + " but sample " + indices[0] + ", the first of its batch, is "
                        + shape(first) + "; the images of a batch must all have the same size and channels after the pipeline"
                        + " (end it with a fixed-size Resize or crop)");
            }
            try {
                Tensors.writeChw(img, out, (int) (i * per), spec.normalization());
            } catch (IllegalArgumentException e) {
                throw fail(indices[i], "sample " + indices[i] + " cannot be stacked: " + e.getMessage(), e);
            }
        }
        return new Batch(out, c, h, w, samples, java.util.Arrays.copyOf(indices, n));
    }

    private LoaderException fail(long index, String message) {
        return fail(index, message, null);
    }

    private LoaderException fail(long index, String message, Throwable cause) {
        loader.close();
        return new LoaderException(index, message, cause);
    }

    private static String shape(Mat m) {
        return "C x H x W = " + m.channels() + " x " + m.rows() + " x " + m.cols() + " (" + Mats.describe(m) + ")";
    }

    private static void close(List<Sample> samples) {
        for (Sample s : samples) s.close();
    }
}
