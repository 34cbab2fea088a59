package org.augment4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;

/** Real COCO photos from {@code testdata/data} with their boxes (coco format), instance masks and person keypoints, for tests. */
public final class CocoFixture {
    private CocoFixture() {}

    /** Boxes as COCO {@code [x, y, w, h]} with {@code category_id}; clipped, since some COCO boxes touch or cross the border. */
    public static final BboxParams BOXES = BboxParams.of(BboxFormat.COCO, "category_id").withClip(true);
    /** Keypoints as {@code xy} with a {@code keypoint_labels} field. */
    public static final KeypointParams KEYPOINTS = KeypointParams.of(KeypointFormat.XY, "keypoint_labels");

    public static final List<String> STEMS = List.of("000000397133", "000000183709", "000000214753", "000000129648", "000000174375", "000000000790");

    private static Map<String, Object> instances;
    private static Map<String, Object> persons;

    /** A fresh sample (owned by the caller) of the COCO image with this stem. */
    @SuppressWarnings("unchecked")
    public static synchronized Sample load(String stem) {
        Path root = TestData.data();
        if (instances == null) {
            instances = read(root.resolve("coco/annotations/instances.json"));
            persons = read(root.resolve("coco/annotations/person_keypoints.json"));
        }
        long id = Long.parseLong(stem);
        Mat image = ImageIO.readRgb(root.resolve("coco/images/" + stem + ".jpg"));
        Mat mask = ImageIO.readMask(root.resolve("masks/coco_derived/" + stem + "_instances.png"));
        List<double[]> boxes = new ArrayList<>();
        List<Object> cats = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) instances.get("annotations")) {
            if (((Number) a.get("image_id")).longValue() != id || ((Number) a.get("iscrowd")).intValue() == 1) continue;
            boxes.add(((List<Number>) a.get("bbox")).stream().mapToDouble(Number::doubleValue).toArray());
            cats.add(((Number) a.get("category_id")).intValue());
        }
        List<double[]> kps = new ArrayList<>();
        List<Object> kpLabels = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) persons.get("annotations")) {
            if (((Number) a.get("image_id")).longValue() != id) continue;
            List<Number> k = (List<Number>) a.get("keypoints");
            for (int j = 0; j < k.size() / 3; j++) {
                if (k.get(3 * j + 2).intValue() == 0) continue;
                double x = Math.min(k.get(3 * j).doubleValue(), image.cols() - 1), y = Math.min(k.get(3 * j + 1).doubleValue(), image.rows() - 1);
                kps.add(new double[] {x, y});
                kpLabels.add(a.get("id") + "#" + j);
            }
        }
        Sample s = Sample.builder().image(image).mask(mask).build();
        Map<String, List<?>> labels = new LinkedHashMap<>();
        labels.put("category_id", cats);
        labels.put("keypoint_labels", kpLabels);
        return s.withBoxes(TargetCodec.decodeBoxes(boxes.toArray(double[][]::new), labels, BOXES, image.cols(), image.rows()))
                .withKeypoints(TargetCodec.decodeKeypoints(kps.toArray(double[][]::new), labels, KEYPOINTS, image.cols(), image.rows()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path p) {
        try {
            return new ObjectMapper().readValue(p.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
