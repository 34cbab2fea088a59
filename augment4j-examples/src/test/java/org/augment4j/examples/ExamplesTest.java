package org.augment4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the four everyday tasks as written in this module's examples, on the repository's test data. */
class ExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void articlePipelineWithEveryLabel() {
        int survivingBoxes = 0;
        for (long seed = 0; seed < 6; seed++) {
            ArticleExample.Result r = ArticleExample.run(TestData.data("coco"), "000000129648.jpg", seed);
            assertThat(r.width()).isEqualTo(512);
            assertThat(r.height()).isEqualTo(512);
            assertThat(r.categories()).hasSameSizeAs(r.boxes());
            for (double[] b : r.boxes()) {
                assertThat(b[0]).isBetween(0.0, 512.0);
                assertThat(b[1]).isBetween(0.0, 512.0);
                assertThat(b[0] + b[2]).isBetween(0.0, 512.0 + 1e-6);
                assertThat(b[1] + b[3]).isBetween(0.0, 512.0 + 1e-6);
            }
            for (double[] k : r.keypoints()) assertThat(k).hasSize(2);
            survivingBoxes += r.boxes().length;
            ArticleExample.Result again = ArticleExample.run(TestData.data("coco"), "000000129648.jpg", seed);
            assertThat(again.boxes()).isDeepEqualTo(r.boxes());
            assertThat(again.keypoints()).isDeepEqualTo(r.keypoints());
        }
        assertThat(survivingBoxes).isPositive();
    }

    @Test
    void classificationLoaderGivesNchwBatchesWithClassIndices() throws IOException {
        Path root = TestData.imageFolder(tmp.resolve("train"), i -> i < 3 ? "a_class" : "b_class",
                "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "horse.png");
        List<ClassificationExample.Step> steps = ClassificationExample.epoch(root, 2, 7);
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).shape()).containsExactly(2, 3, 224, 224);
        assertThat(steps.get(2).shape()).containsExactly(1, 3, 224, 224);
        assertThat(steps.stream().mapToInt(s -> s.labels().length).sum()).isEqualTo(5);
        assertThat(steps.stream().flatMapToInt(s -> java.util.Arrays.stream(s.labels())).sorted().toArray()).containsExactly(0, 0, 0, 1, 1);
        for (ClassificationExample.Step s : steps) {
            assertThat(s.images()).hasSize((int) (s.shape()[0] * 3 * 224 * 224));
            for (float v : s.images()) assertThat(v).isBetween(-2.2f, 2.7f);   // ImageNet-normalised 0..255
        }
        List<ClassificationExample.Step> again = ClassificationExample.epoch(root, 2, 7);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(again.get(i).images()).isEqualTo(steps.get(i).images());
            assertThat(again.get(i).labels()).isEqualTo(steps.get(i).labels());
        }
    }

    @Test
    void aPythonWrittenPipelineFileGivesAlbumentationsBoxes() throws IOException {
        Path golden = TestData.golden();
        JsonNode meta = new ObjectMapper().readTree(golden.resolve("bbox_hflip_pascal_voc/meta.json").toFile());
        double[][] boxes = new ObjectMapper().convertValue(meta.at("/input_targets/bboxes"), double[][].class);
        List<Object> labels = new ObjectMapper().convertValue(meta.at("/input_targets/labels"), List.class);
        PythonFileExample.Result r = PythonFileExample.run(golden.resolve("bbox_hflip_pascal_voc/pipeline.json"),
                golden.resolve(meta.get("input_image").asText()), boxes, labels, tmp.resolve("augmented.png"), 1);
        double[][] want = new ObjectMapper().convertValue(meta.at("/output_targets/bboxes"), double[][].class);
        assertThat(r.boxes()).hasSameDimensionsAs(want);
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < 4; j++) assertThat(r.boxes()[i][j]).isCloseTo(want[i][j], within(1e-6));
        }
        assertThat(r.labels()).containsExactly(1, 2, 3, 4);
        assertThat(tmp.resolve("augmented.png")).isRegularFile();
    }

    @Test
    void bufferedImagesGoInAndComeOut() {
        BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(2, 5, 0xff0000);
        InteropExample.Result r = InteropExample.run(picture, 3);
        assertThat(r.picture().getWidth()).isEqualTo(40);
        int moved = r.picture().getRGB(37, 5);
        assertThat((moved >> 16) & 0xff).isGreaterThan(200);   // the red pixel, flipped to the other side
        assertThat(r.chw()).hasSize(3 * 30 * 40);
        assertThat(r.chw()[5 * 40 + 37]).isEqualTo((moved >> 16) & 0xff);   // channel 0 (red), row 5, column 37
        assertThat(r.chw()[2 * 30 * 40 + 5 * 40 + 37]).isEqualTo(moved & 0xff);
    }
}
