package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.dropout.Cutout;
import org.augment4j.transform.dropout.MaskDropout;
import org.augment4j.transform.noise.GaussNoise;
import org.augment4j.transform.pixel.RGBShift;
import org.augment4j.transform.spatial.ElasticTransform;
import org.augment4j.transform.spatial.RandomSizedCrop;
import org.augment4j.transform.spatial.ShiftScaleRotate;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The article's pipeline on a COCO photo with every label, written as a user writes it with Inputs and Augmented. */
class ArticleInputsTest {

    @Test
    void theArticlePipelineWithEveryLabel() throws IOException {
        Compose pipeline = Compose.builder()
                .add(new RandomSizedCrop(Range.of(412, 612), 512, 512), new ShiftScaleRotate(), new RGBShift(), new Blur(), new GaussNoise(),
                        new ElasticTransform(), new MaskDropout(Range.of(10, 15), 1.0), new Cutout(1.0))
                .bboxParams(BboxParams.of("coco", "category_id", "annotation_id"))
                .keypointParams(KeypointParams.of("xy", "part"))
                .build();
        long imageId = 129648;
        List<double[]> boxes = new ArrayList<>(), points = new ArrayList<>();
        List<Integer> categories = new ArrayList<>();
        List<Long> annotations = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (JsonNode a : new ObjectMapper().readTree(TestData.data("coco/annotations/instances.json").toFile()).get("annotations")) {
            if (a.get("image_id").asLong() != imageId || a.get("iscrowd").asInt() == 1) continue;
            JsonNode b = a.get("bbox");
            boxes.add(new double[] {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()});
            categories.add(a.get("category_id").asInt());
            annotations.add(a.get("id").asLong());
        }
        JsonNode persons = new ObjectMapper().readTree(TestData.data("coco/annotations/person_keypoints.json").toFile());
        for (JsonNode a : persons.get("annotations")) {
            JsonNode k = a.get("keypoints");
            for (int j = 0; a.get("image_id").asLong() == imageId && j < 17; j++) {
                if (k.get(3 * j + 2).asInt() == 0) continue;
                points.add(new double[] {k.get(3 * j).asDouble(), k.get(3 * j + 1).asDouble()});
                parts.add(persons.get("categories").get(0).get("keypoints").get(j).asText());
            }
        }
        try (Mat image = ImageIO.readRgb(TestData.data("coco/images/000000" + imageId + ".jpg"));
             Mat mask = ImageIO.readMask(TestData.data("masks/coco_derived/000000" + imageId + "_instances.png"))) {
            Inputs inputs = Inputs.of(image).mask(mask)
                    .bboxes(boxes.toArray(double[][]::new), "category_id", categories).bboxLabels("annotation_id", annotations)
                    .keypoints(points.toArray(double[][]::new), "part", parts);
            int boxesOut = 0, pointsOut = 0, runsDroppingBoxes = 0;
            for (long seed = 0; seed < 20; seed++) {
                try (Augmented out = pipeline.apply(inputs, seed)) {
                    assertThat(out.image().cols()).isEqualTo(512);
                    assertThat(out.mask().rows()).isEqualTo(512);
                    double[][] b = out.bboxes();
                    List<Integer> cats = out.labels("category_id", Integer.class);
                    List<Long> ids = out.labels("annotation_id", Long.class);
                    assertThat(cats).hasSize(b.length).isSubsetOf(categories);
                    assertThat(ids).hasSize(b.length).isSubsetOf(annotations).doesNotHaveDuplicates();
                    for (int i = 0; i < b.length; i++) {
                        assertThat(cats.get(i)).as("a box keeps its own category").isEqualTo(categories.get(annotations.indexOf(ids.get(i))));
                        assertThat(b[i][0]).isBetween(0.0, 512.0);
                        assertThat(b[i][0] + b[i][2]).isBetween(b[i][0], 512.0);
                        assertThat(b[i][1] + b[i][3]).isBetween(b[i][1], 512.0);
                    }
                    double[][] k = out.keypoints();
                    boxesOut += b.length;
                    pointsOut += k.length;
                    if (b.length < boxes.size()) runsDroppingBoxes++;
                    assertThat(out.keypointLabels("part", String.class)).hasSize(k.length).isSubsetOf(parts);
                    for (double[] p : k) {
                        assertThat(p).hasSize(2);
                        assertThat(p[0]).isGreaterThanOrEqualTo(0).isLessThan(512);
                        assertThat(p[1]).isGreaterThanOrEqualTo(0).isLessThan(512);
                    }
                }
            }
            assertThat(boxesOut).as("boxes survive").isPositive();
            assertThat(pointsOut).as("keypoints survive").isPositive();
            assertThat(runsDroppingBoxes).as("the crop drops boxes, with their labels").isPositive();
        }
    }
}
