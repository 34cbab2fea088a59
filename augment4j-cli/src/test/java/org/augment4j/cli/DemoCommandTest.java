package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j demo} on the shipped COCO samples, with a flip pipeline (and the article's when it can run). */
class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEMS = List.of("000000397133", "000000183709", "000000214753", "000000129648");
    private static Path repo;
    private static Map<String, Object> instances, keypoints;

    @TempDir
    Path tmp;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void findRepository() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pipelines/article.json"))) dir = dir.getParent();
        assertThat(dir).as("repository root with pipelines/article.json above " + Path.of("").toAbsolutePath()).isNotNull();
        repo = dir;
        instances = JSON.readValue(repo.resolve("samples/coco/annotations/instances.json").toFile(), Map.class);
        keypoints = JSON.readValue(repo.resolve("samples/coco/annotations/person_keypoints.json").toFile(), Map.class);
    }

    private Path flipPipeline() throws Exception {
        return Files.writeString(tmp.resolve("flip.json"), """
                {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1.0,
                  "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 1.0}],
                  "bbox_params": {"format": "coco", "label_fields": ["category_id"]},
                  "keypoint_params": {"format": "xy", "label_fields": ["keypoint_labels"], "remove_invisible": true}}}
                """);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sourceImage(String stem) {
        return ((List<Map<String, Object>>) instances.get("images")).stream().filter(i -> i.get("file_name").equals(stem + ".jpg")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sourceAnnotations(Map<String, Object> json, long imageId) {
        return ((List<Map<String, Object>>) json.get("annotations")).stream()
                .filter(a -> ((Number) a.get("image_id")).longValue() == imageId && ((Number) a.get("iscrowd")).intValue() == 0).toList();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void flipPipelineWritesCopiesAnnotationsAndPreview() throws Exception {
        Path out = tmp.resolve("demo");
        Cli.Result res = Cli.run("demo", "--pipeline", flipPipeline().toString(), "--out", out.toString(), "--copies", "2", "--seed", "5");
        assertThat(res.err()).isEmpty();
        assertThat(res.code()).isZero();
        assertThat(res.out()).contains(out.resolve("annotations.json").toString()).contains(out.resolve("preview.png").toString());

        Map<String, Object> ann = JSON.readValue(out.resolve("annotations.json").toFile(), Map.class);
        List<Map<String, Object>> images = (List<Map<String, Object>>) ann.get("images");
        List<Map<String, Object>> annotations = (List<Map<String, Object>>) ann.get("annotations");
        assertThat(images).hasSize(8);
        assertThat((List<?>) ann.get("categories")).hasSize(80);

        int expectedPreviewWidth = 0;
        for (String stem : STEMS) {
            Map<String, Object> src = sourceImage(stem);
            int w = ((Number) src.get("width")).intValue(), h = ((Number) src.get("height")).intValue();
            long srcId = ((Number) src.get("id")).longValue();
            int thumb = (int) Math.round(w * 256.0 / h);
            expectedPreviewWidth = Math.max(expectedPreviewWidth, 8 + 3 * (thumb + 8));
            try (Mat srcMask = ImageIO.readMask(repo.resolve("samples/coco/masks/" + stem + "_instances.png")); Mat flipped = new Mat()) {
                opencv_core.flip(srcMask, flipped, 1);
                for (int k = 0; k < 2; k++) {
                    try (Mat img = ImageIO.readImage(out.resolve(stem + "_" + k + ".png")); Mat mask = ImageIO.readMask(out.resolve(stem + "_" + k + "_mask.png"))) {
                        assertThat(img.cols()).isEqualTo(w);
                        assertThat(img.rows()).isEqualTo(h);
                        assertThat(Mats.toBytes(mask)).isEqualTo(Mats.toBytes(flipped));
                    }
                }
            }
            Map<String, Object> copy = images.stream().filter(i -> i.get("file_name").equals(stem + "_1.png")).findFirst().orElseThrow();
            assertThat(copy).containsEntry("width", w).containsEntry("height", h).containsEntry("mask_file_name", stem + "_1_mask.png");
            assertThat((List<Map<String, Object>>) copy.get("applied")).extracting(a -> a.get("transform")).containsExactly("HorizontalFlip");
            int imageId = ((Number) copy.get("id")).intValue();
            List<Map<String, Object>> got = annotations.stream().filter(a -> ((Number) a.get("image_id")).intValue() == imageId).toList();
            List<Map<String, Object>> want = sourceAnnotations(instances, srcId);
            assertThat(got).hasSameSizeAs(want);
            Map<Long, Map<String, Object>> persons = new HashMap<>();
            for (Map<String, Object> p : sourceAnnotations(keypoints, srcId)) persons.put(((Number) p.get("id")).longValue(), p);
            for (int i = 0; i < want.size(); i++) {
                Map<String, Object> a = got.get(i), s = want.get(i);
                assertThat(num(a.get("source_annotation_id"))).isEqualTo(num(s.get("id")));
                assertThat(a.get("category_id")).isEqualTo(s.get("category_id"));
                List<Number> sb = (List<Number>) s.get("bbox"), gb = (List<Number>) a.get("bbox");
                // Clip to the image as BboxParams(clip=True), then flip: x' = W - x_max.
                double x0 = Math.max(0, num(sb.get(0))), x1 = Math.min(w, num(sb.get(0)) + num(sb.get(2)));
                double y0 = Math.max(0, num(sb.get(1))), y1 = Math.min(h, num(sb.get(1)) + num(sb.get(3)));
                assertThat(num(gb.get(0))).isCloseTo(w - x1, within(0.006));
                assertThat(num(gb.get(1))).isCloseTo(y0, within(0.006));
                assertThat(num(gb.get(2))).isCloseTo(x1 - x0, within(0.006));
                assertThat(num(gb.get(3))).isCloseTo(y1 - y0, within(0.006));
                Map<String, Object> person = persons.get(((Number) s.get("id")).longValue());
                if (person == null) {
                    assertThat(a).doesNotContainKey("keypoints");
                    continue;
                }
                List<Number> sk = (List<Number>) person.get("keypoints"), gk = (List<Number>) a.get("keypoints");
                assertThat(gk).hasSize(51);
                assertThat(((Number) a.get("num_keypoints")).intValue()).isEqualTo(((Number) person.get("num_keypoints")).intValue());
                for (int j = 0; j < 17; j++) {
                    if (sk.get(3 * j + 2).intValue() == 0) {
                        assertThat(gk.get(3 * j + 2).intValue()).isZero();
                        continue;
                    }
                    assertThat(num(gk.get(3 * j))).isCloseTo(w - 1 - num(sk.get(3 * j)), within(0.006)); // pixel centres
                    assertThat(num(gk.get(3 * j + 1))).isCloseTo(num(sk.get(3 * j + 1)), within(0.006));
                    assertThat(gk.get(3 * j + 2).intValue()).isEqualTo(sk.get(3 * j + 2).intValue());
                }
            }
        }
        assertThat(annotations.stream().filter(a -> a.containsKey("keypoints")).count()).isGreaterThan(0);

        BufferedImage preview = javax.imageio.ImageIO.read(out.resolve("preview.png").toFile());
        assertThat(preview.getWidth()).isEqualTo(expectedPreviewWidth).isEqualTo(1190);
        assertThat(preview.getHeight()).isEqualTo(8 + 4 * (256 + 8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsInputSizesAndIsReproducible() throws Exception {
        String flip = flipPipeline().toString();
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertThat(Cli.run("demo", "--pipeline", flip, "--out", a.toString(), "--copies", "1", "--thumb-height", "64").code()).isZero();
        assertThat(Cli.run("demo", "--pipeline", flip, "--out", b.toString(), "--copies", "1", "--thumb-height", "64").code()).isZero();
        Map<String, Object> ann = JSON.readValue(a.resolve("annotations.json").toFile(), Map.class);
        for (Map<String, Object> img : (List<Map<String, Object>>) ann.get("images")) {
            String stem = ((String) img.get("source_file_name")).replace(".jpg", "");
            Map<String, Object> src = sourceImage(stem);
            int w = ((Number) src.get("width")).intValue(), h = ((Number) src.get("height")).intValue();
            assertThat(img).containsEntry("width", w).containsEntry("height", h);
        }
        assertThat(Files.readString(a.resolve("annotations.json"))).isEqualTo(Files.readString(b.resolve("annotations.json")));
        assertThat(javax.imageio.ImageIO.read(a.resolve("preview.png").toFile()).getHeight()).isEqualTo(8 + 4 * (64 + 8));
    }

    @Test
    void runsFromTheCopiesEmbeddedInTheJar() throws Exception {
        assertThat(DemoCommandTest.class.getResource("/augment4j/pipelines/article.json")).isNotNull();
        String old = System.getProperty("augment4j.home");
        System.setProperty("augment4j.home", tmp.resolve("nowhere").toString());
        try {
            Cli.Result res = Cli.run("demo", "--pipeline", flipPipeline().toString(), "--out", tmp.resolve("o").toString(), "--copies", "1");
            assertThat(res.code()).as(res.err()).isZero();
            assertThat(res.out()).contains("samples/coco (embedded in the jar)");
            for (String stem : STEMS) assertThat(tmp.resolve("o/" + stem + "_0_mask.png")).exists();
            Cli.Result article = Cli.run("demo", "--out", tmp.resolve("a").toString(), "--copies", "1", "--thumb-height", "32");
            assertThat(article.code()).as(article.err()).isZero();
            assertThat(article.out()).contains("pipelines/article.json (embedded in the jar)");
        } finally {
            if (old == null) System.clearProperty("augment4j.home");
            else System.setProperty("augment4j.home", old);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void articlePipelineShipsAsJsonAndYamlAndInTheJar() throws Exception {
        Map<String, Object> json = JSON.readValue(repo.resolve("pipelines/article.json").toFile(), Map.class);
        Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(repo.resolve("pipelines/article.yaml").toFile(), Map.class);
        assertThat((Object) JSON.valueToTree(yaml)).isEqualTo(JSON.valueToTree(json));
        try (var in = DemoCommandTest.class.getResourceAsStream("/augment4j/pipelines/article.json")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Files.readString(repo.resolve("pipelines/article.json")));
        }
        Map<String, Object> t = (Map<String, Object>) json.get("transform");
        assertThat(json).containsEntry("__version__", "1.3.1");
        assertThat((List<Map<String, Object>>) t.get("transforms")).extracting(m -> m.get("__class_fullname__")).containsExactly(
                "RandomSizedCrop", "ShiftScaleRotate", "RGBShift", "Blur", "GaussNoise", "ElasticTransform", "MaskDropout", "Cutout");
        assertThat((Map<String, Object>) t.get("bbox_params")).containsEntry("format", "coco").containsEntry("label_fields", List.of("category_id"));
        assertThat((Map<String, Object>) t.get("keypoint_params")).containsEntry("format", "xy").containsEntry("label_fields", List.of("keypoint_labels"));
    }

    private static List<String> missingArticleTransforms() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String n : List.of("RandomSizedCrop", "ShiftScaleRotate", "RGBShift", "Blur", "GaussNoise", "ElasticTransform", "MaskDropout", "Cutout")) {
            if (!TransformRegistry.contains(n)) missing.add(n);
        }
        return missing;
    }

    @Test
    void articlePipelineRunsWhenEveryTransformExists() throws Exception {
        assumeTrue(missingArticleTransforms().isEmpty(), "article transforms missing: " + missingArticleTransforms());
        Path out = tmp.resolve("article");
        Cli.Result res = Cli.run("demo", "--out", out.toString(), "--copies", "2");
        assertThat(res.code()).as(res.err()).isZero();
        for (String stem : STEMS) {
            try (Mat img = ImageIO.readImage(out.resolve(stem + "_1.png"))) {
                assertThat(img.cols()).isEqualTo(512);
                assertThat(img.rows()).isEqualTo(512);
            }
        }
        assertThat(out.resolve("annotations.json")).exists();
        assertThat(out.resolve("preview.png")).exists();
    }

    @Test
    void badOptionsAreBadInput() {
        Cli.Result res = Cli.run("demo", "--copies", "0", "--out", tmp.resolve("o").toString());
        assertThat(res.code()).isEqualTo(2);
        assertThat(res.errLines()).hasSize(1);
        assertThat(res.err()).contains("--copies");
        Cli.Result missing = Cli.run("demo", "--pipeline", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("pipeline file not found");
    }
}
