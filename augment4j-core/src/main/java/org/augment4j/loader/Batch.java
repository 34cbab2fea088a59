package org.augment4j.loader;

import java.nio.FloatBuffer;
import java.util.List;
import org.augment4j.Sample;

/**
 * {@code N} augmented samples stacked for a training step: their images as one float32 array in {@code N, C, H, W}
 * order (sample {@code i} at {@code i·C·H·W}, each image laid out as {@link Tensors#writeChw} states), their class
 * labels, and the samples themselves for anything else (boxes, keypoints, masks, metadata).
 *
 * <p>Ownership: the batch owns its samples' native matrices; {@link #close()} releases them. The image array is plain
 * Java memory, stays valid after {@code close()} and is not copied by {@link #images()}: the caller may hand it to a
 * framework or change it. Not thread-safe.
 */
public final class Batch implements AutoCloseable {
    private final float[] images;
    private final int channels;
    private final int height;
    private final int width;
    private final List<Sample> samples;
    private final long[] indices;
    private final int[] labels;

    Batch(float[] images, int channels, int height, int width, List<Sample> samples, long[] indices) {
        this.images = images;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.samples = List.copyOf(samples);
        this.indices = indices.clone();
        this.labels = this.samples.stream().mapToInt(SampleSource::classIndex).toArray();
    }

    /** {@code N}: the number of samples, 1 to the batch size. */
    public int size() {
        return samples.size();
    }

    /** {@code C}: channels per image. */
    public int channels() {
        return channels;
    }

    /** {@code H}: image height in pixels. */
    public int height() {
        return height;
    }

    /** {@code W}: image width in pixels. */
    public int width() {
        return width;
    }

    /** {@code {N, C, H, W}}, the shape of {@link #images()} (a new array each call). */
    public long[] shape() {
        return new long[] {size(), channels, height, width};
    }

    /**
     * The stacked images, {@code N·C·H·W} float32 values in NCHW order: the value of sample {@code n}, channel
     * {@code c}, row {@code y}, column {@code x} is at {@code ((n·C + c)·H + y)·W + x}. The batch's own array.
     */
    public float[] images() {
        return images;
    }

    /** {@link #images()} wrapped as a heap {@link FloatBuffer} (position 0, limit {@code N·C·H·W}); shares the array. */
    public FloatBuffer imageBuffer() {
        return FloatBuffer.wrap(images);
    }

    /**
     * The class index of every sample ({@link SampleSource#classIndex}: set by {@link SampleSource#imageFolder}), -1
     * for a sample without one. A new array each call.
     */
    public int[] labels() {
        return labels.clone();
    }

    /** The class index of sample {@code i}, or -1. */
    public int label(int i) {
        return labels[i];
    }

    /** The augmented samples, in order; owned by this batch until {@link #close()}. Unmodifiable. */
    public List<Sample> samples() {
        return samples;
    }

    /** Sample {@code i} (0 to {@code size()-1}), owned by this batch. */
    public Sample sample(int i) {
        return samples.get(i);
    }

    /** The position in the loader's source of sample {@code i}: the index its seed is mixed with. */
    public long index(int i) {
        return indices[i];
    }

    /** Releases the native matrices of every sample. Idempotent; {@link #images()} stays usable. */
    @Override
    public void close() {
        for (Sample s : samples) s.close();
    }
}
