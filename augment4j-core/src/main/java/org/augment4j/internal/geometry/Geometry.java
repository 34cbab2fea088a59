package org.augment4j.internal.geometry;

/**
 * The sampled spatial change of one transform, as a value: where every output pixel comes from. Every target
 * (images, masks, boxes, keypoints) is derived from this one value.
 */
public sealed interface Geometry permits AffineGeometry, ProjectiveGeometry, DisplacementGeometry {
    /** Output width in pixels. */
    int outWidth();

    /** Output height in pixels. */
    int outHeight();
}
