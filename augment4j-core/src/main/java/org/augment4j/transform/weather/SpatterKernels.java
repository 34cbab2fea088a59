package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CMP_LT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_L2;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC;
import static org.bytedeco.opencv.global.opencv_imgproc.distanceTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.nio.FloatBuffer;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Size;

/** The rain and mud renderings of {@link Spatter}, on float32 RGB images in [0, 1] and a float32 liquid layer. */
final class SpatterKernels {
    private SpatterKernels() {}

    /**
     * Rain: the layer's Canny edges (as uint8, 50/150) give a distance map (L2, truncated at 20, blurred 3×3 σ 1,
     * equalised, correlated with {@code [[-2,-1,0],[-1,1,1],[0,1,2]]}, blurred 5×5 σ 1.5, replicated borders); the
     * layer times that map, normalised to a maximum of 1, times {@code color · 0.9 · intensity} is added and clipped.
     */
    static Mat rain(Mat img, Mat liquid, double[] color, double intensity) {
        try (Mat scaled = new Mat(); Mat edges = new Mat(); Mat dist = new Mat(); Mat d8 = new Mat(); Mat eq = new Mat();
             Mat ker = new Mat(3, 3, CV_32F); Mat conv = new Mat(); Mat blurred = new Mat(); Mat df = new Mat(); Mat m = new Mat();
             Size k3 = new Size(3, 3); Size k5 = new Size(5, 5); org.bytedeco.opencv.opencv_core.Point anchor = new org.bytedeco.opencv.opencv_core.Point(-1, -1)) {
            liquid.convertTo(scaled, CV_32F, 255, 0);
            try (Mat l8 = PixelKernels.truncateToUint8(scaled)) {
                Canny(l8, edges, 50, 150);
            }
            bitwise_not(edges, edges);
            distanceTransform(edges, dist, DIST_L2, 5);
            threshold(dist, dist, 20, 20, THRESH_TRUNC);
            GaussianBlur(dist, dist, k3, 1, 1, BORDER_REPLICATE, 0);
            try (Mat t = PixelKernels.truncateToUint8(dist)) {
                equalizeHist(t, eq);
            }
            ((FloatBuffer) ker.createBuffer()).put(new float[] {-2, -1, 0, -1, 1, 1, 0, 1, 2});
            filter2D(eq, conv, -1, ker, anchor, 0, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT);
            GaussianBlur(conv, blurred, k5, 1.5, 1.5, BORDER_REPLICATE, 0);
            blurred.convertTo(df, CV_32F);
            multiply(liquid, df, m);
            double top = maxOf(m);
            if (top > 0) m.convertTo(m, CV_32F, 1 / top, 0);
            else m.convertTo(m, CV_32F, 0, 0);
            try (Mat drops = PixelKernels.replicate(m, 3); Mat gain = Mats.scalarMat(color[0] * intensity * 0.9, color[1] * intensity * 0.9, color[2] * intensity * 0.9, 0)) {
                multiply(drops, gain, drops);
                Mat out = new Mat();
                add(img, drops, out);
                PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
        }
    }

    /**
     * Mud: the wet mask ({@code liquid > cutout}; if empty, about 10% of the pixels from a uniform field seeded with
     * {@code seed}) blurred with σ, normalised to a maximum of 1 and scaled by intensity; {@code img · (1 − mask) + mask · color}.
     */
    static Mat mud(Mat img, Mat liquid, double[] color, double cutout, double sigma, double intensity, long seed) {
        try (Mat wet = new Mat(); Mat mask = new Mat(); Mat inv = new Mat(); Mat keep = new Mat(); Mat mud = new Mat(); Mat thr = Mats.scalarMat(cutout)) {
            compare(liquid, thr, wet, CMP_GT);
            if (countNonZero(wet) == 0) {
                try (Mat u = new Mat(liquid.rows(), liquid.cols(), CV_32F); RNG rng = new RNG(seed ^ 0x5DEECE66DL);
                     Mat lo = Spatter.one(0); Mat hi = Spatter.one(1); Mat tenth = Mats.scalarMat(0.1)) {
                    rng._fill(u, RNG.UNIFORM, lo, hi);
                    compare(u, tenth, wet, CMP_LT);
                }
            }
            wet.convertTo(mask, CV_32F, 1 / 255.0, 0);
            if (sigma > 0) {
                try (Size none = new Size(0, 0)) {
                    GaussianBlur(mask, mask, none, sigma, sigma, BORDER_REPLICATE, 0);
                }
            }
            double top = maxOf(mask);
            if (top > 0) mask.convertTo(mask, CV_32F, intensity / top, 0);
            mask.convertTo(inv, CV_32F, -1, 1);
            try (Mat inv3 = PixelKernels.replicate(inv, 3); Mat mask3 = PixelKernels.replicate(mask, 3);
                 Mat col = Mats.scalarMat(color[0], color[1], color[2], 0)) {
                multiply(img, inv3, keep);
                multiply(mask3, col, mud);
                Mat out = new Mat();
                add(keep, mud, out);
                PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
        }
    }

    static double maxOf(Mat m) {
        try (DoublePointer max = new DoublePointer(1)) {
            minMaxLoc(m, (DoublePointer) null, max, null, null, null);
            return max.get();
        }
    }
}
