package org.augment4j.transform.spatial;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.AffineGeometry;
import org.augment4j.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.NoParams;

/**
 * Mirrors left-right. Albumentations' {@code HorizontalFlip} (default p = 0.5). Targets: image, mask, bboxes
 * ({@code x' = W − x}), keypoints ({@code x' = W − 1 − x}, angle {@code π − a}).
 */
public final class HorizontalFlip extends SpatialTransform<NoParams> {

    public HorizontalFlip(double p) {
        super(p, Resampling.defaults());
    }

    public HorizontalFlip() {
        this(0.5);
    }

    public static HorizontalFlip fromDict(Params r) {
        return new HorizontalFlip(r.p(0.5));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.horizontalFlip(s.width(), s.height());
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
