package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops a random amount off each border, without resizing: up to {@code crop_left · W} columns from the left (drawn
 * uniformly), and so on for each side; at least one row and column remain. Albumentations'
 * {@code RandomCropFromBorders}: crop_left, crop_right, crop_top, crop_bottom 0.1 each, in [0, 1], with
 * {@code crop_left + crop_right ≤ 1} and {@code crop_top + crop_bottom ≤ 1}, p = 1. Targets: image, mask, bboxes,
 * keypoints.
 */
public final class RandomCropFromBorders extends SpatialTransform<CropBox> {
    private final double cropLeft;
    private final double cropRight;
    private final double cropTop;
    private final double cropBottom;

    /**
     * @param cropLeft   {@code crop_left}: largest fraction of the width cut off the left, in [0, 1]
     * @param cropRight  {@code crop_right}: largest fraction of the width cut off the right, in [0, 1];
     *                   {@code cropLeft + cropRight <= 1}
     * @param cropTop    {@code crop_top}: largest fraction of the height cut off the top, in [0, 1]
     * @param cropBottom {@code crop_bottom}: largest fraction of the height cut off the bottom, in [0, 1];
     *                   {@code cropTop + cropBottom <= 1}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomCropFromBorders(double cropLeft, double cropRight, double cropTop, double cropBottom, double p) {
        super(p, Resampling.defaults());
        this.cropLeft = Check.between(name(), "crop_left", cropLeft, 0, 1);
        this.cropRight = Check.between(name(), "crop_right", cropRight, 0, 1);
        this.cropTop = Check.between(name(), "crop_top", cropTop, 0, 1);
        this.cropBottom = Check.between(name(), "crop_bottom", cropBottom, 0, 1);
        Check.that(cropLeft + cropRight <= 1, name(), "crop_left + crop_right must be <= 1, got " + cropLeft + " + " + cropRight);
        Check.that(cropTop + cropBottom <= 1, name(), "crop_top + crop_bottom must be <= 1, got " + cropTop + " + " + cropBottom);
    }

    static RandomCropFromBorders fromDict(Params r) {
        return new RandomCropFromBorders(r.dbl("crop_left", 0.1), r.dbl("crop_right", 0.1), r.dbl("crop_top", 0.1),
                r.dbl("crop_bottom", 0.1), r.p(1.0));
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        int w = s.width(), h = s.height();
        int x1 = randint(rng, 0, Math.min((int) (cropLeft * w), w - 1));
        int x2 = randint(rng, Math.max(x1 + 1, (int) ((1 - cropRight) * w)), w);
        int y1 = randint(rng, 0, Math.min((int) (cropTop * h), h - 1));
        int y2 = randint(rng, Math.max(y1 + 1, (int) ((1 - cropBottom) * h)), h);
        return new CropBox(x1, y1, x2, y2);
    }

    /** Python's {@code randint(lo, hi)}: both inclusive. */
    static int randint(RandomGenerator rng, int lo, int hi) {
        return hi <= lo ? lo : lo + rng.nextInt(hi - lo + 1);
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crop_left", cropLeft);
        m.put("crop_right", cropRight);
        m.put("crop_top", cropTop);
        m.put("crop_bottom", cropBottom);
        return m;
    }
}
