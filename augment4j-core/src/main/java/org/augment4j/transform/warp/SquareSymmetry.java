package org.augment4j.transform.warp;

import org.augment4j.serial.Params;

/**
 * Albumentations 2.0.8's {@code SquareSymmetry}: the same transform as {@link D4} (one of the eight symmetries of the
 * square, recorded as {@code group_element}) under a name for those who do not speak group theory. Only p (default 1).
 * Targets: image, mask, bboxes, keypoints.
 */
public final class SquareSymmetry extends D4 {

    /** @param p probability of applying the transform, in [0, 1] */
    public SquareSymmetry(double p) {
        super(p);
    }

    /** p = 1, as Albumentations. */
    public SquareSymmetry() {
        this(1.0);
    }

    static SquareSymmetry fromDict(Params r) {
        return new SquareSymmetry(r.p(1.0));
    }
}
