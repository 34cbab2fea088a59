package org.augment4j.transform.spatial;

import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedSpatialTransform;
import org.augment4j.transform.NoParams;

/**
 * Swaps rows and columns. Albumentations' {@code Transpose} (default p = 0.5). Targets: image, mask, bboxes, keypoints (angle {@code π − a}, as Albumentations 1.3).
 */
public final class Transpose extends FixedSpatialTransform {

    /** @param p probability of applying the transform, in [0, 1] */
    public Transpose(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public Transpose() {
        this(0.5);
    }

    static Transpose fromDict(Params r) {
        return new Transpose(r.p(0.5));
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.transpose(s.width(), s.height());
    }
}
