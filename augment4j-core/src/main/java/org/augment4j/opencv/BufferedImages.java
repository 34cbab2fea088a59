package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ShortBuffer;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between {@link BufferedImage} (Java2D, {@code javax.imageio}) and OpenCV {@link Mat} images in
 * augment4j's layout: height x width x channels, colour in RGB(A) order. Pixels are copied in bulk (Java arrays to
 * native memory in one call), so each conversion costs one or two passes over the pixels.
 *
 * <table>
 * <caption>Types and value ranges</caption>
 * <tr><th>BufferedImage</th><th>Mat</th><th>Values</th></tr>
 * <tr><td>{@code TYPE_BYTE_GRAY}</td><td>{@code CV_8UC1}</td><td>0..255, exact both ways</td></tr>
 * <tr><td>{@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB}, {@code TYPE_INT_BGR}</td><td>{@code CV_8UC3} RGB</td>
 *     <td>0..255 per channel, exact both ways</td></tr>
 * <tr><td>{@code TYPE_4BYTE_ABGR}, {@code TYPE_INT_ARGB}</td><td>{@code CV_8UC4} RGBA</td>
 *     <td>0..255, alpha not premultiplied, exact both ways</td></tr>
 * <tr><td>{@code TYPE_USHORT_GRAY}</td><td>{@code CV_16UC1}</td><td>0..65535, exact both ways</td></tr>
 * <tr><td>16-bit RGB(A) (a {@link ComponentColorModel} on {@code TYPE_USHORT}, as {@code javax.imageio} reads
 *     16-bit PNGs)</td><td>{@code CV_16UC3} / {@code CV_16UC4}</td><td>0..65535, exact both ways</td></tr>
 * <tr><td>float gray / RGB(A) (a {@link ComponentColorModel} on {@code TYPE_FLOAT}), see
 *     {@link #toFloatBufferedImage}</td><td>{@code CV_32FC1/3/4}</td><td>nominally 0..1, copied exactly, not
 *     clamped</td></tr>
 * <tr><td>any other type ({@code TYPE_INT_ARGB_PRE}, {@code TYPE_4BYTE_ABGR_PRE}, indexed, binary, 565/555, CMYK,
 *     custom)</td><td>{@code CV_8UC3} RGB, or {@code CV_8UC4} RGBA when the colour model has alpha</td><td>0..255,
 *     sRGB as {@link BufferedImage#getRGB} gives it (premultiplied alpha undone)</td></tr>
 * </table>
 *
 * <p>augment4j's transforms take uint8 and float32 images: convert a uint16 {@link Mat} with
 * {@link ImageDepth#toFloat32} (0..1, nothing lost) or {@link ImageDepth#toUint8} ({@code round(v / 257)}) before a
 * pipeline, and a float32 result with {@link #toUint8BufferedImage} or {@link #toFloatBufferedImage} after it.
 *
 * <p>Every returned {@link Mat} belongs to the caller; no returned object shares memory with the argument. Stateless.
 */
public final class BufferedImages {
    private BufferedImages() {}

    /**
     * The pixels of {@code image} as a new {@link Mat}, depth and channels as in the class table: 8-bit types give
     * {@code CV_8U} (1, 3 = RGB or 4 = RGBA channels), 16-bit ones {@code CV_16U}, float ones {@code CV_32F}; any other
     * type is converted to 8-bit sRGB through its colour model.
     */
    public static Mat toMat(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        WritableRaster r = image.getRaster();
        if (plainComponents(cm, r)) {
            int n = r.getNumBands();
            switch (r.getTransferType()) {
                case DataBuffer.TYPE_BYTE:
                    return Mats.fromBytes(bandOrderedBytes(r, w, h, n), h, w, n);
                case DataBuffer.TYPE_USHORT:
                    return fromShorts((short[]) r.getDataElements(0, 0, w, h, null), h, w, n);
                case DataBuffer.TYPE_FLOAT:
                    return Mats.fromFloats((float[]) r.getDataElements(0, 0, w, h, null), h, w, n);
                default:
                    break;
            }
        }
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            return fromArgb(packedInts(r, w, h), h, w, type == BufferedImage.TYPE_INT_ARGB, false);
        }
        if (type == BufferedImage.TYPE_INT_BGR) return fromArgb(packedInts(r, w, h), h, w, false, true);
        return fromArgb(image.getRGB(0, 0, w, h, null, 0, w), h, w, cm.hasAlpha(), false);
    }

    /**
     * {@link #toMat} followed by {@link ImageDepth#toFloat32}: a {@code CV_32F} image in 0..1 (8-bit values divided by
     * 255, 16-bit ones by 65535, float ones copied), ready for a pipeline that works in float.
     */
    public static Mat toFloatMat(BufferedImage image) {
        try (Mat m = toMat(image)) {
            return m.depth() == CV_32F ? m.clone() : ImageDepth.toFloat32(m);
        }
    }

    /**
     * A new {@link BufferedImage} holding {@code image} exactly: uint8 with 1, 3 or 4 channels becomes
     * {@code TYPE_BYTE_GRAY}, {@code TYPE_3BYTE_BGR} or {@code TYPE_4BYTE_ABGR} (the types {@code javax.imageio}
     * writes and reads); uint16 with 1 channel {@code TYPE_USHORT_GRAY}, with 3 or 4 a 16-bit sRGB
     * {@link ComponentColorModel} image (which {@code javax.imageio} writes as a 16-bit PNG).
     *
     * @throws IllegalArgumentException for float32 images (use {@link #toUint8BufferedImage} to scale 0..1 to 0..255, or
     *                                  {@link #toFloatBufferedImage} to keep the floats), other depths, or channel counts
     *                                  other than 1, 3 and 4
     */
    public static BufferedImage toBufferedImage(Mat image) {
        int c = checkChannels(image, "toBufferedImage");
        return switch (image.depth()) {
            case CV_8U -> toBufferedImage(image, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : c == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR);
            case CV_16U -> c == 1 ? toBufferedImage(image, BufferedImage.TYPE_USHORT_GRAY) : ushortImage(image, c);
            case CV_32F -> throw new IllegalArgumentException("toBufferedImage: " + Mats.describe(image) + " is float32; convert it explicitly: "
                    + "BufferedImages.toUint8BufferedImage(image) for an 8-bit image (round(v * 255), clamped to 0..255), or "
                    + "BufferedImages.toFloatBufferedImage(image) to keep the float values");
            default -> throw new IllegalArgumentException("toBufferedImage takes a uint8, uint16 or float32 image, got " + describe(image));
        };
    }

    /**
     * A new {@link BufferedImage} of the given {@link BufferedImage} type holding a uint8 image ({@code CV_8U}; for
     * {@code TYPE_USHORT_GRAY} a uint16 one). Exact for {@code TYPE_BYTE_GRAY} and {@code TYPE_USHORT_GRAY} (1 channel),
     * {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB} and {@code TYPE_INT_BGR} (3 channels, RGB), {@code TYPE_4BYTE_ABGR}
     * and {@code TYPE_INT_ARGB} (4 channels, RGBA); the image must have that many channels. Any other type is drawn
     * by Java2D from {@link #toBufferedImage(Mat)}, as exact as the type allows (premultiplied types round, indexed and
     * binary types pick the nearest colour).
     *
     * @param type a {@code BufferedImage.TYPE_*} constant other than {@code TYPE_CUSTOM}
     * @throws IllegalArgumentException for a channel count or depth the type does not take, or an unknown type
     */
    public static BufferedImage toBufferedImage(Mat image, int type) {
        int w = image.cols();
        int h = image.rows();
        int needed = switch (type) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY -> 1;
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR -> 3;
            case BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB -> 4;
            default -> 0;
        };
        if (needed == 0) return drawn(image, type);
        int depth = type == BufferedImage.TYPE_USHORT_GRAY ? CV_16U : CV_8U;
        if (image.channels() != needed || image.depth() != depth) {
            throw new IllegalArgumentException(typeName(type) + " holds " + needed + "-channel " + ImageDepth.name(depth) + " images, got " + describe(image)
                    + (image.depth() != depth ? "; convert with ImageDepth.to" + (depth == CV_8U ? "Uint8" : "Uint16") + "(image) first" : "")
                    + (image.channels() != needed ? "; pick a type with " + image.channels() + " channels or convert with cvtColor first" : ""));
        }
        BufferedImage out = new BufferedImage(w, h, type);
        WritableRaster r = out.getRaster();
        switch (type) {
            case BufferedImage.TYPE_USHORT_GRAY -> {
                short[] dst = ((DataBufferUShort) r.getDataBuffer()).getData();
                try (Mat c = continuous(image)) {
                    ((ShortBuffer) c.createBuffer()).get(dst);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB -> {
                int[] dst = ((DataBufferInt) r.getDataBuffer()).getData();
                byte[] px = Mats.toBytes(image);
                boolean bgr = type == BufferedImage.TYPE_INT_BGR;
                for (int i = 0, o = 0; i < dst.length; i++, o += needed) {
                    int red = px[o] & 0xff;
                    int green = px[o + 1] & 0xff;
                    int blue = px[o + 2] & 0xff;
                    int alpha = needed == 4 ? (px[o + 3] & 0xff) << 24 : 0;
                    dst[i] = alpha | (bgr ? blue << 16 | green << 8 | red : red << 16 | green << 8 | blue);
                }
            }
            default -> { // byte-interleaved: bands in RGB(A) order, stored at the sample model's offsets
                byte[] dst = ((DataBufferByte) r.getDataBuffer()).getData();
                int[] off = ((PixelInterleavedSampleModel) r.getSampleModel()).getBandOffsets();
                byte[] px = Mats.toBytes(image);
                if (identity(off)) {
                    System.arraycopy(px, 0, dst, 0, px.length);
                } else {
                    for (int o = 0; o < px.length; o += needed) {
                        for (int b = 0; b < needed; b++) dst[o + off[b]] = px[o + b];
                    }
                }
            }
        }
        return out;
    }

    /**
     * An 8-bit {@link BufferedImage} of an image of any supported depth: {@link ImageDepth#toUint8} (float32
     * {@code round(v * 255)} clamped to 0..255, uint16 {@code round(v / 257)}) then {@link #toBufferedImage(Mat)}. The
     * way to show or save a float32 pipeline result with Java2D or {@code javax.imageio}.
     *
     * @throws IllegalArgumentException for channel counts other than 1, 3 and 4 or an unsupported depth
     */
    public static BufferedImage toUint8BufferedImage(Mat image) {
        checkChannels(image, "toUint8BufferedImage");
        if (image.depth() == CV_8U) return toBufferedImage(image);
        try (Mat u8 = ImageDepth.toUint8(image)) {
            return toBufferedImage(u8);
        }
    }

    /**
     * A float {@link BufferedImage} ({@link ComponentColorModel} on {@link DataBuffer#TYPE_FLOAT}, gray or sRGB, alpha
     * not premultiplied) holding the values of a float32 image with 1, 3 (RGB) or 4 (RGBA) channels exactly, not
     * clamped; {@link #toMat} gives them back unchanged. Java2D takes 0..1 as the range of each sample and clamps when it
     * draws or converts such an image; {@code javax.imageio} has no writer for it (write
     * {@link #toUint8BufferedImage} instead).
     *
     * @throws IllegalArgumentException for a depth other than float32 or a channel count other than 1, 3 and 4
     */
    public static BufferedImage toFloatBufferedImage(Mat image) {
        int c = checkChannels(image, "toFloatBufferedImage");
        if (image.depth() != CV_32F) {
            throw new IllegalArgumentException("toFloatBufferedImage takes a float32 image, got " + describe(image) + "; convert with ImageDepth.toFloat32(image) first");
        }
        float[] px = Mats.toFloats(image);
        return componentImage(new DataBufferFloat(px, px.length), DataBuffer.TYPE_FLOAT, image.cols(), image.rows(), c);
    }

    private static BufferedImage ushortImage(Mat image, int c) {
        short[] px = new short[(int) (image.total() * c)];
        try (Mat m = continuous(image)) {
            ((ShortBuffer) m.createBuffer()).get(px);
        }
        return componentImage(new DataBufferUShort(px, px.length), DataBuffer.TYPE_USHORT, image.cols(), image.rows(), c);
    }

    private static BufferedImage componentImage(DataBuffer data, int dataType, int w, int h, int c) {
        ColorSpace cs = ColorSpace.getInstance(c == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        boolean alpha = c == 4;
        ColorModel cm = new ComponentColorModel(cs, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        int[] offsets = new int[c];
        for (int b = 0; b < c; b++) offsets[b] = b;
        WritableRaster r = Raster.createWritableRaster(new PixelInterleavedSampleModel(dataType, w, h, c, w * c, offsets), data, null);
        return new BufferedImage(cm, r, false, null);
    }

    private static BufferedImage drawn(Mat image, int type) {
        if (type <= BufferedImage.TYPE_CUSTOM || type > BufferedImage.TYPE_BYTE_INDEXED) {
            throw new IllegalArgumentException("type must be one of BufferedImage's TYPE_* constants other than TYPE_CUSTOM, got " + type);
        }
        BufferedImage src = toBufferedImage(image);
        BufferedImage out = new BufferedImage(image.cols(), image.rows(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A ComponentColorModel whose samples mean what a Mat of the same depth holds: gray or sRGB(A), full-width samples. */
    private static boolean plainComponents(ColorModel cm, Raster r) {
        if (!(cm instanceof ComponentColorModel) || cm.isAlphaPremultiplied()) return false;
        int n = r.getNumBands();
        if (n != cm.getNumComponents()) return false;
        ColorSpace cs = cm.getColorSpace();
        boolean gray = n == 1 && cs.getType() == ColorSpace.TYPE_GRAY;
        boolean rgb = cs.isCS_sRGB() && (n == 3 && !cm.hasAlpha() || n == 4 && cm.hasAlpha());
        if (!gray && !rgb) return false;
        int bits = switch (r.getTransferType()) {
            case DataBuffer.TYPE_BYTE -> 8;
            case DataBuffer.TYPE_USHORT -> 16;
            case DataBuffer.TYPE_FLOAT -> 32;
            default -> -1;
        };
        for (int b = 0; b < n; b++) {
            if (cm.getComponentSize(b) != bits) return false;
        }
        return true;
    }

    /** The samples of a byte raster, pixel by pixel in band (R, G, B, A) order: straight from the array when it is laid out plainly. */
    private static byte[] bandOrderedBytes(WritableRaster r, int w, int h, int n) {
        if (r.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1 && db.getOffset() == 0
                && r.getSampleModel() instanceof PixelInterleavedSampleModel sm && sm.getPixelStride() == n && sm.getScanlineStride() == w * n
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0 && db.getData().length == w * h * n) {
            byte[] mem = db.getData();
            int[] off = sm.getBandOffsets();
            if (identity(off)) return mem; // only read: the caller copies it into native memory
            byte[] out = new byte[mem.length];
            for (int o = 0; o < mem.length; o += n) {
                for (int b = 0; b < n; b++) out[o + b] = mem[o + off[b]];
            }
            return out;
        }
        return (byte[]) r.getDataElements(0, 0, w, h, null);
    }

    /** The packed pixels of an int raster (one int a pixel), straight from the array when it is laid out plainly. */
    private static int[] packedInts(WritableRaster r, int w, int h) {
        if (r.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1 && db.getOffset() == 0
                && r.getSampleModel() instanceof SinglePixelPackedSampleModel sm && sm.getScanlineStride() == w
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0 && db.getData().length == w * h) {
            return db.getData();
        }
        return (int[]) r.getDataElements(0, 0, w, h, null);
    }

    /** RGB or RGBA bytes from packed 0xAARRGGBB ints (0x00BBGGRR when {@code bgr}). */
    private static Mat fromArgb(int[] px, int h, int w, boolean alpha, boolean bgr) {
        int c = alpha ? 4 : 3;
        byte[] out = new byte[px.length * c];
        for (int i = 0, o = 0; i < px.length; i++) {
            int v = px[i];
            out[o++] = (byte) (bgr ? v : v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) (bgr ? v >> 16 : v);
            if (alpha) out[o++] = (byte) (v >>> 24);
        }
        return Mats.fromBytes(out, h, w, c);
    }

    private static Mat fromShorts(short[] px, int h, int w, int n) {
        Mat m = new Mat(h, w, CV_MAKETYPE(CV_16U, n));
        ((ShortBuffer) m.createBuffer()).put(px);
        return m;
    }

    private static Mat continuous(Mat m) {
        return m.isContinuous() ? new Mat(m) : m.clone();
    }

    private static boolean identity(int[] off) {
        for (int b = 0; b < off.length; b++) {
            if (off[b] != b) return false;
        }
        return true;
    }

    private static int checkChannels(Mat image, String op) {
        int c = image.channels();
        if (c != 1 && c != 3 && c != 4) throw new IllegalArgumentException(op + " takes 1 (gray), 3 (RGB) or 4 (RGBA) channels, got " + describe(image));
        return c;
    }

    private static String describe(Mat m) {
        return m.rows() + "x" + m.cols() + "x" + m.channels() + " " + ImageDepth.name(m.depth());
    }

    private static String typeName(int type) {
        return switch (type) {
            case BufferedImage.TYPE_BYTE_GRAY -> "TYPE_BYTE_GRAY";
            case BufferedImage.TYPE_USHORT_GRAY -> "TYPE_USHORT_GRAY";
            case BufferedImage.TYPE_3BYTE_BGR -> "TYPE_3BYTE_BGR";
            case BufferedImage.TYPE_INT_RGB -> "TYPE_INT_RGB";
            case BufferedImage.TYPE_INT_BGR -> "TYPE_INT_BGR";
            case BufferedImage.TYPE_4BYTE_ABGR -> "TYPE_4BYTE_ABGR";
            case BufferedImage.TYPE_INT_ARGB -> "TYPE_INT_ARGB";
            default -> "BufferedImage type " + type;
        };
    }
}
