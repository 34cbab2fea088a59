package org.augment4j.transform.spatial;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Rotates by a random number of quarter turns counter-clockwise (0 to 3, as numpy's {@code rot90}). Albumentations'
 * {@code RandomRotate90} (default p = 1, as 2.0.8; a 1.x file that leaves p out gets 1.3.1's 0.5). Targets: image, mask, bboxes, keypoints (angle {@code a − k·π/2}).
 */
public final class RandomRotate90 extends SpatialTransform<RandomRotate90.Turns> {
    /** The sampled number of quarter turns, Albumentations' {@code factor}. */
    public record Turns(int factor) {}

    /** @param p probability of applying the transform, in [0, 1] */
    public RandomRotate90(double p) {
        super(p, Resampling.defaults());
    }

    /** With Albumentations 2.x default p = 1. */
    public RandomRotate90() {
        this(1.0);
    }

    static RandomRotate90 fromDict(Params r) {
        return new RandomRotate90(r.p(r.byRelease(0.5, 1.0)));
    }

    @Override
    public Turns sampleParams(Sample sample, RandomGenerator rng) {
        return new Turns(rng.nextInt(4));
    }

    @Override
    protected Geometry geometry(Sample s, Turns params) {
        return AffineGeometry.rot90(params.factor(), s.width(), s.height());
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
