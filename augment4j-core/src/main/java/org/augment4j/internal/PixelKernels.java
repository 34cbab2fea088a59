package org.augment4j.internal;

import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Pure pixel kernels shared by the pixel, blur and noise transforms: per-channel look-up tables, numpy-style
 * truncating casts and clipping. Every method returns a new matrix (or works in place where it says so) and releases
 * its temporaries before returning.
 */
public final class PixelKernels {
    private PixelKernels() {}

    /**
     * Maps a uint8 image through 256-entry tables: one table for every channel, or one table per channel.
     *
     * @return a new uint8 image of the same shape
     */
    public static Mat lut(Mat image, byte[]... tables) {
        if (tables.length > 1 && allEqual(tables)) return lut(image, tables[0]);
        int[] shifts = shifts(tables);
        if (shifts != null && image.depth() == CV_8U && image.channels() <= 4 && !Mats.scalarLike(image) && (tables.length == 1 || tables.length == image.channels())) {
            // Saturating integer shifts are SIMD additions/subtractions of in-range scalars (a negative or out-of-range
            // scalar would send OpenCV down a slow widening path), several times faster than a table look-up. Images
            // OpenCV could read as the scalar operand keep the table.
            double[] up = new double[4], down = new double[4];
            for (int c = 0; c < image.channels(); c++) {
                int k = shifts[tables.length == 1 ? 0 : c];
                up[c] = Math.min(255, Math.max(0, k));
                down[c] = Math.min(255, Math.max(0, -k));
            }
            Mat out = new Mat();
            try (Mat add = Mats.scalarMat(up); Mat sub = Mats.scalarMat(down)) {
                boolean raise = up[0] + up[1] + up[2] + up[3] > 0;
                if (raise) org.bytedeco.opencv.global.opencv_core.add(image, add, out);
                org.bytedeco.opencv.global.opencv_core.subtract(raise ? out : image, sub, out);
            }
            return out;
        }
        try (Mat table = table(image, CV_8U, tables.length)) {
            ByteBuffer buf = table.createBuffer();
            interleave(tables.length, (v, c) -> buf.put(v * tables.length + c, tables[c][v]));
            Mat out = new Mat();
            LUT(image, table, out);
            return out;
        }
    }

    /**
     * Maps a uint8 image through {@code table}, known to be {@code clip(alpha·v + beta)} truncated, by OpenCV's SIMD
     * {@code convertTo} (rounding {@code alpha·v + beta − 0.5}) when that reproduces the table exactly — checked on
     * every value through both its vector and its scalar code path — and by the table otherwise.
     *
     * @return a new uint8 image of the same shape
     */
    public static Mat linear(Mat image, double alpha, double beta, byte[] table) {
        if (image.depth() == CV_8U) {
            for (double offset : new double[] {-0.5 + 1e-4, -0.5 + 1e-3, -0.5 + 1e-2}) {
                if (convertReproduces(alpha, beta + offset, table)) {
                    Mat out = new Mat();
                    image.convertTo(out, -1, alpha, beta + offset);
                    return out;
                }
            }
        }
        return lut(image, table);
    }

    private static boolean convertReproduces(double alpha, double beta, byte[] table) {
        // A continuous row takes the vector path; a one-pixel-wide ROI (non-continuous rows) the scalar one.
        try (Mat ramp = Mats.fromBytes(identity(), 1, 256, 1); Mat wide = new Mat(256, 2, CV_8U);
             Mat column = wide.colRange(0, 1); Mat tall = ramp.reshape(1, 256); Mat a = new Mat(); Mat b = new Mat()) {
            tall.copyTo(column);
            ramp.convertTo(a, -1, alpha, beta);
            column.convertTo(b, -1, alpha, beta);
            return java.util.Arrays.equals(Mats.toBytes(a), table) && java.util.Arrays.equals(Mats.toBytes(b), table);
        }
    }

    /**
     * Maps a uint8 image through 256-entry float tables (one for all channels, or one per channel).
     *
     * @return a new float32 image of the same shape
     */
    public static Mat lutFloat(Mat image, float[]... tables) {
        try (Mat table = table(image, CV_32F, tables.length)) {
            FloatBuffer buf = table.createBuffer();
            interleave(tables.length, (v, c) -> buf.put(v * tables.length + c, tables[c][v]));
            Mat out = new Mat();
            LUT(image, table, out);
            return out;
        }
    }

    private static boolean allEqual(byte[][] tables) {
        for (byte[] t : tables) if (!java.util.Arrays.equals(t, tables[0])) return false;
        return true;
    }

    /**
     * The integer {@code k} of each table when every table is a saturating shift {@code clip(v + k, 0, 255)}, else
     * null. A table saturated over its whole range is ambiguous and not taken for a shift.
     */
    static int[] shifts(byte[][] tables) {
        int[] k = new int[tables.length];
        for (int c = 0; c < tables.length; c++) {
            byte[] t = tables[c];
            if (t.length != 256) return null;
            int first = t[0] & 0xFF, last = t[255] & 0xFF;
            int shift = first > 0 ? first : last < 255 ? last - 255 : findShift(t);
            if (shift == Integer.MIN_VALUE) return null;
            for (int v = 0; v < 256; v++) if ((t[v] & 0xFF) != Math.max(0, Math.min(255, v + shift))) return null;
            k[c] = shift;
        }
        return k;
    }

    private static int findShift(byte[] t) {
        for (int v = 0; v < 256; v++) {
            int x = t[v] & 0xFF;
            if (x > 0 && x < 255) return x - v;
        }
        return Integer.MIN_VALUE;
    }

    private static Mat table(Mat image, int depth, int n) {
        if (image.depth() != CV_8U) throw new IllegalArgumentException("a look-up table needs a uint8 image, got " + Mats.describe(image));
        if (n != 1 && n != image.channels()) {
            throw new IllegalArgumentException("need 1 table or one per channel (" + image.channels() + "), got " + n);
        }
        return new Mat(1, 256, CV_MAKETYPE(depth, n));
    }

    private interface Cell {
        void put(int value, int channel);
    }

    private static void interleave(int n, Cell cell) {
        for (int v = 0; v < 256; v++) for (int c = 0; c < n; c++) cell.put(v, c);
    }

    /**
     * {@code v >= level ? 255 − v : v} for every value of a uint8 image (Solarize), in two SIMD passes: a threshold
     * gives 255 where {@code v >= level}, and XOR with it inverts exactly those values.
     *
     * @return a new uint8 image of the same shape
     */
    public static Mat invertFrom(Mat image, int level) {
        requireUint8("invertFrom", image);
        Mat out = new Mat();
        if (level > 255) {
            image.copyTo(out);
            return out;
        }
        if (level <= 0) {
            org.bytedeco.opencv.global.opencv_core.bitwise_not(image, out);
            return out;
        }
        try (Mat mask = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.threshold(image, mask, level - 1, 255, org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY);
            org.bytedeco.opencv.global.opencv_core.bitwise_xor(image, mask, out);
        }
        return out;
    }

    /** The identity table {@code 0..255}. */
    public static byte[] identity() {
        byte[] t = new byte[256];
        for (int i = 0; i < 256; i++) t[i] = (byte) i;
        return t;
    }

    /**
     * A float32 image cast to uint8 the way numpy's {@code np.clip(x, 0, 255).astype(np.uint8)} does it: clipped,
     * then truncated (floor), not rounded. Albumentations casts its float intermediates like this.
     */
    public static Mat truncateToUint8(Mat f32) {
        if (f32.depth() != CV_32F) throw new IllegalArgumentException("truncateToUint8 needs a float32 matrix, got " + Mats.describe(f32));
        Mat rounded = new Mat();
        try (Mat clipped = f32.clone(); Mat back = new Mat(); Mat roundedUp = new Mat(); Mat one = Mats.scalarMat(1)) {
            clipInPlace(clipped, 0, 255);
            clipped.convertTo(rounded, CV_8U);           // nearest integer: floor or floor + 1
            rounded.convertTo(back, CV_32F);
            compare(back, clipped, roundedUp, CMP_GT);   // 255 where it went up
            bitwise_and(roundedUp, one, roundedUp);      // 1 where it went up
            subtract(rounded, roundedUp, rounded);
            return rounded;
        } catch (RuntimeException e) {
            rounded.close();
            throw e;
        }
    }

    /**
     * Clips every value of {@code m} to {@code [lo, hi]}, in place. Uses OpenCV's {@code max(Mat, double)} and
     * {@code min(Mat, double)}, which stay unambiguous for a 1×1 image (a 1×1 matrix against a scalar matrix is read
     * as two scalars by the array overloads).
     */
    public static void clipInPlace(Mat m, double lo, double hi) {
        try (org.bytedeco.opencv.opencv_core.MatExpr a = max(m, lo); Mat low = a.asMat()) {
            low.copyTo(m);
        }
        try (org.bytedeco.opencv.opencv_core.MatExpr b = min(m, hi); Mat high = b.asMat()) {
            high.copyTo(m);
        }
    }

    /** A new image of {@code n} channels, each a copy of the single-channel {@code plane}. */
    public static Mat replicate(Mat plane, int n) {
        if (n == 1) return plane.clone();
        Mat out = new Mat();
        if (n == 3 && plane.channels() == 1 && plane.depth() == CV_8U) {
            // one SIMD colour conversion, faster than merging three planes
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(plane, out, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB);
            return out;
        }
        try (MatVector planes = new MatVector(n)) {
            for (int i = 0; i < n; i++) planes.put(i, plane);
            merge(planes, out);
        }
        return out;
    }

    /** Fails unless the image is uint8, with a message naming the transform. */
    public static void requireUint8(String transform, Mat image) {
        if (image.depth() != CV_8U) throw new IllegalArgumentException(transform + ": needs a uint8 image, got " + Mats.describe(image));
    }
}
