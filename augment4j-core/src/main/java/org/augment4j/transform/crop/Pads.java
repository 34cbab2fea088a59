package org.augment4j.transform.crop;

import java.util.random.RandomGenerator;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;

/**
 * Pixels added on each side of an image, as Albumentations records them ({@code pad_top, pad_bottom, pad_left,
 * pad_right}). Also the sampled parameters of {@link Pad}, {@link PadIfNeeded} and the padding crops.
 */
public record Pads(int padTop, int padBottom, int padLeft, int padRight) {
    private static final Pads NONE = new Pads(0, 0, 0, 0);

    /** No padding on any side. */
    public static Pads none() {
        return NONE;
    }

    /** True when nothing is added. */
    public boolean isNone() {
        return padTop == 0 && padBottom == 0 && padLeft == 0 && padRight == 0;
    }

    /**
     * The padding of a {@code w × h} image: a pure integer translation onto a larger canvas, which Warp carries out with
     * {@code copyMakeBorder} (so every border mode behaves as Albumentations' {@code pad_with_params}).
     */
    public AffineGeometry geometry(int w, int h) {
        return AffineGeometry.of(Matrix.translation(padLeft, padTop), KeypointRule.identity(), w + padLeft + padRight, h + padTop + padBottom);
    }

    /** {@code {before, after}} that grow {@code size} to at least {@code min}: the smaller half before. */
    static int[] toMinimum(int size, int min) {
        if (size >= min) return new int[] {0, 0};
        int before = (min - size) / 2;
        return new int[] {before, min - size - before};
    }

    /** {@code {before, after}} that make {@code size} divisible by {@code divisor}. */
    static int[] toDivisor(int size, int divisor) {
        int rest = size % divisor;
        if (rest == 0) return new int[] {0, 0};
        int total = divisor - rest;
        return new int[] {total / 2, total - total / 2};
    }

    /** Centred vertical {@code {top, bottom}} and horizontal {@code {left, right}} padding moved to {@code position}. */
    static Pads place(int[] vertical, int[] horizontal, PadPosition position, RandomGenerator rng) {
        int h = vertical[0] + vertical[1], w = horizontal[0] + horizontal[1];
        return switch (position) {
            case CENTER -> new Pads(vertical[0], vertical[1], horizontal[0], horizontal[1]);
            case TOP_LEFT -> new Pads(0, h, 0, w);
            case TOP_RIGHT -> new Pads(0, h, w, 0);
            case BOTTOM_LEFT -> new Pads(h, 0, 0, w);
            case BOTTOM_RIGHT -> new Pads(h, 0, w, 0);
            case RANDOM -> {
                int top = rng.nextInt(h + 1), left = rng.nextInt(w + 1);
                yield new Pads(top, h - top, left, w - left);
            }
        };
    }

    /**
     * The padding a crop of {@code cropH × cropW} needs on an {@code h × w} image when {@code pad_if_needed} is set
     * (Albumentations' BaseCropAndPad): grow each side to the crop size, then place the image.
     */
    public static Pads forCrop(int h, int w, int cropH, int cropW, PadPosition position, RandomGenerator rng) {
        if (cropH <= h && cropW <= w) return NONE;
        return place(toMinimum(h, cropH), toMinimum(w, cropW), position, rng);
    }
}
