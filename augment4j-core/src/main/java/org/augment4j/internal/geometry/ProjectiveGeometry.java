package org.augment4j.internal.geometry;

/**
 * A perspective change: {@code image} maps source pixel centres to output pixel centres (the matrix OpenCV's
 * warpPerspective takes). Keypoints follow it; boxes follow it in pixel-edge coordinates through their four corners
 * (a perspective map keeps lines straight, so the corners bound the mapped box). Keypoint angles and scales follow
 * the local Jacobian of the map.
 */
public record ProjectiveGeometry(Matrix image, int outWidth, int outHeight) implements Geometry {

    /** @throws IllegalArgumentException unless {@code outWidth} and {@code outHeight} are positive */
    public ProjectiveGeometry {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
    }

    /** The geometry that maps this one's output back onto its {@code srcWidth × srcHeight} input. */
    public ProjectiveGeometry inverse(int srcWidth, int srcHeight) {
        return new ProjectiveGeometry(image.inverse(), srcWidth, srcHeight);
    }

    /** The same map for boxes, in pixel-edge coordinates. */
    public Matrix boxes() {
        return image.shifted(0.5);
    }
}
