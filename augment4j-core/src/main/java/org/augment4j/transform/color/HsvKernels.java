package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CMP_GE;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Pure HSV and saturation kernels on 3-channel RGB images, as Albumentations computes them with OpenCV: uint8 hue in
 * [0, 180), float32 hue in degrees [0, 360), saturation and value in the image's range.
 */
final class HsvKernels {
    private HsvKernels() {}

    /**
     * Albumentations' {@code shift_hsv} on RGB: uint8 through tables ({@code (h + hue) mod 180},
     * {@code clip(s + sat, 0, 255)}, {@code clip(v + val, 0, 255)}, truncated); float32 adds the shifts as given
     * ({@code (h + hue) mod 360}, saturation and value clipped to [0, 1]).
     */
    public static Mat shiftHsv(Mat rgb, double hue, double sat, double val) {
        if (hue == 0 && sat == 0 && val == 0) return rgb.clone();
        try (Mat hsv = new Mat()) {
            cvtColor(rgb, hsv, COLOR_RGB2HSV);
            Mat shifted;
            if (Mats.isFloat(rgb)) {
                shifted = new Mat();
                try (Mat s = Mats.scalarMat(0, sat, val, 0); MatVector planes = new MatVector()) {
                    add(hsv, s, shifted);
                    split(shifted, planes);
                    rotateHueDegrees(planes.get(0), hue);
                    PixelKernels.clipInPlace(planes.get(1), 0, 1);
                    PixelKernels.clipInPlace(planes.get(2), 0, 1);
                    merge(planes, shifted);
                }
            } else {
                shifted = lutUint8(hsv, hueTable(hue), clipTable(sat), clipTable(val));
            }
            try (shifted) {
                Mat out = new Mat();
                cvtColor(shifted, out, COLOR_HSV2RGB);
                return out;
            }
        }
    }

    /**
     * A uint8 HSV image (hue below 180) through per-channel tables. When the hue table rotates hues by an integer
     * {@code k} (as every {@link #hueTable} does) this takes SIMD passes instead of a three-table look-up: saturation
     * and value through {@link PixelKernels#lut} (saturating adds), then the hue rotation in six saturating passes
     * over all channels (no mask, no compare), with scalars that leave saturation and value as they are:
     * <pre>
     *   u = h + k                t = h − (180 − k)          (both saturated to 0..255)
     *   wrap = 255 · (u − 179)   (0 where u &lt; 180, else 255)
     *   h'  = (u − wrap) + t     = u where h + k &lt; 180, else h + k − 180
     * </pre>
     */
    static Mat lutUint8(Mat hsv, byte[] hueT, byte[] satT, byte[] valT) {
        int k = rotation(hueT);
        if (k < 0 || hsv.channels() != 3 || Mats.scalarLike(hsv)) return PixelKernels.lut(hsv, hueT, satT, valT);
        byte[] id = PixelKernels.identity();
        boolean hueOnly = java.util.Arrays.equals(satT, id) && java.util.Arrays.equals(valT, id);
        Mat sv = hueOnly ? null : PixelKernels.lut(hsv, id, satT, valT);  // ColorJitter's hue step shifts nothing else
        if (k == 0) return sv != null ? sv : hsv.clone();
        Mat src = sv != null ? sv : hsv;
        Mat out = new Mat();
        try (Mat ownedSv = sv; Mat up = Mats.scalarMat(k, 0, 0, 0); Mat down = Mats.scalarMat(180 - k, 255, 255, 0);
             Mat top = Mats.scalarMat(179, 255, 255, 0); Mat u = new Mat(); Mat t = new Mat(); Mat wrap = new Mat()) {
            add(src, up, u);
            subtract(src, down, t);
            subtract(u, top, wrap);
            wrap.convertTo(wrap, -1, 255, 0);
            subtract(u, wrap, out);
            add(out, t, out);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** The k in [0, 180) with {@code table[h] == (h + k) mod 180} for every hue h below 180, or -1. */
    static int rotation(byte[] table) {
        int k = table[0] & 0xFF;
        if (k >= 180) return -1;
        for (int h = 0; h < 180; h++) if ((table[h] & 0xFF) != (h + k) % 180) return -1;
        return k;
    }

    /** {@code (h + shift) mod 180} truncated, over h in 0..255 (numpy's non-negative mod). */
    static byte[] hueTable(double shift) {
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) {
            double m = (v + shift) % 180;
            if (m < 0) m += 180;
            t[v] = (byte) (int) m;
        }
        return t;
    }

    /** {@code clip(v + shift, 0, 255)} truncated. */
    static byte[] clipTable(double shift) {
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) t[v] = ColorKernels.clipToByte(v + shift);
        return t;
    }

    /** Adds {@code shift} degrees to a float32 hue plane in [0, 360), in place, wrapping into [0, 360). */
    static void rotateHueDegrees(Mat hue, double shift) {
        double s = shift % 360;
        if (s < 0) s += 360;
        if (s == 0) return;
        try (Mat add = Mats.scalarMat(s); Mat full = Mats.scalarMat(360); Mat over = new Mat()) {
            add(hue, add, hue);
            compare(hue, full, over, CMP_GE);
            subtract(hue, full, hue, over, -1);
        }
    }

    /**
     * torchvision's saturation: {@code addWeighted(img, factor, gray, 1 − factor)} with gray the RGB luma replicated
     * (OpenCV saturating arithmetic for uint8; float32 clipped to [0, 1]).
     */
    public static Mat saturation(Mat rgb, double factor) {
        if (factor == 1) return rgb.clone();
        try (Mat g = new Mat(); Mat gray = new Mat()) {
            cvtColor(rgb, g, COLOR_RGB2GRAY);
            cvtColor(g, gray, COLOR_GRAY2RGB);
            if (factor == 0) return gray.clone();
            Mat out = new Mat();
            addWeighted(rgb, factor, gray, 1 - factor, 0, out);
            if (Mats.isFloat(out)) PixelKernels.clipInPlace(out, 0, 1);
            return out;
        }
    }

    /** torchvision's hue: the hue rotated by {@code factor} of a full turn (uint8 via a table mod 180). */
    public static Mat hue(Mat rgb, double factor) {
        if (factor == 0) return rgb.clone();
        try (Mat hsv = new Mat()) {
            cvtColor(rgb, hsv, COLOR_RGB2HSV);
            Mat rotated;
            if (Mats.isFloat(rgb)) {
                rotated = new Mat();
                try (MatVector planes = new MatVector()) {
                    split(hsv, planes);
                    rotateHueDegrees(planes.get(0), factor * 360);
                    merge(planes, rotated);
                }
            } else {
                byte[] id = PixelKernels.identity();
                rotated = lutUint8(hsv, hueTable(180 * factor), id, id);
            }
            try (rotated) {
                Mat out = new Mat();
                cvtColor(rotated, out, COLOR_HSV2RGB);
                return out;
            }
        }
    }
}
