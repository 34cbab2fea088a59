package org.augment4j.transform.crop;

import org.augment4j.internal.geometry.AffineGeometry;

/**
 * A sampled crop window {@code [x_min, x_max) × [y_min, y_max)} in pixels, under the names Albumentations 1.3 records
 * for the crops that choose their window from the data.
 */
public record CropBox(int xMin, int yMin, int xMax, int yMax) {

    /** The crop as a geometry (an ROI copy). */
    public AffineGeometry geometry() {
        return AffineGeometry.crop(xMin, yMin, xMax, yMax);
    }

    /** Width of the window in pixels. */
    public int width() {
        return xMax - xMin;
    }

    /** Height of the window in pixels. */
    public int height() {
        return yMax - yMin;
    }
}
