package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.transform.Fill;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Pure kernels of the dropout transforms: fill rectangular holes in images and masks, and drop the labels they hide —
 * keypoints inside a hole, and boxes whose visible area falls to zero or below {@code min_area} /
 * {@code min_visibility} of the pipeline's {@link BboxParams}. Holes are {@code {x1, y1, x2, y2}}, x2/y2 exclusive.
 */
final class Holes {
    private Holes() {}

    /**
     * Applies holes to every target of a sample.
     *
     * @param fillMask the mask fill, or null to leave masks untouched
     */
    public static Sample apply(Sample s, int[][] holes, Fill fill, Fill fillMask) {
        return apply(s, holes, HoleFill.of(fill), fillMask, 0L);
    }

    /**
     * Applies holes to every target of a sample, images filled by {@code fill} (random fills drawn from {@code seed}).
     *
     * @param fillMask the mask fill, or null to leave masks untouched
     */
    public static Sample apply(Sample s, int[][] holes, HoleFill fill, Fill fillMask, long seed) {
        if (holes.length == 0) return s;
        Map<String, Mat> images = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.images().entrySet()) images.put(e.getKey(), fill.fill(e.getValue(), holes, seed));
        Sample out = s.withImages(images);
        if (fillMask != null) {
            Map<String, Mat> masks = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), fillHoles(e.getValue(), holes, fillMask));
            out = out.withMasks(masks);
        }
        if (s.boxes().size() == 0 && s.keypoints().size() == 0) return out; // no labels to hide: skip the coverage map
        try (Mat covered = org.augment4j.opencv.Mats.zeros(s.height(), s.width(), CV_8U)) {
            try (Scalar one = new Scalar(255.0)) {
                for (int[] h : holes) {
                    try (Rect r = new Rect(h[0], h[1], h[2] - h[0], h[3] - h[1]); Mat roi = new Mat(covered, r)) {
                        roi.put(one);
                    }
                }
            }
            return out.withBoxes(visibleBoxes(s.boxes(), covered, s.bboxParams())).withKeypoints(uncoveredKeypoints(s.keypoints(), covered));
        }
    }

    /** The holes clipped to a {@code w × h} image, without those left empty. */
    public static int[][] clipped(int[][] holes, int w, int h) {
        return Arrays.stream(holes)
                .map(o -> new int[] {clamp(o[0], w), clamp(o[1], h), clamp(o[2], w), clamp(o[3], h)})
                .filter(o -> o[2] > o[0] && o[3] > o[1])
                .toArray(int[][]::new);
    }

    /** A copy of {@code m} with every hole set to {@code fill}. */
    public static Mat fillHoles(Mat m, int[][] holes, Fill fill) {
        Mat out = m.clone();
        try (Scalar v = fill.scalar()) {
            for (int[] h : holes) {
                try (Rect r = new Rect(h[0], h[1], h[2] - h[0], h[3] - h[1]); Mat roi = new Mat(out, r)) {
                    roi.put(v);
                }
            }
        }
        return out;
    }

    /**
     * Keeps boxes with some area not covered by {@code covered} (non-zero = hidden), that also pass the pipeline's
     * {@code min_area} (pixels left visible) and {@code min_visibility} (fraction left visible).
     */
    public static BoundingBoxes visibleBoxes(BoundingBoxes boxes, Mat covered, BboxParams params) {
        if (boxes.size() == 0) return boxes;
        int w = covered.cols(), h = covered.rows();
        int[] keep = new int[boxes.size()];
        int n = 0;
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            int x1 = clamp((int) Math.floor(b[0] * w), w), y1 = clamp((int) Math.floor(b[1] * h), h);
            int x2 = clamp((int) Math.ceil(b[2] * w), w), y2 = clamp((int) Math.ceil(b[3] * h), h);
            if (x2 <= x1 || y2 <= y1) {
                keep[n++] = i;
                continue;
            }
            long area = (long) (x2 - x1) * (y2 - y1);
            long hidden;
            try (Rect r = new Rect(x1, y1, x2 - x1, y2 - y1); Mat roi = new Mat(covered, r)) {
                hidden = countNonZero(roi);
            }
            long visible = area - hidden;
            double minArea = params == null ? 0 : params.minArea();
            double minVis = params == null ? 0 : params.minVisibility();
            if (visible > 0 && visible >= minArea && (double) visible / area >= minVis) keep[n++] = i;
        }
        return n == boxes.size() ? boxes : boxes.select(Arrays.copyOf(keep, n));
    }

    /** Drops keypoints whose pixel is covered (non-zero in {@code covered}). */
    public static Keypoints uncoveredKeypoints(Keypoints kps, Mat covered) {
        if (kps.size() == 0) return kps;
        int w = covered.cols(), h = covered.rows();
        java.nio.ByteBuffer buf = covered.createBuffer();
        int step = (int) covered.step();
        int[] keep = new int[kps.size()];
        int n = 0;
        for (int i = 0; i < kps.size(); i++) {
            double[] k = kps.get(i);
            int x = (int) Math.floor(k[0]), y = (int) Math.floor(k[1]);
            boolean hidden = x >= 0 && y >= 0 && x < w && y < h && buf.get(y * step + x) != 0;
            if (!hidden) keep[n++] = i;
        }
        return n == kps.size() ? kps : kps.select(Arrays.copyOf(keep, n));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
