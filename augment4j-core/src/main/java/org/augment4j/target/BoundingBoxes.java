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

    /**
     * How far (in normalised units) a coordinate given to {@link #of} may lie outside [0, 1]: rounding slack, about
     * 1e-7 of the image size, the tolerance {@link TargetCodec} also allows on the way in.
     */
    public static final double TOLERANCE = 1e-7;

    /**
     * Boxes in internal form (each copied) with labels of the same row count: every box is normalised
     * {@code [x_min, y_min, x_max, y_max]}, each coordinate in [0, 1] (within {@link #TOLERANCE}).
     *
     * <p>This is not the place for boxes in pixels or in another format: give those to
     * {@code Compose.apply(Inputs.of(image).bboxes(...))} or {@link TargetCodec#decodeBoxes}, which read the
     * {@link BboxParams#format() declared format}. A box with a coordinate outside [0, 1], such as a pixel box, is
     * an error rather than a box the pipeline would silently clip away. Transforms whose boxes leave the image
     * part-way through a pipeline use {@link #unclipped}.
     *
     * @throws IllegalArgumentException if a box does not have 4 finite coordinates in [0, 1] (naming the box), or the
     *                                  labels have another row count
     */
    public static BoundingBoxes of(double[][] normalizedBoxes, Labels labels) {
        BoundingBoxes b = unclipped(normalizedBoxes, labels);
        for (int i = 0; i < b.boxes.length; i++) {
            for (double v : b.boxes[i]) {
                if (!(v >= -TOLERANCE && v <= 1 + TOLERANCE)) {
                    throw new IllegalArgumentException("BoundingBoxes.of takes normalised [0, 1] coordinates [x_min, y_min, x_max, y_max]; bbox " + i
                            + " is " + Arrays.toString(b.boxes[i]) + ". Pass boxes in pixels or another format through Compose.apply(Inputs.of(image).bboxes(...))"
                            + " or TargetCodec.decodeBoxes with their BboxParams; boxes that leave the image inside a pipeline go through BoundingBoxes.unclipped");
                }
            }
        }
        return b;
    }

    /**
     * Boxes in internal form (each copied) that may lie partly or wholly outside the image, as boxes do between the
     * transforms of a pipeline (for example after a rotation, before the pipeline clips and filters them). For
     * transforms and other code working inside a pipeline; users give boxes through {@link #of} or
     * {@link TargetCodec#decodeBoxes}.
     *
     * @throws IllegalArgumentException if a box does not have 4 values, or the labels have another row count
     */
    public static BoundingBoxes unclipped(double[][] normalizedBoxes, Labels labels) {
        double[][] copy = new double[normalizedBoxes.length][];
        for (int i = 0; i < copy.length; i++) {
            if (normalizedBoxes[i] == null || normalizedBoxes[i].length != 4) {
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

    /**
     * A copy of box {@code i}: normalised {@code [x_min, y_min, x_max, y_max]}, not pixels and not the pipeline's
     * declared format (convert with {@link TargetCodec#encodeBoxes}, or use {@code Augmented.bboxes()}).
     */
    public double[] get(int i) {
        return boxes[i].clone();
    }

    /**
     * A copy of all boxes, <b>normalised</b>: {@code [x_min, y_min, x_max, y_max]} as fractions of the image width and
     * height, whatever format the pipeline declares — not pixels (keypoints, by contrast, are in pixels). For boxes in
     * the declared format use {@code Compose.apply(Inputs)}'s {@code Augmented.bboxes()} or
     * {@link TargetCodec#encodeBoxes}.
     */
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
