package org.augment4j.internal;

import java.util.Arrays;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;

/**
 * Clips and filters labels after a transform, as Albumentations' processors do: boxes are clipped to the image and
 * dropped when nothing, or too little ({@code min_area}, {@code min_visibility}, {@code min_width},
 * {@code min_height}), is left; keypoints outside the image are dropped when {@code remove_invisible}. Labels go with
 * their rows.
 */
public final class LabelFilter {
    private LabelFilter() {}

    /** Clips normalised boxes to [0, 1] and keeps those that pass {@code params} on a {@code w × h} image. */
    public static BoundingBoxes boxes(BoundingBoxes boxes, BboxParams params, int w, int h) {
        if (boxes.size() == 0) return boxes;
        double[][] clipped = new double[boxes.size()][];
        int[] keep = new int[boxes.size()];
        int n = 0;
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            double areaBefore = area(b, w, h);
            double[] c = {clip(b[0]), clip(b[1]), clip(b[2]), clip(b[3])};
            double area = area(c, w, h);
            double cw = (c[2] - c[0]) * w, ch = (c[3] - c[1]) * h;
            boolean ok = area > 0 && cw > 0 && ch > 0
                    && (params.maxAcceptRatio() == 0 || Math.max(cw / ch, ch / cw) <= params.maxAcceptRatio())
                    && area >= params.minArea()
                    && area / areaBefore >= params.minVisibility()
                    && cw >= params.minWidth()
                    && ch >= params.minHeight();
            clipped[i] = c;
            if (ok) keep[n++] = i;
        }
        return boxes.withBoxes(clipped).select(Arrays.copyOf(keep, n));
    }

    private static double clip(double v) {
        return Math.min(1, Math.max(0, v));
    }

    private static double area(double[] b, int w, int h) {
        return Math.max(0, b[2] - b[0]) * w * Math.max(0, b[3] - b[1]) * h;
    }

    /**
     * Keeps keypoints inside a {@code w × h} image ({@code 0 <= x < w}, {@code 0 <= y < h}) when
     * {@code remove_invisible}; with a {@code visibility_field}, keypoints outside are kept with that field set to 0.
     */
    public static Keypoints keypoints(Keypoints kps, KeypointParams params, int w, int h) {
        if (kps.size() == 0 || !params.removeInvisible()) return kps;
        if (params.visibilityField() != null) return markInvisible(kps, params.visibilityField(), w, h);
        int[] keep = new int[kps.size()];
        int n = 0;
        for (int i = 0; i < kps.size(); i++) {
            double[] k = kps.get(i);
            if (k[0] >= 0 && k[0] < w && k[1] >= 0 && k[1] < h) keep[n++] = i;
        }
        return n == kps.size() ? kps : kps.select(Arrays.copyOf(keep, n));
    }

    private static Keypoints markInvisible(Keypoints kps, String field, int w, int h) {
        java.util.List<Object> vis = new java.util.ArrayList<>(kps.labels().get(field));
        boolean changed = false;
        for (int i = 0; i < kps.size(); i++) {
            double[] k = kps.get(i);
            if (!(k[0] >= 0 && k[0] < w && k[1] >= 0 && k[1] < h) && !isZero(vis.get(i))) {
                vis.set(i, 0);
                changed = true;
            }
        }
        return changed ? kps.withLabels(kps.labels().with(field, vis)) : kps;
    }

    private static boolean isZero(Object v) {
        return v instanceof Number n && n.doubleValue() == 0 || Boolean.FALSE.equals(v);
    }
}
