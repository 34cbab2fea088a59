package org.augment4j.target;

import java.util.Arrays;

/**
 * Bounding boxes in augment4j's internal form: normalised {@code [x_min, y_min, x_max, y_max]} (pixel edges at 0 and 1),
 * with their label columns. Inside a pipeline boxes may temporarily leave [0, 1]; the pipeline clips and filters them.
 * Immutable.
 */
public final class BoundingBoxes {
    private static final BoundingBoxes EMPTY = new BoundingBoxes(new double[0][], Labels.empty());
    private final double[][] boxes;
    private final Labels labels;

    private BoundingBoxes(double[][] boxes, Labels labels) {
        this.boxes = boxes;
        this.labels = labels;
    }

    /** No boxes. */
    public static BoundingBoxes empty() {
        return EMPTY;
    }

    /** Boxes (each copied, 4 values) with labels of the same row count. */
    public static BoundingBoxes of(double[][] normalizedBoxes, Labels labels) {
        double[][] copy = new double[normalizedBoxes.length][];
        for (int i = 0; i < copy.length; i++) {
            if (normalizedBoxes[i].length != 4) {
                throw new IllegalArgumentException("bbox " + i + " must have 4 coordinates, got " + Arrays.toString(normalizedBoxes[i]));
            }
            copy[i] = normalizedBoxes[i].clone();
        }
        if (labels.rows() != copy.length && !labels.names().isEmpty()) {
            throw new IllegalArgumentException(copy.length + " bboxes but " + labels.rows() + " labels");
        }
        return new BoundingBoxes(copy, labels.names().isEmpty() ? Labels.empty() : labels);
    }

    /** Number of boxes. */
    public int size() {
        return boxes.length;
    }

    /** A copy of box {@code i}. */
    public double[] get(int i) {
        return boxes[i].clone();
    }

    /** A copy of all boxes. */
    public double[][] toArray() {
        double[][] out = new double[boxes.length][];
        for (int i = 0; i < out.length; i++) out[i] = boxes[i].clone();
        return out;
    }

    /** The label columns. */
    public Labels labels() {
        return labels;
    }

    /** The same labels with new coordinates (one row each, same order). */
    public BoundingBoxes withBoxes(double[][] newBoxes) {
        if (newBoxes.length != boxes.length) throw new IllegalArgumentException("row count changed: " + boxes.length + " -> " + newBoxes.length);
        return new BoundingBoxes(newBoxes, labels);
    }

    /** The rows at the given indices, with their labels. */
    public BoundingBoxes select(int[] keep) {
        double[][] out = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) out[i] = boxes[keep[i]];
        return new BoundingBoxes(out, labels.select(keep));
    }
}
