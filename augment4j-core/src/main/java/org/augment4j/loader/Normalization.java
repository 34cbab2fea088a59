package org.augment4j.loader;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-channel normalisation applied while pixels are converted to float tensors ({@link Tensors}, {@link Batch}): the
 * arithmetic of Albumentations' {@code Normalize} with {@code normalization="standard"}, the default.
 *
 * <p>A pixel value {@code v} of channel {@code c} (uint8 0..255, or float32 as stored) becomes
 * <pre>{@code  (v / maxPixelValue - mean[c]) / std[c]}</pre>
 * computed in float32 the way albucore (and {@link org.augment4j.transform.pixel.Normalize}) computes it:
 * {@code (v - m[c]) * r[c]} with {@code m[c] = (float) mean[c] * (float) maxPixelValue} and
 * {@code r[c] = 1f / ((float) std[c] * (float) maxPixelValue)}, each rounded to float32 first. So a
 * {@code Normalize} transform followed by a plain conversion gives the same floats as a conversion with the same
 * normalisation.
 *
 * <p>As in Albumentations, {@code maxPixelValue} (default 255) applies whatever the image's type: a float32 image
 * already in [0, 1] needs {@link #withMaxPixelValue(double) withMaxPixelValue(1)}. {@code mean} and {@code std} hold one
 * value (used for every channel) or one per channel; values beyond the image's channel count are ignored (as in
 * albucore), fewer is an error at conversion time. Immutable.
 */
public final class Normalization {
    /** ImageNet statistics (mean {@code [0.485, 0.456, 0.406]}, std {@code [0.229, 0.224, 0.225]}), maxPixelValue 255: Albumentations' {@code Normalize()} defaults. */
    public static final Normalization IMAGENET = new Normalization(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 255.0);
    /** Mean 0, std 1, maxPixelValue 255: uint8 values scaled to [0, 1], as torchvision's {@code ToTensor}. */
    public static final Normalization UNIT_RANGE = new Normalization(new double[] {0.0}, new double[] {1.0}, 255.0);

    private final double[] mean;
    private final double[] std;
    private final double maxPixelValue;

    private Normalization(double[] mean, double[] std, double maxPixelValue) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length < 1) throw new IllegalArgumentException("mean must hold one value or one per channel, got none");
        if (std.length < 1) throw new IllegalArgumentException("std must hold one value or one per channel, got none");
        for (double m : mean) if (!Double.isFinite(m)) throw new IllegalArgumentException("mean values must be finite, got " + Arrays.toString(mean));
        for (double s : std) if (!(s > 0) || !Double.isFinite(s)) throw new IllegalArgumentException("std values must be finite and > 0, got " + Arrays.toString(std));
        if (!(maxPixelValue > 0) || !Double.isFinite(maxPixelValue)) throw new IllegalArgumentException("maxPixelValue must be finite and > 0, got " + maxPixelValue);
        this.mean = mean.clone();
        this.std = std.clone();
        this.maxPixelValue = maxPixelValue;
    }

    /**
     * {@code (v / 255 - mean[c]) / std[c]}: Albumentations' {@code Normalize(mean=..., std=...)}.
     *
     * @param mean one value or one per channel, finite
     * @param std  one value or one per channel, each finite and > 0
     */
    public static Normalization of(double[] mean, double[] std) {
        return new Normalization(mean, std, 255.0);
    }

    /** This normalisation dividing by {@code maxPixelValue} (finite, > 0) instead: 1 for float32 images in [0, 1]. */
    public Normalization withMaxPixelValue(double maxPixelValue) {
        return new Normalization(mean, std, maxPixelValue);
    }

    /** The means, one value or one per channel (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The standard deviations, one value or one per channel (a copy). */
    public double[] std() {
        return std.clone();
    }

    /** The value {@code v} is divided by before the mean is taken off; 255 unless set. */
    public double maxPixelValue() {
        return maxPixelValue;
    }

    /** {@code m[c]}: the float32 offset subtracted from channel {@code c} of a {@code channels}-channel image. */
    float offset(int c, int channels) {
        return (float) pick("mean", mean, c, channels) * (float) maxPixelValue;
    }

    /** {@code r[c]}: the float32 factor channel {@code c} is multiplied by after the offset. */
    float factor(int c, int channels) {
        return 1f / ((float) pick("std", std, c, channels) * (float) maxPixelValue);
    }

    private static double pick(String name, double[] v, int c, int channels) {
        if (v.length == 1) return v[0];
        if (v.length < channels) {
            throw new IllegalArgumentException(name + " holds " + v.length + " values " + Arrays.toString(v) + " for an image of " + channels
                    + " channels; give one value or at least one per channel");
        }
        return v[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std) && maxPixelValue == n.maxPixelValue;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(std), maxPixelValue);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ", maxPixelValue=" + maxPixelValue + "]";
    }
}
