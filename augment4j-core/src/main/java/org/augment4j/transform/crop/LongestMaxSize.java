package org.augment4j.transform.crop;

import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;

/**
 * Rescales, keeping the aspect ratio, so that the longest side equals {@code max_size} (a list: one drawn uniformly),
 * or so that the image fits {@code max_size_hw = [height, width]} (either may be null: only the other constrains).
 * Albumentations' {@code LongestMaxSize}: max_size 1024 when neither is given, interpolation 1, mask_interpolation 0,
 * p = 1. Targets: image, mask, bboxes, keypoints (× scale). The new size is {@code round(side · scale)} (at least 1), so
 * 600 × 400 with max_size 512 becomes 512 × 341.
 */
public final class LongestMaxSize extends MaxSizeTransform {

    LongestMaxSize(MaxSize size, Resampling resampling, double p) {
        super(size, true, resampling, p);
    }

    /** Longest side to {@code maxSize}, linear images, p = 1. */
    public LongestMaxSize(int maxSize) {
        this(new MaxSize("LongestMaxSize", new int[] {maxSize}, false, null, null), Resampling.defaults(), 1.0);
    }

    static LongestMaxSize fromDict(Params r) {
        return new LongestMaxSize(MaxSize.read(r), Interpolation.read(r), r.p(1.0));
    }
}
