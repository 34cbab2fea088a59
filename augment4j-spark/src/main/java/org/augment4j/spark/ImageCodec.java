package org.augment4j.spark;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.ReadMode;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between Spark's image representations and OpenCV matrices in augment4j's RGB order: the raw pixels of
 * Spark's {@code image} data source (row-major, BGR or BGRA or gray, uint8) and encoded files (PNG, JPEG, … bytes).
 * Every returned {@link Mat} belongs to the caller. Stateless.
 */
final class ImageCodec {
    private ImageCodec() {}

    /** An RGB(A)/gray uint8 image from raw BGR(A)/gray pixels as Spark's image source stores them. */
    static Mat fromRaw(byte[] data, int height, int width, int channels) {
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("image nChannels must be 1, 3 or 4, got " + channels);
        }
        if (height <= 0 || width <= 0) throw new IllegalArgumentException("image height and width must be > 0, got " + height + "x" + width);
        long expected = (long) height * width * channels;
        if (data == null || data.length != expected) {
            throw new IllegalArgumentException("image data has " + (data == null ? "no" : data.length) + " bytes but height x width x nChannels = "
                    + height + " x " + width + " x " + channels + " = " + expected);
        }
        Mat raw = new Mat(height, width, CV_8UC(channels));
        raw.data().put(data, 0, data.length);
        return toRgb(raw);
    }

    /** The raw BGR(A)/gray bytes of an RGB(A)/gray uint8 image, as Spark's image source stores them. */
    static byte[] toRaw(Mat rgb) {
        requireU8(rgb);
        Mat bgr = rgb.channels() == 1 ? rgb.clone() : new Mat();
        try {
            if (rgb.channels() == 3) cvtColor(rgb, bgr, COLOR_RGB2BGR);
            else if (rgb.channels() == 4) cvtColor(rgb, bgr, COLOR_RGBA2BGRA);
            byte[] out = new byte[(int) (bgr.total() * bgr.channels())];
            bgr.data().get(out);
            return out;
        } finally {
            bgr.close();
        }
    }

    /**
     * Decodes encoded image bytes to RGB(A)/gray uint8, channels as stored (16-bit images scaled to 8 bits), as
     * {@link ImageIO#readImage} reads files; a clear exception when they are not an image.
     */
    static Mat decode(byte[] encoded) {
        return decodeRaw(encoded, ReadMode.AS_STORED, "image");
    }

    /** Decodes an encoded mask (PNG) to a single-channel uint8 matrix, values as stored, as {@link ImageIO#readMask} reads files. */
    static Mat decodeMask(byte[] encoded) {
        return decodeRaw(encoded, ReadMode.GRAY, "mask");
    }

    /** Encodes an RGB(A)/gray uint8 image (or a mask) in the format named by {@code ext} ({@code .png}, {@code .jpg}, …). */
    static byte[] encode(Mat rgb, String ext) {
        requireU8(rgb);
        Mat bgr = rgb;
        if (rgb.channels() == 3 || rgb.channels() == 4) {
            bgr = new Mat();
            cvtColor(rgb, bgr, rgb.channels() == 3 ? COLOR_RGB2BGR : COLOR_RGBA2BGRA);
        }
        try (BytePointer buf = new BytePointer()) {
            if (!imencode(ext, bgr, buf)) throw new IllegalStateException("OpenCV could not encode an image as " + ext);
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        } finally {
            if (bgr != rgb) bgr.close();
        }
    }

    private static Mat decodeRaw(byte[] encoded, ReadMode mode, String what) {
        if (encoded == null || encoded.length == 0) throw new IllegalArgumentException(what + " bytes are empty");
        try {
            // RGB order, uint8, and the decompression-bomb and truncated-JPEG checks that files get
            return ImageIO.decode(encoded, mode, what + " (" + encoded.length + " bytes)");
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e);
        }
    }

    private static Mat toRgb(Mat raw) {
        int c = raw.channels();
        if (c == 1) return raw;
        try (raw) {
            Mat rgb = new Mat();
            cvtColor(raw, rgb, c == 4 ? COLOR_BGRA2RGBA : COLOR_BGR2RGB);
            return rgb;
        }
    }

    private static void requireU8(Mat m) {
        if (m.depth() != CV_8U) throw new IllegalArgumentException("only uint8 images can be written to Spark rows, got OpenCV depth " + m.depth()
                + " (end the pipeline with FromFloat)");
    }
}
