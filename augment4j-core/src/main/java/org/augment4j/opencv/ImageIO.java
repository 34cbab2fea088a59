package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads and writes image files, and decodes encoded images held in memory, through OpenCV's imgcodecs. Colour images
 * are always in augment4j's RGB (or RGBA) channel order on both sides: the conversion from and to OpenCV's BGR
 * happens here, never in the caller.
 *
 * <p>Reading: {@link #readImage} (uint8, channels as stored), {@link #readRgb} (uint8 RGB), {@link #readMask} (uint8,
 * one channel) and {@link #readUnchanged} (depth kept, e.g. uint16) are {@link #read(Path, ReadMode)} with the
 * {@link ReadMode} of the same meaning; {@link #decode(byte[], ReadMode, String)} does the same for bytes. Every
 * returned {@link Mat} belongs to the caller.
 *
 * <p>Writing: {@link #write} takes uint8 images (any format) and uint16 images (PNG, TIFF, PGM/PPM); a float32 image
 * is refused with a message naming the conversion ({@link ImageDepth#toUint8}).
 */
public final class ImageIO {
    /** The default of {@link #maxPixels()}: Pillow's decompression-bomb limit, 2 x 89,478,485 pixels. */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    /** File extensions (lower case, no dot) whose OpenCV encoder stores uint16 samples. */
    private static final java.util.Set<String> UINT16_FORMATS = java.util.Set.of("png", "tif", "tiff", "pgm", "ppm", "pnm");

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
     * Reads an image file as uint8 with its channels as stored: gray (1 channel), RGB (3) or RGBA (4), in that order
     * (never BGR). A 16-bit file is scaled to uint8 ({@code round(v / 257)}), a float32 file by {@code round(v * 255)}
     * clamped; read it with {@link #readUnchanged} to keep its values. {@link ReadMode#AS_STORED}.
     *
     * @throws UncheckedIOException if the file is missing, not a readable image, a truncated JPEG, or larger than
     *                              {@link #maxPixels()}
     */
    public static Mat readImage(Path path) {
        return read(path, ReadMode.AS_STORED);
    }

    /**
     * Reads an image file as 3-channel uint8 in RGB order, whatever is stored: gray is copied to the three channels,
     * alpha dropped, 16-bit scaled to 8 bits as by {@link #readImage}. {@link ReadMode#RGB}.
     *
     * @throws UncheckedIOException as {@link #readImage}
     */
    public static Mat readRgb(Path path) {
        return read(path, ReadMode.RGB);
    }

    /**
     * Reads a label mask as one uint8 channel: gray files keep their values, colour files are read as luma. A 16-bit
     * file is reduced to 8 bits by OpenCV, so values above 255 are lost: read such a label map with
     * {@link #readUnchanged}. {@link ReadMode#GRAY}.
     *
     * @throws UncheckedIOException as {@link #readImage}
     */
    public static Mat readMask(Path path) {
        return read(path, ReadMode.GRAY);
    }

    /**
     * Reads an image file keeping its depth and channels: uint8, uint16 ({@code CV_16U}, 0..65535, e.g. 16-bit PNG or
     * TIFF) or float32, with 1, 3 (RGB) or 4 (RGBA) channels. augment4j's transforms take uint8 or float32, so convert a
     * uint16 result first, e.g. with {@link ImageDepth#toFloat32} (0..1, nothing lost) or {@link ImageDepth#toUint8}.
     * {@link ReadMode#UNCHANGED}.
     *
     * @throws UncheckedIOException as {@link #readImage}
     */
    public static Mat readUnchanged(Path path) {
        return read(path, ReadMode.UNCHANGED);
    }

    /**
     * Reads an image file as {@code mode} says; colour in RGB(A) order.
     *
     * @throws UncheckedIOException if the file is missing, not a readable image, a truncated JPEG, has 2 or more than 4
     *                              channels (except in {@link ReadMode#GRAY}), or is larger than {@link #maxPixels()}
     */
    public static Mat read(Path path, ReadMode mode) {
        java.util.Objects.requireNonNull(mode, "mode");
        return fromOpenCv(readRaw(path, flags(mode)), mode, path.toString());
    }

    /**
     * Decodes an encoded image held in memory (PNG, JPEG, …) as {@code mode} says, colour in RGB(A) order, with the
     * checks the read methods make on files: the size from the header against {@link #maxPixels()} before anything is
     * decoded, truncated JPEGs refused.
     *
     * @param what names the bytes in error messages (e.g. {@code "image of row 12"})
     * @throws UncheckedIOException for bytes that are empty, not a readable image, a truncated JPEG, or too large
     */
    public static Mat decode(byte[] encoded, ReadMode mode, String what) {
        java.util.Objects.requireNonNull(mode, "mode");
        if (encoded == null || encoded.length == 0) throw new UncheckedIOException(new IOException(what + ": no bytes"));
        try {
            checkBeforeDecoding(ImageHeader.dimensions(encoded), ImageHeader.truncatedJpeg(encoded), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Mat raw = checkedDecode(() -> {
            try (BytePointer bp = new BytePointer(encoded); Mat buf = new Mat(1, encoded.length, CV_8U, bp)) {
                return imdecode(buf, flags(mode));
            }
        }, what);
        return fromOpenCv(raw, mode, what);
    }

    private static int flags(ReadMode mode) {
        return mode == ReadMode.GRAY ? IMREAD_GRAYSCALE : IMREAD_UNCHANGED;
    }

    /** OpenCV's decoded BGR(A)/gray matrix (released here) as {@code mode} says, in RGB(A) order. */
    private static Mat fromOpenCv(Mat raw, ReadMode mode, String what) {
        if (mode == ReadMode.GRAY) return raw;
        int c = raw.channels();
        if (c != 1 && c != 3 && c != 4) {
            raw.close();
            throw new UncheckedIOException(new IOException("image " + what + " has " + c + " channels; only 1 (gray), 3 (colour) and 4 (colour + alpha) are supported"));
        }
        Mat m = mode == ReadMode.UNCHANGED || raw.depth() == CV_8U ? raw : toUint8(raw);
        if (c == 1 && mode != ReadMode.RGB) return m;
        try (Mat bgr = m) {
            Mat rgb = new Mat();
            cvtColor(bgr, rgb, c == 1 ? COLOR_GRAY2RGB : mode == ReadMode.RGB && c == 4 ? COLOR_BGRA2RGB : c == 4 ? COLOR_BGRA2RGBA : COLOR_BGR2RGB);
            return rgb;
        }
    }

    /** {@link ReadMode#AS_STORED}'s depth conversion; releases {@code raw}. */
    private static Mat toUint8(Mat raw) {
        try (raw) {
            if (raw.depth() == CV_16U || raw.depth() == CV_32F) return ImageDepth.toUint8(raw);
            Mat m = new Mat(); // rare signed or float64 files: a saturating cast, values kept where they fit
            raw.convertTo(m, CV_8U);
            return m;
        }
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

    /**
     * Writes an image to a file whose extension names the format ({@code .png}, {@code .jpg}, {@code .tif}, …),
     * creating missing parent folders. The image is gray (1 channel), RGB (3) or RGBA (4), converted to the file's
     * BGR order here. uint8 images can be written in every format; uint16 ({@code CV_16U}, values kept exactly) in
     * PNG, TIFF, PGM and PPM.
     *
     * @throws IllegalArgumentException for a float32 (or other non-uint8) image, a uint16 image in a format without
     *                                  16-bit samples (e.g. JPEG), or a channel count other than 1, 3 or 4; the message
     *                                  names the file, the image and the conversion to apply ({@link ImageDepth})
     * @throws UncheckedIOException     if the folder cannot be created or OpenCV cannot write the file (e.g. an unknown
     *                                  extension)
     */
    public static void write(Path path, Mat image) {
        checkWritable(path, image);
        Mat out = image;
        if (image.channels() == 3 || image.channels() == 4) {
            out = new Mat();
            cvtColor(image, out, image.channels() == 3 ? COLOR_RGB2BGR : COLOR_RGBA2BGRA);
        }
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            boolean written;
            try {
                written = imwrite(path.toString(), out);
            } catch (RuntimeException e) { // e.g. no encoder for the extension
                throw new IOException("OpenCV could not write " + path + " (" + e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse("") + ")");
            }
            if (!written) throw new IOException("OpenCV could not write " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (out != image) out.close();
        }
    }

    private static void checkWritable(Path path, Mat image) {
        String what = image.rows() + "x" + image.cols() + "x" + image.channels() + " " + ImageDepth.name(image.depth()) + " image";
        int c = image.channels();
        if (c != 1 && c != 3 && c != 4) {
            throw new IllegalArgumentException("cannot write " + path + ": a " + what + " has " + c
                    + " channels; image files take 1 (gray), 3 (RGB) or 4 (RGBA)");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        int depth = image.depth();
        if (depth == CV_8U) return;
        if (depth == CV_16U) {
            if (UINT16_FORMATS.contains(ext)) return;
            throw new IllegalArgumentException("cannot write " + path + ": a " + what + " needs a format with 16-bit samples (.png, .tif, .tiff, .pgm, .ppm), not ."
                    + ext + "; write a .png, or convert with ImageDepth.toUint8(image) first (round(v / 257))");
        }
        String fix = depth == CV_32F
                ? "convert with ImageDepth.toUint8(image) first (values in [0, 1] become round(v * 255), clamped), or end the pipeline with FromFloat; "
                        + "ImageDepth.toUint16(image) keeps more precision in a .png or .tif"
                : "convert it to uint8 first";
        throw new IllegalArgumentException("cannot write " + path + ": it is a " + what + ", and image files take uint8 (or uint16 for .png/.tif); " + fix);
    }
}
