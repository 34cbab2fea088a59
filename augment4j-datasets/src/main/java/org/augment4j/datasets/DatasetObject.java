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

    /**
     * What is wrong with a {@code [x, y, w, h]} box (pixels) on a {@code width × height} image, or null: not finite,
     * not positive in width or height, or wholly outside the image. (A box partly outside is clipped, not refused.)
     */
    public static String boxProblem(double[] xywh, int width, int height) {
        String box = java.util.Arrays.toString(xywh);
        for (double v : xywh) if (!Double.isFinite(v)) return "bbox " + box + " is not finite";
        if (xywh[2] <= 0 || xywh[3] <= 0) return "bbox " + box + " has no area (width and height must be > 0)";
        if (width > 0 && height > 0 && (xywh[0] >= width || xywh[1] >= height || xywh[0] + xywh[2] <= 0 || xywh[1] + xywh[3] <= 0)) {
            return "bbox " + box + " lies wholly outside its " + width + "x" + height + " image";
        }
        return null;
    }
}
