package org.augment4j.transform.warp;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import org.augment4j.internal.geometry.Matrix;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pure kernels of the four-point perspective: jittered corners, their order, the homography that rectifies them, and
 * the expansion that keeps the whole warped image in view. Points are {@code {x, y}} in pixels; as Albumentations,
 * corners and homographies are computed in single precision by OpenCV's {@code getPerspectiveTransform}.
 */
final class Homographies {
    private Homographies() {}

    /** Albumentations' cap on a corner's jitter, as a fraction of the side. */
    static final double MAX_JITTER = 0.32;

    /**
     * Four corners (top-left, top-right, bottom-right, bottom-left) of a {@code w × h} image, each moved inwards by
     * {@code |N(0, sigma)| mod 0.32} of the width and height.
     */
    static double[][] jitteredCorners(int w, int h, double sigma, RandomGenerator rng) {
        double[][] j = new double[4][2];
        for (double[] p : j) {
            p[0] = Math.abs(rng.nextGaussian() * sigma) % MAX_JITTER;
            p[1] = Math.abs(rng.nextGaussian() * sigma) % MAX_JITTER;
        }
        j[1][0] = 1 - j[1][0];
        j[2][0] = 1 - j[2][0];
        j[2][1] = 1 - j[2][1];
        j[3][1] = 1 - j[3][1];
        for (double[] p : j) {
            p[0] = (float) (p[0] * w);
            p[1] = (float) (p[1] * h);
        }
        return j;
    }

    /** The points as top-left, top-right, bottom-right, bottom-left: the two leftmost are the left side. */
    static double[][] order(double[][] pts) {
        double[][] s = Arrays.stream(pts).sorted(Comparator.comparingDouble(p -> p[0])).toArray(double[][]::new);
        double[] tl = s[0][1] < s[1][1] ? s[0] : s[1], bl = tl == s[0] ? s[1] : s[0];
        double[] tr = s[2][1] < s[3][1] ? s[2] : s[3], br = tr == s[2] ? s[3] : s[2];
        return new double[][] {tl, tr, br, bl};
    }

    /**
     * {width, height} of the ordered quadrilateral: its longer opposite sides, at least 2, truncated. (2.0.8 also nudges
     * the corners of a side shorter than 2 px apart; the 0.32 jitter cap allows that only on images under 4 px wide.)
     */
    static int[] size(double[][] q) {
        double w = Math.max(Math.max(dist(q[1], q[0]), 2), Math.max(dist(q[2], q[3]), 2));
        double h = Math.max(Math.max(dist(q[2], q[1]), 2), Math.max(dist(q[3], q[0]), 2));
        return new int[] {(int) w, (int) h};
    }

    private static double dist(double[] a, double[] b) {
        float dx = (float) (a[0] - b[0]), dy = (float) (a[1] - b[1]);
        return (float) Math.sqrt(dx * dx + dy * dy);
    }

    /** The homography taking the ordered quadrilateral onto the frame {@code [0, w] × [0, h]}. */
    static Matrix rectify(double[][] q, int w, int h) {
        return transform(q, new double[][] {{0, 0}, {w, 0}, {w, h}, {0, h}});
    }

    /** A homography and the canvas that holds its image of the frame. */
    record Expanded(Matrix matrix, int width, int height) {}

    /**
     * {@code m} moved so the image of the frame {@code [0, w] × [0, h]} starts at the origin (corners rounded to whole
     * pixels, half to even, as numpy), and the canvas that holds it, as Albumentations' fit_output.
     */
    static Expanded expand(Matrix m, int w, int h) {
        double[][] rect = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] dst = new double[4][];
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double[] p = m.apply(rect[i][0], rect[i][1]);
            dst[i] = new double[] {(float) p[0], (float) p[1]};
            minX = Math.min(minX, dst[i][0]);
            minY = Math.min(minY, dst[i][1]);
        }
        double maxX = 0, maxY = 0;
        for (double[] p : dst) {
            p[0] = Math.rint(p[0] - minX);
            p[1] = Math.rint(p[1] - minY);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        return new Expanded(transform(rect, dst), Math.max(1, (int) maxX), Math.max(1, (int) maxY));
    }

    /** OpenCV's getPerspectiveTransform of four single-precision point pairs. */
    static Matrix transform(double[][] src, double[][] dst) {
        try (Mat s = points(src); Mat d = points(dst); Mat m = opencv_imgproc.getPerspectiveTransform(s, d)) {
            double[] v = new double[9];
            ((DoubleBuffer) m.createBuffer()).get(v);
            return Matrix.of(v);
        }
    }

    private static Mat points(double[][] pts) {
        Mat m = new Mat(pts.length, 1, CV_32FC2);
        FloatBuffer b = m.createBuffer();
        for (double[] p : pts) b.put((float) p[0]).put((float) p[1]);
        return m;
    }
}
