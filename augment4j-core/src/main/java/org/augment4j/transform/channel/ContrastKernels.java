package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.CMP_NE;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_imgproc.calcHist;

import java.nio.FloatBuffer;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Albumentations' auto-contrast kernels: histogram bounds after a cutoff, and the stretching table. */
final class ContrastKernels {
    private ContrastKernels() {}

    /**
     * The 256-bin histogram of a uint8 plane over OpenCV's range [0, 255) — as Albumentations calls {@code calcHist}
     * with {@code [0, max_value]}, which leaves the value 255 out — skipping pixels equal to {@code ignore} (if >= 0).
     */
    static double[] histogram(Mat plane, int ignore) {
        double[] h = new double[256];
        try (Mat hist = new Mat(); Mat mask = new Mat()) {
            if (ignore >= 0) {
                try (Mat v = Mats.scalarMat(ignore)) {
                    compare(plane, v, mask, CMP_NE);
                }
            }
            calcHist(plane, 1, new int[] {0}, mask, hist, 1, new int[] {256}, new float[] {0, 255});
            FloatBuffer buf = hist.createBuffer();
            for (int i = 0; i < 256; i++) h[i] = buf.get(i);
        }
        return h;
    }

    /** {@code [lo, hi]}: the first and last non-empty bins, or after cutting {@code cutoff} percent of pixels off each end. */
    static int[] bounds(double[] hist, double cutoff) {
        if (cutoff == 0) {
            int lo = -1, hi = -1;
            for (int i = 0; i < 256; i++) {
                if (hist[i] != 0) {
                    if (lo < 0) lo = i;
                    hi = i;
                }
            }
            return lo < 0 ? new int[] {0, 0} : new int[] {lo, hi};
        }
        double total = 0;
        boolean uniform = true;
        for (double v : hist) {
            total += v;
            uniform &= v == hist[0];
        }
        if (total == 0) return new int[] {0, 0};
        if (uniform) {
            int lo = (int) (256 * cutoff / 100);
            return new int[] {lo, 256 - lo - 1};
        }
        double cut = total * cutoff / 100.0, sum = 0;
        int lo = 0;
        for (int i = 0; i < 256; i++) {
            sum += hist[i];
            if (sum >= cut) {
                lo = i + 1;
                break;
            }
        }
        lo = Math.min(lo, 255);
        int hi = 255;
        sum = 0;
        for (int i = 255; i >= 0; i--) {
            sum += hist[i];
            if (sum >= cut) {
                hi = i;
                break;
            }
        }
        return lo > hi ? new int[] {127, 127} : new int[] {lo, hi};
    }

    /** The stretching table for {@code [lo, hi]} with lo < hi: "cdf" maps through the cumulative histogram, "pil" linearly. */
    static byte[] table(double[] hist, int lo, int hi, String method) {
        byte[] lut = new byte[256];
        if ("cdf".equals(method)) {
            double[] cdf = new double[hi - lo + 1];
            double s = 0;
            for (int i = lo; i <= hi; i++) cdf[i - lo] = s += hist[i];
            if (cdf[cdf.length - 1] == 0) return org.augment4j.internal.PixelKernels.identity();
            double first = cdf[0], span = cdf[cdf.length - 1] - cdf[0];
            for (int i = lo; i <= hi; i++) lut[i] = (byte) (int) clip(Math.rint((cdf[i - lo] - first) * 255 / span));
        } else {
            double scale = 255.0 / (hi - lo);
            for (int i = lo; i <= hi; i++) lut[i] = (byte) (int) clip(Math.rint((i - lo) * scale));
        }
        for (int i = hi + 1; i < 256; i++) lut[i] = (byte) 255;
        return lut;
    }

    private static double clip(double v) {
        return Double.isNaN(v) ? 0 : Math.min(255, Math.max(0, v));
    }
}
