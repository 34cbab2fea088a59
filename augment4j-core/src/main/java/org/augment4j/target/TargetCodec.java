package org.augment4j.target;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts boxes and keypoints between users' formats and augment4j's internal form, checking them on the way in, as
 * Albumentations' processors do at the edges of {@code Compose}.
 */
public final class TargetCodec {
    private TargetCodec() {}

    /**
     * Reads boxes in {@code params.format()} with their label columns.
     *
     * @throws IllegalArgumentException for a NaN coordinate, a box with x_min >= x_max or y_min >= y_max, or a box
     *                                  outside the image (unless {@code params.clip()}), naming the box — unless
     *                                  {@code params.filterInvalidBboxes()}, which drops such boxes with their labels
     */
    public static BoundingBoxes decodeBoxes(double[][] boxes, Map<String, ? extends List<?>> labels, BboxParams params, int width, int height) {
        if (boxes == null) throw new IllegalArgumentException("bboxes is null: give an empty array for a sample without boxes");
        Labels allLabels = Labels.of(select(labels, params.labelFields(), boxes.length, "bbox"), boxes.length);
        double[][] internal = new double[boxes.length][];
        int[] keep = new int[boxes.length];
        int n = 0;
        for (int i = 0; i < boxes.length; i++) {
            try {
                internal[n] = decodeBox(i, boxes[i], params, width, height);
                keep[n++] = i;
            } catch (IllegalArgumentException e) {
                if (!params.filterInvalidBboxes()) throw e;
            }
        }
        return BoundingBoxes.of(java.util.Arrays.copyOf(internal, n), n == boxes.length ? allLabels : allLabels.select(java.util.Arrays.copyOf(keep, n)));
    }

    private static double[] decodeBox(int i, double[] b, BboxParams params, int width, int height) {
        if (b == null || b.length < 4) throw new IllegalArgumentException("bbox " + i + " needs 4 values in format '" + params.format().id() + "', got " + Arrays.toString(b));
        for (double v : b) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("bbox " + i + " " + Arrays.toString(b) + " has a non-finite coordinate");
        }
        double[] a = params.format().toAlbumentations(b, width, height);
        if (params.clip()) {
            for (int k = 0; k < 4; k++) a[k] = Math.min(1, Math.max(0, a[k]));
        }
        check(i, b, a, params.format());
        return a;
    }

    private static void check(int i, double[] given, double[] a, BboxFormat f) {
        String[] names = {"x_min", "y_min", "x_max", "y_max"};
        for (int k = 0; k < 4; k++) {
            if (a[k] < -BoundingBoxes.TOLERANCE || a[k] > 1 + BoundingBoxes.TOLERANCE) {
                throw new IllegalArgumentException("bbox " + i + " " + Arrays.toString(given) + " in format '" + f.id() + "': " + names[k]
                        + " is outside the image (normalised " + a[k] + ", allowed [0, 1]); use BboxParams clip=true to clip it");
            }
        }
        if (a[2] <= a[0]) throw new IllegalArgumentException("bbox " + i + " " + Arrays.toString(given) + ": x_max must be greater than x_min");
        if (a[3] <= a[1]) throw new IllegalArgumentException("bbox " + i + " " + Arrays.toString(given) + ": y_max must be greater than y_min");
        for (int k = 0; k < 4; k++) a[k] = Math.min(1, Math.max(0, a[k]));
    }

    /** Writes boxes in {@code params.format()}. */
    public static double[][] encodeBoxes(BoundingBoxes boxes, BboxParams params, int width, int height) {
        double[][] out = new double[boxes.size()][];
        for (int i = 0; i < out.length; i++) out[i] = params.format().fromAlbumentations(boxes.get(i), width, height);
        return out;
    }

    /**
     * Reads keypoints in {@code params.format()} with their label columns.
     *
     * @throws IllegalArgumentException for a NaN value or a keypoint outside the image, naming it
     */
    public static Keypoints decodeKeypoints(double[][] kps, Map<String, ? extends List<?>> labels, KeypointParams params, int width, int height) {
        if (kps == null) throw new IllegalArgumentException("keypoints is null: give an empty array for a sample without keypoints");
        double[][] internal = new double[kps.length][];
        for (int i = 0; i < kps.length; i++) {
            double[] k = kps[i];
            if (k == null) throw new IllegalArgumentException("keypoint " + i + " is null");
            for (double v : k) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("keypoint " + i + " " + Arrays.toString(k) + " has a non-finite value");
            }
            double[] v = params.format().toInternal(k, params.angleInDegrees());
            if (v[0] < 0 || v[0] >= width || v[1] < 0 || v[1] >= height) {
                throw new IllegalArgumentException("keypoint " + i + " " + Arrays.toString(k) + " is outside the " + width + "x" + height
                        + " image: x must be in [0, " + width + "), y in [0, " + height + ")");
            }
            internal[i] = v;
        }
        return Keypoints.of(internal, Labels.of(select(labels, params.labelFields(), kps.length, "keypoint"), kps.length));
    }

    /** Writes keypoints in {@code params.format()}. */
    public static double[][] encodeKeypoints(Keypoints kps, KeypointParams params) {
        double[][] out = new double[kps.size()][];
        for (int i = 0; i < out.length; i++) out[i] = params.format().fromInternal(kps.get(i), params.angleInDegrees());
        return out;
    }

    private static Map<String, List<?>> select(Map<String, ? extends List<?>> labels, List<String> fields, int rows, String what) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        for (String f : fields) {
            List<?> col = labels == null ? null : labels.get(f);
            if (col == null) throw new IllegalArgumentException("label field '" + f + "' declared in the " + what + " params is missing");
            if (col.size() != rows) throw new IllegalArgumentException("label field '" + f + "' has " + col.size() + " values for " + rows + " " + (what.equals("bbox") ? "bboxes" : "keypoints"));
            out.put(f, col);
        }
        return out;
    }
}
