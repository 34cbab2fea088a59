package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.sepFilter2D;

import java.nio.FloatBuffer;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pure kernels shared by the blur family: kernel construction, convolution (OpenCV {@code filter2D}, border
 * {@code BORDER_REFLECT_101}, output of the input's depth, uint8 rounded and saturated) and the uint8 ↔ float32
 * conversions Albumentations uses around float-only or uint8-only steps.
 */
final class BlurKernels {
    private BlurKernels() {}

    /** A float32 matrix of {@code rows x cols} holding {@code v} in row-major order. */
    static Mat kernel(int rows, int cols, float[] v) {
        if (v.length != rows * cols) throw new IllegalArgumentException("kernel needs " + rows * cols + " values, got " + v.length);
        Mat k = new Mat(rows, cols, CV_32F);
        ((FloatBuffer) k.createBuffer()).put(v);
        return k;
    }

    /** {@code image} convolved (correlated, as {@code cv2.filter2D}) with a square kernel; a new image of the same type, float32 clipped
     * to [0, 1] (Albumentations' {@code clipped}). */
    static Mat convolve(Mat image, int size, float[] kernel) {
        Mat out = new Mat();
        try (Mat k = kernel(size, size, kernel)) {
            filter2D(image, out, -1, k);
        }
        if (Mats.isFloat(out)) org.augment4j.internal.PixelKernels.clipInPlace(out, 0, 1);
        return out;
    }

    /** {@code image} convolved with the same 1-D kernel along rows and columns ({@code cv2.sepFilter2D}). */
    static Mat separable(Mat image, float[] kernel) {
        Mat out = new Mat();
        try (Mat k = kernel(kernel.length, 1, kernel)) {
            sepFilter2D(image, out, -1, k, k);
        }
        if (Mats.isFloat(out)) org.augment4j.internal.PixelKernels.clipInPlace(out, 0, 1);
        return out;
    }

    /**
     * {@code (1 - alpha) · identity + alpha · effect} for 3x3 kernels (Sharpen and Emboss), in float32 arithmetic as
     * Albumentations (numpy) computes it: both factors rounded to float32, each product and the sum rounded to float32.
     */
    static float[] blendWithIdentity(float[] effect, double alpha) {
        float keep = (float) (1 - alpha), a = (float) alpha;
        float[] m = new float[9];
        for (int i = 0; i < 9; i++) m[i] = keep * (i == 4 ? 1f : 0f) + a * effect[i];
        return m;
    }

    /** {@code k / 255} in float32 for every uint8 value {@code k}: the table of albucore's {@code to_float}. */
    private static final float[] UNIT = new float[256];

    static {
        for (int k = 0; k < 256; k++) UNIT[k] = k / 255f;
    }

    /**
     * A float32 copy of the image in [0, 1]: uint8 divided by 255 in float32, exactly as Albumentations' {@code to_float}
     * ({@code img.astype(float32) / 255}; a multiplication by {@code 1/255} would differ in the last bit for half of the
     * values); float32 copied.
     */
    static Mat toFloat(Mat image) {
        Mat f = new Mat();
        if (Mats.isFloat(image)) {
            image.copyTo(f);
            return f;
        }
        try (Mat table = new Mat(1, 256, CV_32F)) {
            ((FloatBuffer) table.createBuffer()).put(UNIT);
            LUT(image, table, f);
        }
        return f;
    }

    /**
     * A float32 image in [0, 1] back to the depth of {@code like}: uint8 as {@code clip(rint(x · 255))} (albucore's
     * {@code from_float}), float32 clipped to [0, 1]. Consumes nothing; returns a new matrix.
     */
    static Mat fromFloat(Mat f32, Mat like) {
        Mat out = new Mat();
        if (Mats.isFloat(like)) {
            f32.copyTo(out);
            org.augment4j.internal.PixelKernels.clipInPlace(out, 0, 1);
        } else {
            f32.convertTo(out, CV_8U, 255, 0);
        }
        return out;
    }

    /** A uint8 copy of the image (float32 as {@code clip(rint(x · 255))}; uint8 copied), for uint8-only steps. */
    static Mat toUint8(Mat image) {
        Mat out = new Mat();
        if (Mats.isFloat(image)) image.convertTo(out, CV_8U, 255, 0);
        else image.copyTo(out);
        return out;
    }

    /** A uint8 result back to the depth of {@code like} (float32: divided by 255). Returns a new matrix. */
    static Mat fromUint8(Mat u8, Mat like) {
        Mat out = new Mat();
        if (Mats.isFloat(like)) u8.convertTo(out, CV_32F, 1 / 255.0, 0);
        else u8.copyTo(out);
        return out;
    }

    /** Whether {@code v} is a whole number. */
    static boolean isInt(double v) {
        return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE;
    }

    /** Checks a kernel-size range: integers, {@code min <= max}, {@code min >= low}. */
    static Range blurLimit(String transform, String param, Range r, int low) {
        Allowed.atLeast(low).checkRange(transform, param, r);
        Check.that(r.min() >= low && r.min() <= r.max() && isInt(r.min()) && isInt(r.max()), transform,
                param + " must be a range of integers >= " + low + " with min <= max, got " + r);
        return r;
    }
}
