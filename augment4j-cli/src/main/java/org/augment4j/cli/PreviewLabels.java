package org.augment4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.MaskCodec;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** What {@code augment4j preview} draws from a dataset's labels: the keypoint skeleton and an instance map of objects. */
final class PreviewLabels {
    private PreviewLabels() {}

    /**
     * The skeleton of the first category that defines one (COCO's person: {@code skeleton} as 1-based pairs), as
     * 0-based index pairs; empty when no category has one (YOLO, VOC, mask folders).
     */
    @SuppressWarnings("unchecked")
    static List<int[]> skeleton(Dataset dataset) {
        for (Map<String, Object> c : dataset.categories()) {
            if (!(c.get("skeleton") instanceof List<?> bones) || bones.isEmpty()) continue;
            List<int[]> out = new ArrayList<>();
            for (Object pair : bones) {
                if (!(pair instanceof List<?> p) || p.size() != 2 || !(p.get(0) instanceof Number a) || !(p.get(1) instanceof Number b)) {
                    throw new IllegalArgumentException("category " + c.get("name") + " has a skeleton entry that is not a pair of numbers: " + pair);
                }
                out.add(new int[] {a.intValue() - 1, b.intValue() - 1});
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    /**
     * A {@code h × w} uint8 map with object {@code k}'s segmentation painted as value {@code k % 255 + 1} (later objects
     * on top), or null when no object has a segmentation. The caller closes it.
     */
    static Mat instanceMap(List<DatasetObject> objects, int w, int h) {
        byte[] map = null;
        for (int k = 0; k < objects.size(); k++) {
            DatasetObject o = objects.get(k);
            if (o.segmentation() == null) continue;
            if (map == null) map = new byte[w * h];
            byte[] m;
            try (Mat mask = MaskCodec.rasterise(o.segmentation(), w, h)) {
                m = Mats.toBytes(mask);
            }
            byte v = (byte) (k % 255 + 1);
            for (int i = 0; i < map.length; i++) {
                if (m[i] != 0) map[i] = v;
            }
        }
        return map == null ? null : Mats.fromBytes(map, h, w, 1);
    }
}
