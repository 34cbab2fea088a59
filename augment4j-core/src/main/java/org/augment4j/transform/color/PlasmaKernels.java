package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.NORM_MINMAX;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.normalize;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

import java.nio.FloatBuffer;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Albumentations' plasma fractal ({@code generate_plasma_pattern}): diamond-square refinement of a 3×3 grid of
 * uniform values in [-1, 1], each step doubling the grid, adding uniform noise of amplitude {@code roughness^step},
 * interpolating with the diamond and square kernels (zero borders) and min-max normalising; then cropped to the image
 * and normalised to [0, 1]. The noise comes from OpenCV's {@code RNG} seeded with {@code seed}.
 */
final class PlasmaKernels {
    private PlasmaKernels() {}

    /** A float32 {@code rows × cols} pattern in [0, 1]. */
    public static Mat pattern(int rows, int cols, double roughness, long seed) {
        int maxDim = Math.max(rows, cols);
        double p2 = Math.pow(2, Math.ceil(log2(maxDim - 1))) + 1;
        int steps = (int) (log2(p2 - 1) - 1);
        try (RNG rng = new RNG(seed); Mat diamond = kernel(0.25f, 0, 0.25f, 0, 0, 0, 0.25f, 0, 0.25f);
             Mat square = kernel(0, 0.25f, 0, 0.25f, 0, 0.25f, 0, 0.25f, 0)) {
            Mat grid = uniform(rng, 3, 3, 1);
            for (int i = 0; i < steps; i++) {
                Mat next = step(grid, (float) Math.pow(roughness, i), rng, diamond, square);
                grid.close();
                grid = next;
            }
            try (Mat last = grid; Rect roi = new Rect(0, 0, Math.min(cols, last.cols()), Math.min(rows, last.rows())); Mat crop = new Mat(last, roi)) {
                Mat out = new Mat();
                try (Mat none = new Mat()) {
                    normalize(crop, out, 0, 1, NORM_MINMAX, CV_32F, none);
                }
                if (out.total() == 1) {            // a 1×1 matrix is read as a scalar by OpenCV's min/max: it is 0 anyway
                    out.close();
                    return Mats.zeros(1, 1, CV_32F);
                }
                PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
        }
    }

    /** log2 as numpy computes it; {@code log2(0)} is −∞ (a 1- or 2-pixel side gives no refinement steps). */
    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static Mat step(Mat grid, float scale, RNG rng, Mat diamond, Mat square) {
        int h = (grid.rows() - 1) * 2 + 1, w = (grid.cols() - 1) * 2 + 1;
        try (Mat noise = uniform(rng, h, w, scale); Mat interp = new Mat(); Mat mask = new Mat(); Mat sum = new Mat(); Mat zero = Mats.scalarMat(0);
             Point anchor = new Point(-1, -1)) {
            Mat expanded = Mats.zeros(h, w, CV_32F);
            FloatBuffer e = expanded.createBuffer(), n = noise.createBuffer(), g = grid.createBuffer();
            for (int y = 0; y < grid.rows(); y++) {
                for (int x = 0; x < grid.cols(); x++) {
                    int k = 2 * y * w + 2 * x;
                    e.put(k, g.get(y * grid.cols() + x) + n.get(k));
                }
            }
            for (Mat kernel : new Mat[] {diamond, square}) {
                filter2D(expanded, interp, -1, kernel, anchor, 0, BORDER_CONSTANT);
                compare(interp, zero, mask, CMP_GT);
                add(interp, noise, sum);
                add(expanded, sum, expanded, mask, -1);
            }
            Mat out = new Mat();
            try (expanded; Mat none = new Mat()) {
                normalize(expanded, out, 0, 1, NORM_MINMAX, CV_32F, none);
            }
            return out;
        }
    }

    private static Mat uniform(RNG rng, int rows, int cols, float amplitude) {
        Mat m = new Mat(rows, cols, CV_32F);
        try (Mat lo = one(-amplitude); Mat hi = one(amplitude)) {
            rng._fill(m, RNG.UNIFORM, lo, hi);
        }
        return m;
    }

    private static Mat one(double v) {
        Mat m = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F);
        ((java.nio.DoubleBuffer) m.createBuffer()).put(0, v);
        return m;
    }

    private static Mat kernel(float... v) {
        Mat k = new Mat(3, 3, CV_32F);
        ((FloatBuffer) k.createBuffer()).put(v);
        return k;
    }
}
