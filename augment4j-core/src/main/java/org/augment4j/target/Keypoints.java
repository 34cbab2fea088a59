package org.augment4j.target;

import java.util.Arrays;

/**
 * Keypoints in augment4j's internal form: {@code [x, y, angle_radians, scale]} in pixels (pixel centres at integers),
 * with their label columns. Immutable.
 */
public final class Keypoints {
    private static final Keypoints EMPTY = new Keypoints(new double[0][], Labels.empty());
    private final double[][] points;
    private final Labels labels;

    private Keypoints(double[][] points, Labels labels) {
        this.points = points;
        this.labels = labels;
    }

    /** No keypoints. */
    public static Keypoints empty() {
        return EMPTY;
    }

    /** Keypoints (each copied, 4 values) with labels of the same row count. */
    public static Keypoints of(double[][] internal, Labels labels) {
        double[][] copy = new double[internal.length][];
        for (int i = 0; i < copy.length; i++) {
            if (internal[i].length != 4) {
                throw new IllegalArgumentException("keypoint " + i + " must have 4 values [x, y, angle, scale], got " + Arrays.toString(internal[i]));
            }
            copy[i] = internal[i].clone();
        }
        if (labels.rows() != copy.length && !labels.names().isEmpty()) {
            throw new IllegalArgumentException(copy.length + " keypoints but " + labels.rows() + " labels");
        }
        return new Keypoints(copy, labels.names().isEmpty() ? Labels.empty() : labels);
    }

    /** Number of keypoints. */
    public int size() {
        return points.length;
    }

    /** A copy of keypoint {@code i}. */
    public double[] get(int i) {
        return points[i].clone();
    }

    /** A copy of all keypoints. */
    public double[][] toArray() {
        double[][] out = new double[points.length][];
        for (int i = 0; i < out.length; i++) out[i] = points[i].clone();
        return out;
    }

    /** The label columns, one row per keypoint. */
    public Labels labels() {
        return labels;
    }

    /** The same labels with new values (one row each, same order). */
    public Keypoints withPoints(double[][] newPoints) {
        if (newPoints.length != points.length) throw new IllegalArgumentException("row count changed: " + points.length + " -> " + newPoints.length);
        return new Keypoints(newPoints, labels);
    }

    /** The same keypoints with new labels (same row count). */
    public Keypoints withLabels(Labels newLabels) {
        if (newLabels.rows() != points.length) throw new IllegalArgumentException("row count changed: " + points.length + " -> " + newLabels.rows());
        return new Keypoints(points, newLabels);
    }

    /** The rows at the given indices, with their labels. */
    public Keypoints select(int[] keep) {
        double[][] out = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) out[i] = points[keep[i]];
        return new Keypoints(out, labels.select(keep));
    }
}
