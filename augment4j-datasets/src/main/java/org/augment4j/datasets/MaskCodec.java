package org.augment4j.datasets;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Object regions as masks and back: polygons are filled with OpenCV's {@code fillPoly} (vertices rounded to the nearest
 * pixel, boundary pixels included), RLE is decoded exactly; masks become polygons through {@code findContours}
 * (outer contours only, so holes are filled; contours of fewer than 3 points are dropped) or exact RLE. Masks are
 * single-channel uint8 with 1 inside. Stateless; the caller closes returned Mats.
 */
public final class MaskCodec {
    private MaskCodec() {}

    /** The {@code h × w} mask of a segmentation (RLE sizes must match). */
    public static Mat rasterise(Segmentation s, int w, int h) {
        if (s instanceof Segmentation.Rle r) {
            if (r.height() != h || r.width() != w) {
                throw new IllegalArgumentException("RLE size " + r.width() + "x" + r.height() + " does not match the " + w + "x" + h + " image");
            }
            return Mats.fromBytes(Rle.toPixels(r.counts(), h, w), h, w, 1);
        }
        Mat mask = Mats.zeros(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
        List<double[]> parts = ((Segmentation.Polygons) s).parts();
        try (MatVector polys = new MatVector(); Scalar one = new Scalar(1)) {
            List<Mat> keep = new ArrayList<>();
            for (double[] p : parts) {
                int n = p.length / 2;
                if (n < 1) continue;
                Mat m = new Mat(n, 1, CV_32SC2);
                IntBuffer b = m.createBuffer();
                for (int i = 0; i < 2 * n; i++) b.put(i, (int) Math.round(p[i]));
                keep.add(m);
            }
            for (Mat m : keep) polys.push_back(m);
            if (!keep.isEmpty()) fillPoly(mask, polys, one);
            for (Mat m : keep) m.close();
        }
        return mask;
    }

    /** The outer contours of a mask as polygons {@code [x1, y1, …]} of at least 3 points. */
    public static List<double[]> polygons(Mat mask) {
        List<double[]> out = new ArrayList<>();
        try (MatVector contours = new MatVector(); Mat copy = mask.clone()) {
            findContours(copy, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                try (Mat c = contours.get(i)) {
                    int n = (int) c.total();
                    if (n < 3) continue;
                    IntBuffer b = c.createBuffer();
                    double[] p = new double[2 * n];
                    for (int k = 0; k < 2 * n; k++) p[k] = b.get(k);
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The exact RLE of a mask. */
    public static Segmentation.Rle rle(Mat mask) {
        return new Segmentation.Rle(mask.rows(), mask.cols(), Rle.fromPixels(Mats.toBytes(mask), mask.rows(), mask.cols()));
    }

    /** The number of non-zero pixels. */
    public static int area(Mat mask) {
        return countNonZero(mask);
    }

    /** The tight box {@code [x, y, w, h]} of the non-zero pixels (pixel edges), or null for an empty mask. */
    public static double[] bbox(Mat mask) {
        byte[] px = Mats.toBytes(mask);
        int w = mask.cols(), h = mask.rows();
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (px[y * w + x] != 0) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    if (y > y1) y1 = y;
                }
            }
        }
        return x1 < 0 ? null : new double[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }
}
