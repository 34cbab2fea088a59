package org.augment4j.transform.dropout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Cuts holes inside chosen objects only. Albumentations' {@code ConstrainedCoarseDropout} (2.x): num_holes_range (1, 1)
 * holes per object (one count drawn per application), hole_height_range and hole_width_range (0.1, 0.1) as fractions
 * of the object's size, fill 0 (or a {@link HoleFill} mode), fill_mask none (masks untouched), p = 0.5, and the objects:
 * <ul>
 *   <li>{@code mask_indices} (values ≥ 1 of the main mask; wins when both are given): every 8-connected component of
 *       those values gets holes centred on random pixels of it, sides a fraction of √(component area);</li>
 *   <li>{@code bbox_labels} (numbers or strings): every box whose label in the first label field of the pipeline's
 *       {@link BboxParams} is one of them gets holes at random places inside it, sides a fraction of the box's.</li>
 * </ul>
 * With neither given (the defaults), or none of those objects present, nothing happens. Targets: image, mask, bboxes, keypoints (the labels under holes go,
 * as in {@link CoarseDropout}).
 */
public final class ConstrainedCoarseDropout extends HoleDropout {
    private final Range numHoles;
    private final Range holeHeight;
    private final Range holeWidth;
    private final int[] maskIndices;
    private final List<Object> bboxLabels;

    /**
     * @param numHoles    {@code num_holes_range}: range of the number of holes per object, within [1, 100000]
     * @param holeHeight  {@code hole_height_range}: range of hole heights as fractions of the object's size, within [0, 1]
     * @param holeWidth   {@code hole_width_range}: range of hole widths as fractions of the object's size, within [0, 1]
     * @param fill        {@code fill}: what fills the holes in images
     * @param fillMask    {@code fill_mask}: what fills the holes in masks, or null to leave masks untouched
     * @param maskIndices {@code mask_indices}: main-mask values (each {@code >= 1}) whose regions get holes, or null
     * @param bboxLabels  {@code bbox_labels}: labels of the boxes that get holes, or null; {@code maskIndices} wins
     * @param p           probability of applying the transform, in [0, 1]
     */
    public ConstrainedCoarseDropout(Range numHoles, Range holeHeight, Range holeWidth, HoleFill fill, Fill fillMask, int[] maskIndices,
                                    List<?> bboxLabels, double p) {
        super(fill, fillMask, p);
        this.numHoles = Check.range(name(), "num_holes_range", numHoles, 1, 100_000);
        this.holeHeight = Check.range(name(), "hole_height_range", holeHeight, 0, 1);
        this.holeWidth = Check.range(name(), "hole_width_range", holeWidth, 0, 1);
        if (maskIndices != null) for (int i : maskIndices) Check.that(i >= 1, name(), "mask_indices must be >= 1, got " + i);
        this.maskIndices = maskIndices == null ? null : maskIndices.clone();
        this.bboxLabels = bboxLabels == null ? null : List.copyOf(bboxLabels);
    }

    static ConstrainedCoarseDropout fromDict(Params r) {
        double[] idx = r.numbers("mask_indices", null);
        Object labels = r.raw("bbox_labels");
        if (labels != null && !(labels instanceof List<?>)) throw r.error("bbox_labels", "must be a list of labels, got " + labels);
        return new ConstrainedCoarseDropout(r.range("num_holes_range", Range.of(1, 1), Params.Scalar.FIXED),
                r.range("hole_height_range", Range.of(0.1, 0.1), Params.Scalar.FIXED), r.range("hole_width_range", Range.of(0.1, 0.1), Params.Scalar.FIXED),
                HoleFill.read(r, HoleFill.zero(), "fill"), r.fill(null, "fill_mask"),
                idx == null ? null : java.util.Arrays.stream(idx).mapToInt(d -> (int) d).toArray(), (List<?>) labels, r.p(0.5));
    }

    @Override
    protected int[][] holes(Sample s, RandomGenerator rng) {
        int n = numHoles.randint(rng);
        Mat m = s.mask() != null ? s.mask() : s.masks().values().stream().findFirst().orElse(null);
        if (maskIndices != null && m != null) return ObjectHoles.fromMask(m, maskIndices, n, holeHeight, holeWidth, rng);
        if (bboxLabels != null && s.boxes().size() > 0) {
            double[][] targets = targetBoxes(s.boxes(), s.bboxParams(), s.width(), s.height());
            return ObjectHoles.fromBoxes(targets, n, holeHeight, holeWidth, rng);
        }
        return new int[0][];
    }

    /** The boxes (in pixels) whose first label is one of {@code bbox_labels}; numbers compare by value. */
    private double[][] targetBoxes(BoundingBoxes boxes, BboxParams bp, int w, int h) {
        String field = bp != null && !bp.labelFields().isEmpty() ? bp.labelFields().get(0)
                : boxes.labels().names().isEmpty() ? null : boxes.labels().names().get(0);
        Check.that(field != null, name(), "bbox_labels needs boxes with a label field (BboxParams.label_fields)");
        List<Object> column = boxes.labels().get(field);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Object label = column.get(i);
            if (bboxLabels.stream().anyMatch(l -> sameLabel(l, label))) {
                double[] b = boxes.get(i);
                out.add(new double[] {b[0] * w, b[1] * h, b[2] * w, b[3] * h});
            }
        }
        return out.toArray(double[][]::new);
    }

    private static boolean sameLabel(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a != null && a.equals(b);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_holes_range", numHoles);
        m.put("hole_height_range", holeHeight);
        m.put("hole_width_range", holeWidth);
        putFills(m);
        m.put("mask_indices", maskIndices);
        m.put("bbox_labels", bboxLabels);
        return m;
    }
}
