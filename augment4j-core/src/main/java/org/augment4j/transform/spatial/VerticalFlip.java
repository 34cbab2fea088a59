package org.augment4j.transform.spatial;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.AffineGeometry;
import org.augment4j.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Mirrors top-bottom. Albumentations' {@code VerticalFlip} (default p = 0.5). Targets: image, mask, bboxes, keypoints (angle {@code −a}).
 */
public final class VerticalFlip extends SpatialTransform<NoParams> {

    public VerticalFlip(double p) {
        super(p, Resampling.defaults());
    }

    public VerticalFlip() {
        this(0.5);
    }

    public static VerticalFlip fromDict(Params r) {
        return new VerticalFlip(r.p(0.5));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.verticalFlip(s.width(), s.height());
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
