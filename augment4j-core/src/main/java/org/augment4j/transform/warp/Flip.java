package org.augment4j.transform.warp;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Flips horizontally, vertically or both, one of the three drawn uniformly. Albumentations 1.3's {@code Flip} (removed in
 * 2.x, kept for 1.3 pipeline files), recorded as {@code d} like OpenCV's flip code: 0 vertical (top-bottom), 1
 * horizontal (left-right), -1 both (a half turn). Only p (default 0.5). Targets: image, mask, bboxes, keypoints (angle
 * {@code −a}, {@code π − a}, {@code a − π}). Exact: OpenCV's flip, no interpolation.
 */
public final class Flip extends SpatialTransform<Flip.Direction> {
    /** The sampled flip code. */
    public record Direction(int d) {}

    /** @param p probability of applying the transform, in [0, 1] */
    public Flip(double p) {
        super(p, Resampling.defaults());
    }

    /** With Albumentations 1.3's default p = 0.5. */
    public Flip() {
        this(0.5);
    }

    static Flip fromDict(Params r) {
        return new Flip(r.p(0.5));
    }

    @Override
    public Direction sampleParams(Sample sample, RandomGenerator rng) {
        return new Direction(rng.nextInt(3) - 1);
    }

    @Override
    protected Geometry geometry(Sample s, Direction p) {
        int w = s.width(), h = s.height();
        return switch (p.d()) {
            case 0 -> AffineGeometry.verticalFlip(w, h);
            case 1 -> AffineGeometry.horizontalFlip(w, h);
            case -1 -> AffineGeometry.horizontalFlip(w, h).then(AffineGeometry.verticalFlip(w, h));
            default -> throw new IllegalArgumentException(name() + ": d must be -1, 0 or 1, got " + p.d());
        };
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
