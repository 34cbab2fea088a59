package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads and writes image files through OpenCV's imgcodecs, converting between OpenCV's BGR and augment4j's RGB. */
public final class ImageIO {
    /** The default of {@link #maxPixels()}: Pillow's decompression-bomb limit, 2 x 89,478,485 pixels. */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    private ImageIO() {}

    /**
     * The largest image, in pixels (width x height), that the read methods decode: the system property
     * {@code augment4j.maxImagePixels} when set to a positive number, else {@link #DEFAULT_MAX_PIXELS}. PNG, JPEG, GIF,
     * BMP and WebP files are checked from their header before decoding; other formats after.
     */
    public static long maxPixels() {
        Long v = Long.getLong("augment4j.maxImagePixels");
        return v == null || v <= 0 ? DEFAULT_MAX_PIXELS : v;
    }

    /**
     * Reads an image file as uint8 RGB (3 channels), RGBA (4) or gray (1), as stored.
     *
     * @throws UncheckedIOException if the file is missing, not a readable image, a truncated JPEG, or larger than
     *                              {@link #maxPixels()}
     */
    public static Mat readImage(Path path) {
        Mat raw = readRaw(path, IMREAD_UNCHANGED);
        if (raw.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
            Mat u8 = new Mat();
            double scale = raw.depth() == org.bytedeco.opencv.global.opencv_core.CV_16U ? 1.0 / 257 : 1.0;
            raw.convertTo(u8, org.bytedeco.opencv.global.opencv_core.CV_8U, scale, 0);
            raw.close();
            raw = u8;
        }
        int c = raw.channels();
        if (c == 1) return raw;
        Mat rgb = new Mat();
        cvtColor(raw, rgb, c == 4 ? COLOR_BGRA2RGBA : COLOR_BGR2RGB);
        raw.close();
        return rgb;
    }

    /** Reads an image file and converts it to 3-channel RGB uint8, whatever is stored. */
    public static Mat readRgb(Path path) {
        Mat img = readImage(path);
        if (img.channels() == 3) return img;
        Mat rgb = new Mat();
        cvtColor(img, rgb, img.channels() == 1
                ? org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB
                : org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB);
        img.close();
        return rgb;
    }

    /** Reads a label mask (single channel, values kept as stored; colour files are read as gray). */
    public static Mat readMask(Path path) {
        return readRaw(path, IMREAD_GRAYSCALE);
    }

    private static Mat readRaw(Path path, int flags) {
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("image file not found: " + path));
        }
        try {
            checkBeforeDecoding(ImageHeader.dimensions(path), ImageHeader.truncatedJpeg(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkedDecode(() -> imread(path.toString(), flags), path.toString());
    }

    /**
     * Decodes an encoded image held in memory (PNG, JPEG, …) with OpenCV's {@code imdecode} {@code flags}, with the
     * checks {@link #readImage} makes on files: the size from the header against {@link #maxPixels()} before anything
     * is decoded, truncated JPEGs refused. Channels stay in OpenCV's BGR order.
     *
     * @param what names the bytes in error messages (e.g. {@code "image of row 12"})
     * @throws UncheckedIOException for bytes that are empty, not a readable image, a truncated JPEG, or too large
     */
    public static Mat decode(byte[] encoded, int flags, String what) {
        if (encoded == null || encoded.length == 0) throw new UncheckedIOException(new IOException(what + ": no bytes"));
        try {
            checkBeforeDecoding(ImageHeader.dimensions(encoded), ImageHeader.truncatedJpeg(encoded), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkedDecode(() -> {
            try (BytePointer bp = new BytePointer(encoded); Mat buf = new Mat(1, encoded.length, CV_8U, bp)) {
                return imdecode(buf, flags);
            }
        }, what);
    }

    private static void checkBeforeDecoding(long[] wh, boolean truncatedJpeg, String what) throws IOException {
        long max = maxPixels();
        if (wh != null && wh[0] * wh[1] > max) throw tooLarge(what, wh[0], wh[1], max);
        if (truncatedJpeg) throw new IOException("not a readable image (corrupt: truncated JPEG, no end-of-image marker after its last scan): " + what);
    }

    private static Mat checkedDecode(java.util.function.Supplier<Mat> decoder, String what) {
        Mat m;
        try {
            m = decoder.get();
        } catch (RuntimeException e) { // OpenCV refuses some files by exception (e.g. its own pixel limit) rather than an empty result
            throw new UncheckedIOException(new IOException("not a readable image (" + e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse("") + "): " + what));
        }
        if (m == null || m.empty()) {
            if (m != null) m.close();
            throw new UncheckedIOException(new IOException("not a readable image (corrupt or unsupported format): " + what));
        }
        long max = maxPixels();
        if ((long) m.cols() * m.rows() > max) {
            IOException e = tooLarge(what, m.cols(), m.rows(), max);
            m.close();
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static IOException tooLarge(String what, long w, long h, long max) {
        return new IOException("image " + what + " is " + w + "x" + h + " = " + w * h + " pixels, more than the limit of " + max
                + " (set the system property augment4j.maxImagePixels to allow it)");
    }

    /** Writes a uint8 image (1, 3 = RGB or 4 = RGBA channels) to a file whose extension names the format. */
    public static void write(Path path, Mat image) {
        Mat out = image;
        if (image.channels() == 3 || image.channels() == 4) {
            out = new Mat();
            cvtColor(image, out, image.channels() == 3 ? COLOR_RGB2BGR : COLOR_RGBA2BGRA);
        }
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            if (!imwrite(path.toString(), out)) throw new IOException("OpenCV could not write " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (out != image) out.close();
        }
    }
}
