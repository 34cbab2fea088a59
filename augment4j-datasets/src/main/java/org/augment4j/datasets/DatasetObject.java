package org.augment4j.datasets;

import java.util.Map;

/**
 * One labelled object of an image.
 *
 * @param categoryId   the dataset's category id
 * @param bbox         {@code [x, y, w, h]} in pixels (COCO form), never null
 * @param segmentation the object's region, or null when the dataset gives only a box
 * @param keypoints    {@code [x1, y1, v1, x2, y2, v2, …]} in pixels with COCO visibility v ∈ {0, 1, 2}, or null
 * @param crowd        COCO's {@code iscrowd}
 * @param extra        other fields of the source record (such as its id), carried for reports; unmodifiable
 */
public record DatasetObject(int categoryId, double[] bbox, Segmentation segmentation, double[] keypoints, boolean crowd,
                            Map<String, Object> extra) {
    public DatasetObject {
        if (bbox == null || bbox.length != 4) throw new IllegalArgumentException("object bbox must be [x, y, w, h]");
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
