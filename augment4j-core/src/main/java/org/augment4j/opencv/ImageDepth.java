package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.patchNaNs;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Explicit conversions between the pixel depths augment4j meets, each with a fixed value range: uint8
 * ({@code CV_8U}, 0..255), uint16 ({@code CV_16U}, 0..65535) and float32 ({@code CV_32F}, 0..1 for images). The
 * library's transforms take uint8 or float32; use these to bring a 16-bit image in, or a float32 result out to a file
 * or a {@link java.awt.image.BufferedImage}.
 *
 * <p>Every method returns a new {@link Mat} owned by the caller (close it), keeps the channel count and order, and
 * leaves its argument untouched. Scaled values are rounded to the nearest integer; results outside the target range
 * are clamped (saturated); NaN becomes 0. Round trips through a wider depth are exact: uint8 → uint16 → uint8,
 * uint8 → float32 → uint8 and uint16 → float32 → uint16 give back every value.
 */
public final class ImageDepth {
    private ImageDepth() {}

    /**
     * A uint8 copy: uint8 as is, uint16 {@code v} becomes {@code round(v / 257)} (so 0..65535 maps onto 0..255 and
     * {@code 257 * k} back to {@code k}), float32 {@code v} becomes {@code round(v * 255)} clamped to 0..255.
     *
     * @throws IllegalArgumentException for another depth (int8, int16, int32, float64), naming it
     */
    public static Mat toUint8(Mat image) {
        return switch (image.depth()) {
            case CV_8U -> image.clone();
            case CV_16U -> convert(image, CV_8U, 1.0 / 257);
            case CV_32F -> convertFloat(image, CV_8U, 255);
            default -> throw unsupported(image, "toUint8");
        };
    }

    /**
     * A uint16 copy: uint8 {@code v} becomes {@code v * 257} (0..255 onto 0..65535), uint16 as is, float32 {@code v}
     * becomes {@code round(v * 65535)} clamped to 0..65535.
     *
     * @throws IllegalArgumentException for another depth, naming it
     */
    public static Mat toUint16(Mat image) {
        return switch (image.depth()) {
            case CV_8U -> convert(image, CV_16U, 257);
            case CV_16U -> image.clone();
            case CV_32F -> convertFloat(image, CV_16U, 65535);
            default -> throw unsupported(image, "toUint16");
        };
    }

    /**
     * A float32 copy in 0..1: uint8 {@code v} becomes {@code v / 255}, uint16 {@code v} becomes {@code v / 65535},
     * float32 is copied as is (not clamped).
     *
     * @throws IllegalArgumentException for another depth, naming it
     */
    public static Mat toFloat32(Mat image) {
        return switch (image.depth()) {
            case CV_8U -> convert(image, CV_32F, 1.0 / 255);
            case CV_16U -> convert(image, CV_32F, 1.0 / 65535);
            case CV_32F -> image.clone();
            default -> throw unsupported(image, "toFloat32");
        };
    }

    /** A name such as {@code uint8}, {@code uint16} or {@code float32} for an OpenCV depth, for messages. */
    public static String name(int depth) {
        return switch (depth) {
            case CV_8U -> "uint8";
            case 1 -> "int8";
            case CV_16U -> "uint16";
            case 3 -> "int16";
            case 4 -> "int32";
            case CV_32F -> "float32";
            case 6 -> "float64";
            default -> "OpenCV depth " + depth;
        };
    }

    private static Mat convert(Mat image, int depth, double scale) {
        Mat out = new Mat();
        image.convertTo(out, depth, scale, 0);
        return out;
    }

    /** Float to integer: NaN would be undefined in OpenCV's saturating cast, so it is replaced by 0 first. */
    private static Mat convertFloat(Mat image, int depth, double scale) {
        try (Mat copy = image.clone()) {
            patchNaNs(copy, 0);
            return convert(copy, depth, scale);
        }
    }

    private static IllegalArgumentException unsupported(Mat image, String op) {
        return new IllegalArgumentException(op + " takes a uint8, uint16 or float32 image, got " + image.rows() + "x" + image.cols() + "x"
                + image.channels() + " " + name(image.depth()));
    }
}
