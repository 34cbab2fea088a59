package org.augment4j.transform.spatial;

import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedSpatialTransform;
import org.augment4j.transform.NoParams;

/**
 * Mirrors left-right. Albumentations' {@code HorizontalFlip} (default p = 0.5). Targets: image, mask, bboxes
 * ({@code x' = W − x}), keypoints ({@code x' = W − 1 − x}, angle {@code π − a}).
 */
public final class HorizontalFlip extends FixedSpatialTransform {

    /** @param p probability of applying the transform, in [0, 1] */
    public HorizontalFlip(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public HorizontalFlip() {
        this(0.5);
    }

    static HorizontalFlip fromDict(Params r) {
        return new HorizontalFlip(r.p(0.5));
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.horizontalFlip(s.width(), s.height());
    }
}
