package org.augment4j.loader;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Converts HWC images and masks to the channels-first arrays deep-learning frameworks take as tensors, without a
 * framework dependency: what PyTorch's {@code ToTensorV2} (see {@link org.augment4j.transform.pytorch.ToTensorV2})
 * leaves to the training integration.
 *
 * <p><b>Images</b>: a {@link Mat} of {@code H × W × C} (uint8 or float32, any channel count, RGB order as augment4j
 * keeps it) is written as float32 in {@code C, H, W} order: the value of channel {@code c} at row {@code y}, column
 * {@code x} goes to {@code offset + (c·H + y)·W + x}. Without a {@link Normalization} the values are kept as they are
 * (uint8 0..255 become 0f..255f; float32 is copied), as Albumentations' {@code ToTensorV2} keeps them; with one, each
 * value is normalised as that class states.
 *
 * <p><b>Masks</b>: an integer mask (uint8, int8, uint16, int16 or int32) of {@code H × W} is written as {@code H·W}
 * ints or longs in row order; a mask of {@code C > 1} channels is written channels first, {@code C·H·W} values. Float
 * masks are refused rather than rounded.
 *
 * <p>The work is done in bulk by OpenCV ({@code split}, {@code convertTo}) with one bulk copy per channel into the
 * destination, never one native call per pixel; every temporary native matrix is released before the method returns.
 * The source matrix is never changed. All methods are thread-safe (they share no state).
 */
public final class Tensors {
    private Tensors() {}

    /** The number of floats {@link #writeChw} writes for {@code image}: {@code C·H·W}. */
    public static int chwLength(Mat image) {
        return length(checkImage(image), "image");
    }

    /** {@code image} as a new CHW float32 array of {@code C·H·W} values, unnormalised. See the class description. */
    public static float[] chw(Mat image) {
        return chw(image, null);
    }

    /**
     * {@code image} as a new CHW float32 array of {@code C·H·W} values.
     *
     * @param normalization applied per channel, or null to keep the values
     * @throws IllegalArgumentException if the image is empty or not uint8/float32, or the normalisation has fewer
     *                                  values than the image has channels
     */
    public static float[] chw(Mat image, Normalization normalization) {
        float[] out = new float[chwLength(image)];
        writeChw(image, out, 0, normalization);
        return out;
    }

    /**
     * Writes {@code image} as CHW float32 into {@code dst} from index {@code offset}.
     *
     * @param normalization applied per channel, or null to keep the values
     * @return the number of floats written, {@code C·H·W}; {@code dst[offset .. offset + C·H·W - 1]} hold them
     * @throws IllegalArgumentException if the image is empty or not uint8/float32, the normalisation has fewer values
     *                                  than the image has channels, or {@code dst} has no room for {@code C·H·W} floats
     *                                  from {@code offset} (nothing is written then)
     */
    public static int writeChw(Mat image, float[] dst, int offset, Normalization normalization) {
        Objects.requireNonNull(dst, "dst");
        int[] chw = checkImage(image);
        int n = length(chw, "image");
        requireRoom(dst.length, offset, n, "floats", chw);
        int plane = chw[1] * chw[2];
        convert(image, chw[0], normalization, (c, values) -> values.get(dst, offset + c * plane, plane));
        return n;
    }

    /**
     * Writes {@code image} as CHW float32 into {@code dst} (heap or direct) from its position, which advances by the
     * count written; its limit and the other values are left alone.
     *
     * @param normalization applied per channel, or null to keep the values
     * @return the number of floats written, {@code C·H·W}
     * @throws IllegalArgumentException if the image is empty or not uint8/float32, the normalisation has fewer values
     *                                  than the image has channels, or fewer than {@code C·H·W} floats remain in
     *                                  {@code dst} (nothing is written then)
     * @throws ReadOnlyBufferException  if {@code dst} is read-only
     */
    public static int writeChw(Mat image, FloatBuffer dst, Normalization normalization) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new ReadOnlyBufferException();
        int[] chw = checkImage(image);
        int n = length(chw, "image");
        if (dst.remaining() < n) {
            throw new IllegalArgumentException("dst has " + dst.remaining() + " floats remaining, " + n + " needed (" + shape(chw) + ")");
        }
        convert(image, chw[0], normalization, (c, values) -> dst.put(values));
        return n;
    }

    /** {@code mask} as a new array of {@code H·W} ints (channels first, {@code C·H·W}, for a multi-channel mask). */
    public static int[] maskInts(Mat mask) {
        int[] out = new int[length(checkMask(mask), "mask")];
        writeMask(mask, out, 0);
        return out;
    }

    /** {@code mask} as a new array of {@code H·W} longs (channels first, {@code C·H·W}, for a multi-channel mask). */
    public static long[] maskLongs(Mat mask) {
        long[] out = new long[length(checkMask(mask), "mask")];
        writeMask(mask, out, 0);
        return out;
    }

    /**
     * Writes an integer mask into {@code dst} from {@code offset}: row order, channels first when it has several.
     *
     * @return the number of ints written, {@code C·H·W}
     * @throws IllegalArgumentException if the mask is empty or not of an integer type of at most 32 bits, or
     *                                  {@code dst} has no room from {@code offset}
     */
    public static int writeMask(Mat mask, int[] dst, int offset) {
        Objects.requireNonNull(dst, "dst");
        int[] chw = checkMask(mask);
        int n = length(chw, "mask");
        requireRoom(dst.length, offset, n, "mask values", chw);
        int plane = chw[1] * chw[2];
        maskPlanes(mask, chw[0], (c, values) -> values.get(dst, offset + c * plane, plane));
        return n;
    }

    /** {@link #writeMask(Mat, int[], int)} into longs. */
    public static int writeMask(Mat mask, long[] dst, int offset) {
        Objects.requireNonNull(dst, "dst");
        int[] chw = checkMask(mask);
        int n = length(chw, "mask");
        requireRoom(dst.length, offset, n, "mask values", chw);
        int plane = chw[1] * chw[2];
        int[] row = new int[plane];
        maskPlanes(mask, chw[0], (c, values) -> {
            values.get(row, 0, plane);
            int at = offset + c * plane;
            for (int i = 0; i < plane; i++) dst[at + i] = row[i];
        });
        return n;
    }

    private interface PlaneSink<B> {
        void accept(int channel, B values);
    }

    /** Splits into planes, converts each to float32 (normalised) in one temporary matrix, hands its values over. */
    private static void convert(Mat image, int channels, Normalization norm, PlaneSink<FloatBuffer> sink) {
        try (MatVector planes = new MatVector(); Mat f = new Mat()) {
            split(image, planes);
            for (int c = 0; c < channels; c++) {
                Mat p = planes.get(c);
                if (norm == null) {
                    p.convertTo(f, CV_32F);
                } else {
                    // (v - m) * r in float32, each step rounded once, as albucore: see Normalization
                    p.convertTo(f, CV_32F, 1.0, -norm.offset(c, channels));
                    f.convertTo(f, CV_32F, norm.factor(c, channels), 0.0);
                }
                sink.accept(c, (FloatBuffer) f.createBuffer());
            }
        }
    }

    private static void maskPlanes(Mat mask, int channels, PlaneSink<IntBuffer> sink) {
        try (MatVector planes = new MatVector(); Mat i32 = new Mat()) {
            split(mask, planes);
            for (int c = 0; c < channels; c++) {
                planes.get(c).convertTo(i32, CV_32S);
                sink.accept(c, (IntBuffer) i32.createBuffer());
            }
        }
    }

    /** {C, H, W} of a non-empty uint8/float32 image. */
    private static int[] checkImage(Mat image) {
        Objects.requireNonNull(image, "image");
        int[] chw = dims(image, "image");
        int d = image.depth();
        if (d != CV_8U && d != CV_32F) throw new IllegalArgumentException("image must be uint8 or float32, got " + Mats.describe(image));
        return chw;
    }

    private static int[] checkMask(Mat mask) {
        Objects.requireNonNull(mask, "mask");
        int[] chw = dims(mask, "mask");
        int d = mask.depth();
        if (d != CV_8U && d != CV_8S && d != CV_16U && d != CV_16S && d != CV_32S) {
            throw new IllegalArgumentException("mask must be of an integer type (uint8, int8, uint16, int16 or int32), got " + Mats.describe(mask));
        }
        return chw;
    }

    private static int[] dims(Mat m, String what) {
        if (m.isNull() || m.empty() || m.dims() != 2 || m.rows() <= 0 || m.cols() <= 0) {
            throw new IllegalArgumentException(what + " must be a non-empty 2-D (H x W x C) matrix, got " + (m.isNull() ? "a released matrix" : Mats.describe(m)));
        }
        return new int[] {m.channels(), m.rows(), m.cols()};
    }

    private static int length(int[] chw, String what) {
        long n = (long) chw[0] * chw[1] * chw[2];
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(what + " of " + shape(chw) + " holds " + n + " values, more than a Java array can");
        return (int) n;
    }

    /** Fails, before anything is written, when an array of {@code length} has no room for {@code n} values from {@code offset}. */
    private static void requireRoom(int length, int offset, int n, String what, int[] chw) {
        if (offset < 0 || offset > length - n) {
            throw new IllegalArgumentException("dst of length " + length + " has no room for " + n + " " + what + " (" + shape(chw) + ") at offset " + offset);
        }
    }

    private static String shape(int[] chw) {
        return "C x H x W = " + chw[0] + " x " + chw[1] + " x " + chw[2];
    }
}
