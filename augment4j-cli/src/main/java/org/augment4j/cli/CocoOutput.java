package org.augment4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;

/**
 * The demo's {@code annotations.json}: a COCO-style file describing the augmented copies. Each box that survived the
 * pipeline becomes an annotation with its {@code bbox} ({@code [x, y, w, h]} in pixels of the copy), {@code category_id}
 * and {@code source_annotation_id}; persons that had keypoints get {@code keypoints} (17 × {@code [x, y, v]}, zeros
 * for the points that were dropped) and {@code num_keypoints}. Keypoints whose box was dropped are left out.
 */
final class CocoOutput {
    private final CocoSamples source;
    private final List<Map<String, Object>> images = new ArrayList<>();
    private final List<Map<String, Object>> annotations = new ArrayList<>();

    CocoOutput(CocoSamples source) {
        this.source = source;
    }

    int images() {
        return images.size();
    }

    int annotations() {
        return annotations.size();
    }

    /** Records one augmented copy. */
    void add(CocoSamples.Entry e, int copy, long seed, String fileName, String maskFileName, Sample aug) {
        int imageId = images.size() + 1;
        int w = aug.width(), h = aug.height();
        Map<String, Object> img = new LinkedHashMap<>();
        img.put("id", imageId);
        img.put("file_name", fileName);
        if (maskFileName != null) img.put("mask_file_name", maskFileName);
        img.put("width", w);
        img.put("height", h);
        img.put("license", e.image().get("license"));
        img.put("flickr_url", e.image().get("flickr_url"));
        img.put("coco_url", e.image().get("coco_url"));
        img.put("source_image_id", e.id());
        img.put("source_file_name", e.image().get("file_name"));
        img.put("copy", copy);
        img.put("seed", seed);
        img.put("applied", ApplyCommand.applied(aug.applied()));
        images.add(img);

        int kpCount = source.keypointNames.size();
        Map<Long, double[]> kps = new LinkedHashMap<>();
        Keypoints k = aug.keypoints();
        if (k.size() > 0) {
            List<Object> ann = k.labels().get("annotation_id"), idx = k.labels().get("keypoint_index"), vis = k.labels().get("visibility");
            for (int i = 0; i < k.size(); i++) {
                double[] p = k.get(i);
                double[] row = kps.computeIfAbsent(((Number) ann.get(i)).longValue(), a -> new double[3 * kpCount]);
                int j = ((Number) idx.get(i)).intValue();
                if (j >= kpCount) continue;
                row[3 * j] = round(p[0]);
                row[3 * j + 1] = round(p[1]);
                row[3 * j + 2] = ((Number) vis.get(i)).intValue();
            }
        }

        BoundingBoxes b = aug.boxes();
        for (int i = 0; i < b.size(); i++) {
            double[] coco = BboxFormat.COCO.fromAlbumentations(b.get(i), w, h);
            long sourceId = ((Number) b.labels().get("annotation_id").get(i)).longValue();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", annotations.size() + 1);
            a.put("image_id", imageId);
            a.put("category_id", b.labels().get("category_id").get(i));
            a.put("bbox", List.of(round(coco[0]), round(coco[1]), round(coco[2]), round(coco[3])));
            a.put("area", round(coco[2] * coco[3]));
            a.put("iscrowd", 0);
            a.put("source_annotation_id", sourceId);
            if (e.persons().containsKey(sourceId) && kpCount > 0) {
                double[] row = kps.getOrDefault(sourceId, new double[3 * kpCount]);
                List<Number> list = new ArrayList<>();
                int visible = 0;
                for (int j = 0; j < row.length; j++) {
                    list.add(j % 3 == 2 ? (Number) (int) row[j] : (Number) row[j]);
                    if (j % 3 == 2 && row[j] > 0) visible++;
                }
                a.put("keypoints", list);
                a.put("num_keypoints", visible);
            }
            annotations.add(a);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    Map<String, Object> toJson(Map<String, Object> info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("info", info);
        out.put("licenses", source.instancesJson.getOrDefault("licenses", List.of()));
        out.put("images", images);
        out.put("annotations", annotations);
        out.put("categories", source.categories);
        return out;
    }
}
