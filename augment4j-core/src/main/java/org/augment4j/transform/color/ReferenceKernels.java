package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.calcHist;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Pure kernels of the reference-image transforms: conforming a reference to an image, histogram matching tables. */
final class ReferenceKernels {
    private ReferenceKernels() {}

    /**
     * A new copy of {@code reference} with the image's size (bilinear resize, as {@code cv2.resize}), channel count
     * ({@code channels}: 1 gray or 3 RGB) and depth (uint8, or float32 in [0, 1]).
     */
    public static Mat conform(Mat reference, int rows, int cols, int channels, int depth) {
        Mat cur = reference.clone();
        if (cur.rows() != rows || cur.cols() != cols) cur = swap(cur, m -> {
            Mat o = new Mat();
            try (Size s = new Size(cols, rows)) {
                resize(m, o, s, 0, 0, INTER_LINEAR);
            }
            return o;
        });
        int c = cur.channels();
        if (c == 4) cur = swap(cur, m -> cvt(m, COLOR_RGBA2RGB));
        if (channels == 1 && cur.channels() == 3) cur = swap(cur, m -> cvt(m, COLOR_RGB2GRAY));
        if (channels == 3 && cur.channels() == 1) cur = swap(cur, m -> cvt(m, COLOR_GRAY2RGB));
        if (cur.channels() != channels) {
            cur.close();
            throw new IllegalArgumentException("a reference of " + c + " channel(s) cannot be matched to an image of " + channels + " channel(s)");
        }
        if (cur.depth() != depth) {
            boolean toFloat = depth == CV_32F;
            cur = swap(cur, m -> {
                Mat o = new Mat();
                m.convertTo(o, toFloat ? CV_32F : CV_8U, Mats.isFloat(m) ? 255 : 1 / 255.0, 0);
                return o;
            });
        }
        return cur;
    }

    private static Mat cvt(Mat m, int code) {
        Mat o = new Mat();
        cvtColor(m, o, code);
        return o;
    }

    private static Mat swap(Mat m, java.util.function.UnaryOperator<Mat> f) {
        try (m) {
            return f.apply(m);
        }
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
     * skimage's {@code match_histograms} for one uint8 channel as a table over 0..255: the source value's cumulative
     * quantile, interpolated ({@code np.interp}) into the template's quantiles over its occurring values.
     */
    static double[] matchTable(long[] source, long[] template) {
        double srcTotal = 0, tmplTotal = 0;
        for (long v : source) srcTotal += v;
        for (long v : template) tmplTotal += v;
        int n = 0;
        double[] xp = new double[256], fp = new double[256];
        double cum = 0;
        for (int v = 0; v < 256; v++) {
            if (template[v] == 0) continue;
            cum += template[v];
            xp[n] = cum / tmplTotal;
            fp[n++] = v;
        }
        double[] out = new double[256];
        cum = 0;
        for (int v = 0; v < 256; v++) {
            cum += source[v];
            out[v] = interp(cum / srcTotal, xp, fp, n);
        }
        return out;
    }

    /** numpy's {@code interp} over the first {@code n} points (clamped at both ends). */
    static double interp(double x, double[] xp, double[] fp, int n) {
        if (x <= xp[0]) return fp[0];
        if (x >= xp[n - 1]) return fp[n - 1];
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xp[mid] <= x) lo = mid; else hi = mid;
        }
        double t = (x - xp[lo]) / (xp[hi] - xp[lo]);
        return fp[lo] + t * (fp[hi] - fp[lo]);
    }
}
