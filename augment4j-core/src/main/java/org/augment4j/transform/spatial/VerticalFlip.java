package org.augment4j.transform.spatial;

import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedSpatialTransform;
import org.augment4j.transform.NoParams;

/**
 * Mirrors top-bottom. Albumentations' {@code VerticalFlip} (default p = 0.5). Targets: image, mask, bboxes, keypoints (angle {@code −a}).
 */
public final class VerticalFlip extends FixedSpatialTransform {

    /** @param p probability of applying the transform, in [0, 1] */
    public VerticalFlip(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public VerticalFlip() {
        this(0.5);
    }

    static VerticalFlip fromDict(Params r) {
        return new VerticalFlip(r.p(0.5));
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.verticalFlip(s.width(), s.height());
    }
}
