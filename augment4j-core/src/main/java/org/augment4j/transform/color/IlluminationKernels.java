package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.exp;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.repeat;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_L2;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_MASK_PRECISE;
import static org.bytedeco.opencv.global.opencv_imgproc.distanceTransform;

import java.nio.FloatBuffer;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Albumentations' illumination patterns (float32 {@code rows × cols} multipliers) and their application. */
final class IlluminationKernels {
    private IlluminationKernels() {}

    /**
     * The linear pattern: a directional gradient ({@code create_directional_gradient}: exact ramps at multiples of 45°,
     * otherwise {@code x·cos a + y·sin a} over {@code x, y} in [0, 1]), reversed for negative intensity, then
     * {@code g·2|i| + 1 − |i|}.
     */
    public static Mat linear(int rows, int cols, double intensity, double angleDegrees) {
        float[] x = linspace(cols), y = linspace(rows);
        Mat g = new Mat(rows, cols, CV_32F);
        FloatBuffer b = g.createBuffer();
        double a = angleDegrees, cos = Math.cos(Math.toRadians(a)), sin = Math.sin(Math.toRadians(a));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v;
                if (a == 0) v = x[c];
                else if (a == 180) v = 1 - x[c];
                else if (a == 90) v = y[r];
                else if (a == 270) v = 1 - y[r];
                else if (a == 45) v = (x[c] + y[r]) / 2.0;
                else if (a == 135) v = ((1 - x[c]) + y[r]) / 2.0;
                else if (a == 225) v = ((1 - x[c]) + (1 - y[r])) / 2.0;
                else if (a == 315) v = (x[c] + (1 - y[r])) / 2.0;
                else v = (float) (x[c] * cos) + (float) (y[r] * sin);
                if (intensity < 0) v = 1 - v;
                b.put(r * cols + c, (float) (v * 2 * Math.abs(intensity) + (1 - Math.abs(intensity))));
            }
        }
        return g;
    }

    /** The corner pattern: {@code 1 − i·d / diagonal}, d the exact distance to the corner (0 TL, 1 TR, 2 BR, 3 BL). */
    public static Mat corner(int rows, int cols, double intensity, int corner) {
        try (Scalar full = new Scalar(255.0); Mat mask = new Mat(rows, cols, CV_8U, full); Mat d = new Mat()) {
            int[][] at = {{0, 0}, {0, cols - 1}, {rows - 1, cols - 1}, {rows - 1, 0}};
            mask.ptr(at[corner][0], at[corner][1]).put((byte) 0);
            distanceTransform(mask, d, DIST_L2, DIST_MASK_PRECISE, CV_32F);
            Mat out = new Mat();
            d.convertTo(out, CV_32F, -intensity / Math.sqrt((double) rows * rows + (double) cols * cols), 1);
            return out;
        }
    }

    /** The gaussian pattern: {@code 1 + i·exp(−((x − w·cx)² + (y − h·cy)²) / (2·(max(h, w)·sigma)²))}. */
    public static Mat gaussian(int rows, int cols, double intensity, double cx, double cy, double sigma) {
        double s2 = 2 * Math.pow(Math.max(rows, cols) * sigma, 2);
        try (Mat xs = new Mat(1, cols, CV_32F); Mat ys = new Mat(rows, 1, CV_32F); Mat xx = new Mat(); Mat yy = new Mat()) {
            FloatBuffer bx = xs.createBuffer(), by = ys.createBuffer();
            for (int c = 0; c < cols; c++) bx.put(c, (float) Math.pow(c - cols * cx, 2));
            for (int r = 0; r < rows; r++) by.put(r, (float) Math.pow(r - rows * cy, 2));
            repeat(xs, rows, 1, xx);
            repeat(ys, 1, cols, yy);
            Mat out = new Mat();
            add(xx, yy, out);
            out.convertTo(out, CV_32F, -1 / s2, 0);
            exp(out, out);
            out.convertTo(out, CV_32F, intensity, 1);
            return out;
        }
    }

    /** {@code img · pattern} (the pattern on every channel), clipped; uint8 rounded back. */
    public static Mat apply(Mat image, Mat pattern) {
        try (Mat p = PixelKernels.replicate(pattern, image.channels()); Mat v = new Mat()) {
            image.convertTo(v, CV_32F);
            multiply(v, p, v);
            Mat out = new Mat();
            if (Mats.isFloat(image)) {
                PixelKernels.clipInPlace(v, 0, 1);
                v.copyTo(out);
            } else {
                v.convertTo(out, image.type());
            }
            return out;
        }
    }

    /** {@code np.linspace(0, 1, n, float32)}. */
    private static float[] linspace(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = n == 1 ? 0 : (float) (i * (1.0 / (n - 1)));
        if (n > 1) v[n - 1] = 1;
        return v;
    }
}
