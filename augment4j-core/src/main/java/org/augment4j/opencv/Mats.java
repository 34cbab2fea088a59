package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Small helpers around OpenCV {@link Mat}s: creation from Java arrays and {@link BufferedImage}s,
 * copies back out, and deterministic release. Images are HWC in RGB order, {@code CV_8U} or {@code CV_32F}.
 */
public final class Mats {
    private Mats() {}

    /** Number of channels. */
    public static int channels(Mat m) {
        return m.channels();
    }

    /** True for a {@code CV_32F} matrix. */
    public static boolean isFloat(Mat m) {
        return m.depth() == CV_32F;
    }

    /** The maximum value of the image's range: 255 for uint8, 1.0 for float32. */
    public static double maxValue(Mat m) {
        return isFloat(m) ? 1.0 : 255.0;
    }

    /**
     * True for the shapes OpenCV's arithmetic may read as a scalar operand beside {@link #scalarMat} (1 x 1 and 4 x 1):
     * kernels that pass constants that way must widen such images or take another path.
     */
    public static boolean scalarLike(Mat m) {
        return scalarLike(m.rows(), m.cols());
    }

    /** {@link #scalarLike(Mat)} for a matrix of {@code rows × cols} not made yet. */
    public static boolean scalarLike(int rows, int cols) {
        return cols == 1 && (rows == 1 || rows == 4);
    }

    /** A new uint8 image of {@code height × width × channels} filled from {@code data} (HWC order). */
    public static Mat fromBytes(byte[] data, int height, int width, int channels) {
        checkLength("data", data.length, height, width, channels);
        Mat m = new Mat(height, width, CV_MAKETYPE(CV_8U, channels));
        ByteBuffer buf = m.createBuffer();
        buf.put(data);
        return m;
    }

    /** A new float32 image of {@code height × width × channels} filled from {@code data} (HWC order). */
    public static Mat fromFloats(float[] data, int height, int width, int channels) {
        checkLength("data", data.length, height, width, channels);
        Mat m = new Mat(height, width, CV_MAKETYPE(CV_32F, channels));
        FloatBuffer buf = m.createBuffer();
        buf.put(data);
        return m;
    }

    private static void checkLength(String what, int length, int height, int width, int channels) {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
        long want = (long) height * width * channels;
        if (length != want) {
            throw new IllegalArgumentException(what + " has " + length + " values, expected height*width*channels = " + want);
        }
    }

    /** The pixels of a uint8 matrix as HWC bytes. */
    public static byte[] toBytes(Mat m) {
        requireDepth(m, CV_8U, "toBytes");
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            byte[] out = new byte[(int) (c.total() * c.channels())];
            ((ByteBuffer) c.createBuffer()).get(out);
            return out;
        } finally {
            if (c != m) c.close();
        }
    }

    /** The pixels of a float32 matrix as HWC floats. */
    public static float[] toFloats(Mat m) {
        requireDepth(m, CV_32F, "toFloats");
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            float[] out = new float[(int) (c.total() * c.channels())];
            ((FloatBuffer) c.createBuffer()).get(out);
            return out;
        } finally {
            if (c != m) c.close();
        }
    }

    private static void requireDepth(Mat m, int depth, String op) {
        if (m.depth() != depth) {
            throw new IllegalArgumentException(op + " needs a " + (depth == CV_8U ? "uint8" : "float32") + " matrix, got depth " + m.depth());
        }
    }

    /**
     * An RGB (or gray, or RGBA) uint8 image from a {@link BufferedImage}: {@link BufferedImages#toMat}, with 16-bit and
     * float images scaled to uint8 by {@link ImageDepth#toUint8}. Gray images give 1 channel, images with alpha 4,
     * everything else 3. Use {@link BufferedImages#toMat} to keep 16-bit values.
     */
    public static Mat fromBufferedImage(BufferedImage img) {
        Mat m = BufferedImages.toMat(img);
        if (m.depth() == CV_8U) return m;
        try (m) {
            return ImageDepth.toUint8(m);
        }
    }

    /**
     * A {@link BufferedImage} of a uint8 image with 1, 3 (RGB) or 4 (RGBA) channels: {@code TYPE_BYTE_GRAY},
     * {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, exact. {@link BufferedImages} has the other types and depths.
     */
    public static BufferedImage toBufferedImage(Mat m) {
        int c = m.channels();
        if (c != 1 && c != 3 && c != 4) throw new IllegalArgumentException("toBufferedImage needs 1, 3 or 4 channels, got " + c);
        return BufferedImages.toBufferedImage(m, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : c == 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    }

    /** An OpenCV scalar from 1..4 values; a single value is used for every channel. */
    public static Scalar scalar(double... v) {
        if (v.length == 1) return new Scalar(v[0], v[0], v[0], v[0]);
        double[] s = new double[4];
        System.arraycopy(v, 0, s, 0, Math.min(4, v.length));
        return new Scalar(s[0], s[1], s[2], s[3]);
    }

    /** A matrix that OpenCV's arithmetic treats as the scalar {@code v} (one value for every channel, or per channel). */
    public static Mat scalarMat(double... v) {
        double[] s = v.length == 1 ? new double[] {v[0], v[0], v[0], v[0]} : java.util.Arrays.copyOf(v, 4);
        Mat m = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_64F);
        ((java.nio.DoubleBuffer) m.createBuffer()).put(s);
        return m;
    }

    /** A new matrix of the given size and OpenCV type, all zeros. */
    public static Mat zeros(int rows, int cols, int type) {
        try (Scalar zero = new Scalar(0.0)) {
            return new Mat(rows, cols, type, zero);
        }
    }

    /** Releases every non-null matrix now, rather than when the garbage collector gets to it. */
    public static void release(Mat... mats) {
        for (Mat m : mats) {
            if (m != null && !m.isNull()) m.close();
        }
    }

    /** A short description such as {@code 384x512x3 uint8}, for messages. */
    public static String describe(Mat m) {
        String depth = switch (m.depth()) {
            case CV_8U -> "uint8";
            case CV_32F -> "float32";
            default -> "depth " + m.depth();
        };
        return m.rows() + "x" + m.cols() + "x" + m.channels() + " " + depth;
    }
}
