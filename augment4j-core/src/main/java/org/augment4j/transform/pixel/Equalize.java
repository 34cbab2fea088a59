package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.calcHist;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Equalizes the histogram. Albumentations' {@code Equalize}: {@code mode} {@code "cv"} (OpenCV {@code equalizeHist},
 * default) or {@code "pil"} (Pillow's {@code ImageOps.equalize} table), {@code by_channels} (default true: each of R, G,
 * B on its own; false: the Y channel of YCrCb only), p = 0.5. Targets: image (uint8 only; 1, 3 or 4 channels, alpha
 * kept). Albumentations' {@code mask} / {@code mask_params} are not supported: a pipeline file may give them only as
 * null / empty.
 */
public final class Equalize extends FixedPixelTransform {
    private final String mode;
    private final boolean byChannels;

    /**
     * @param mode       {@code mode}: {@code "cv"} (OpenCV {@code equalizeHist}) or {@code "pil"} (Pillow's table)
     * @param byChannels {@code by_channels}: whether R, G and B are equalized each on its own (else the Y of YCrCb only)
     * @param p          probability of applying the transform, in [0, 1]
     */
    public Equalize(String mode, boolean byChannels, double p) {
        super(p);
        Allowed.oneOf("cv", "pil").check(name(), "mode", mode);
        this.mode = mode;
        this.byChannels = byChannels;
    }

    /** With Albumentations' defaults: mode "cv", by_channels true, p = 0.5. */
    public Equalize() {
        this("cv", true, 0.5);
    }

    static Equalize fromDict(Params r) {
        if (r.raw("mask") != null) throw r.error("mask", "is not supported by augment4j (only null)");
        Object mp = r.raw("mask_params");
        if (mp != null && !(mp instanceof List<?> l && l.isEmpty())) throw r.error("mask_params", "is not supported by augment4j (only [] or null), got " + mp);
        return new Equalize(r.string("mode", "cv"), r.bool("by_channels", true), r.p(0.5));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        PixelKernels.requireUint8(name(), image);
        int c = image.channels();
        Check.that(c == 1 || c == 3 || c == 4, name(), "needs 1, 3 or 4 channels, got " + c);
        if (c == 1) return equalize(image);
        Mat out = new Mat();
        try (MatVector planes = new MatVector()) {
            split(image, planes);
            if (byChannels) {
                for (int i = 0; i < 3; i++) equalizeInPlace(planes.get(i));
            } else {
                lumaOnly(planes);
            }
            merge(planes, out);
        }
        return out;
    }

    /** Equalizes Y of YCrCb and writes R, G, B back into {@code planes[0..2]}. */
    private void lumaOnly(MatVector planes) {
        try (MatVector rgbPlanes = new MatVector(planes.get(0), planes.get(1), planes.get(2)); Mat rgb = new Mat(); Mat ycc = new Mat();
             MatVector yccPlanes = new MatVector()) {
            merge(rgbPlanes, rgb);
            cvtColor(rgb, ycc, COLOR_RGB2YCrCb);
            split(ycc, yccPlanes);
            equalizeInPlace(yccPlanes.get(0));
            merge(yccPlanes, ycc);
            cvtColor(ycc, rgb, COLOR_YCrCb2RGB);
            split(rgb, rgbPlanes);
            for (int i = 0; i < 3; i++) rgbPlanes.get(i).copyTo(planes.get(i));
        }
    }

    private void equalizeInPlace(Mat plane) {
        if (mode.equals("cv")) {
            equalizeHist(plane, plane);
            return;
        }
        try (Mat eq = equalize(plane)) {
            eq.copyTo(plane);
        }
    }

    private Mat equalize(Mat plane) {
        if (mode.equals("cv")) {
            Mat out = new Mat();
            equalizeHist(plane, out);
            return out;
        }
        byte[] table = pilTable(histogram(plane));
        return table == null ? plane.clone() : PixelKernels.lut(plane, table);
    }

    /** The 256-bin histogram of a uint8 plane. */
    static long[] histogram(Mat plane) {
        long[] h = new long[256];
        try (Mat hist = new Mat(); Mat noMask = new Mat()) {
            calcHist(plane, 1, new int[] {0}, noMask, hist, 1, new int[] {256}, new float[] {0, 256});
            FloatBuffer buf = hist.createBuffer();
            for (int i = 0; i < 256; i++) h[i] = (long) buf.get(i);
        }
        return h;
    }

    /**
     * Pillow's {@code ImageOps.equalize} table (as Albumentations' {@code _equalize_pil}): {@code step = (Σh − h[last
     * non-zero]) // 255}; {@code lut[i] = min((step // 2 + Σ_{j<i} h[j]) // step, 255)}. Null when it leaves the image
     * unchanged (at most one distinct value, or step 0).
     */
    static byte[] pilTable(long[] h) {
        long total = 0, last = 0;
        int distinct = 0;
        for (long v : h) {
            if (v != 0) {
                distinct++;
                last = v;
                total += v;
            }
        }
        if (distinct <= 1) return null;
        long step = (total - last) / 255;
        if (step == 0) return null;
        byte[] lut = new byte[256];
        long n = step / 2;
        for (int i = 0; i < 256; i++) {
            lut[i] = (byte) Math.min(n / step, 255);
            n += h[i];
        }
        return lut;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("by_channels", byChannels);
        return m;
    }
}
