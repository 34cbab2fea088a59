package org.augment4j.datasets;

import java.util.List;

/**
 * An object's region as the dataset stores it: polygons (each {@code [x1, y1, x2, y2, …]} in pixels) or a run-length
 * encoding. Immutable.
 */
public sealed interface Segmentation {
    /** One or more polygons in pixels; COCO's non-crowd form. */
    record Polygons(List<double[]> parts) implements Segmentation {
        public Polygons {
            parts = List.copyOf(parts);
        }
    }

    /** COCO's run-length encoding: counts of alternating 0/1 runs, column-major, starting with 0s; {@code [h, w]}. */
    record Rle(int height, int width, int[] counts) implements Segmentation {}
}
