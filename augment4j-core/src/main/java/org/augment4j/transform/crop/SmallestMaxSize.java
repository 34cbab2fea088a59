package org.augment4j.transform.crop;

import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;

/**
 * Rescales, keeping the aspect ratio, so that the smallest side equals {@code max_size} (a list: one drawn uniformly),
 * or so that both sides reach at least {@code max_size_hw = [height, width]} (either may be null: only the other constrains).
 * Albumentations' {@code SmallestMaxSize}: max_size 1024 when neither is given, interpolation 1, mask_interpolation 0,
 * p = 1. Targets: image, mask, bboxes, keypoints (× scale). The new size is {@code round(side · scale)} (at least 1), so
 * 600 × 400 with max_size 200 becomes 300 × 200.
 */
public final class SmallestMaxSize extends MaxSizeTransform {

    SmallestMaxSize(MaxSize size, Resampling resampling, double p) {
        super(size, false, resampling, p);
    }

    /** Smallest side to {@code maxSize}, linear images, p = 1. */
    public SmallestMaxSize(int maxSize) {
        this(new MaxSize("SmallestMaxSize", new int[] {maxSize}, false, null, null), Resampling.defaults(), 1.0);
    }

    static SmallestMaxSize fromDict(Params r) {
        return new SmallestMaxSize(MaxSize.read(r), Interpolation.read(r), r.p(1.0));
    }
}
