package org.augment4j.internal.geometry;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A per-pixel spatial change (elastic, grid or optical distortion): for every output pixel, the source pixel centre
 * it samples, as two {@code CV_32FC1} maps of the output size (the maps OpenCV's remap takes).
 *
 * <p>It owns its native maps: close it when done.
 */
public record DisplacementGeometry(Mat mapX, Mat mapY) implements Geometry, AutoCloseable {

    /** @throws IllegalArgumentException if the two maps differ in size */
    public DisplacementGeometry {
        if (mapX.rows() != mapY.rows() || mapX.cols() != mapY.cols()) {
            throw new IllegalArgumentException("displacement maps differ in size");
        }
    }

    @Override
    public int outWidth() {
        return mapX.cols();
    }

    @Override
    public int outHeight() {
        return mapX.rows();
    }

    @Override
    public void close() {
        mapX.close();
        mapY.close();
    }
}
