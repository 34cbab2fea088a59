package org.augment4j.cli;

import org.augment4j.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.opencv.Npy;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code augment4j apply}, end to end on golden cases, and its one-line errors. */
class ApplyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * Runs a golden case through the CLI: its pipeline.json, inputs, input_targets as --targets and forced_params as
     * --replay; the files written must match the expected outputs within the golden README's tolerances.
     */
    @SuppressWarnings("unchecked")
    private void runGolden(String name) throws Exception {
        Path dir = TestData.golden().resolve(name);
        Map<String, Object> meta = JSON.readValue(dir.resolve("meta.json").toFile(), Map.class);
        List<Map<String, Object>> wantApplied = (List<Map<String, Object>>) meta.get("applied_params");
        List<String> names = wantApplied != null ? wantApplied.stream().map(a -> (String) a.get("transform")).toList()
                : ((List<Map<String, Object>>) ((Map<String, Object>) JSON.readValue(dir.resolve("pipeline.json").toFile(), Map.class).get("transform")).get("transforms"))
                        .stream().map(t -> (String) t.get("__class_fullname__")).toList();
        for (String n : names) {
            assumeTrue(TransformRegistry.contains(n), n + " is not in this build yet");
        }
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("apply", "--pipeline", dir.resolve("pipeline.json").toString(),
                "--image", TestData.golden().resolve((String) meta.get("input_image")).toString(), "--out", out.toString()));
        if (meta.get("input_mask") != null) args.addAll(List.of("--mask", TestData.golden().resolve((String) meta.get("input_mask")).toString()));
        Map<String, Object> targets = (Map<String, Object>) meta.get("input_targets");
        if (targets != null && !targets.isEmpty()) {
            Path t = tmp.resolve("T.json");
            JSON.writeValue(t.toFile(), targets);
            args.addAll(List.of("--targets", t.toString()));
        }
        if (meta.get("forced_params") != null) {
            Path r = tmp.resolve("R.json");
            JSON.writeValue(r.toFile(), meta.get("forced_params"));
            args.addAll(List.of("--replay", r.toString()));
        }

        Cli.Result res = Cli.run(args.toArray(String[]::new));
        assertThat(res.err()).isEmpty();
        assertThat(res.code()).isZero();

        Map<String, Object> files = (Map<String, Object>) meta.getOrDefault("files", Map.of());
        if (files.get("output_image") == null) {
            assertThat(out.resolve("image.png")).exists(); // a targets-only case: no expected image to compare with
        } else if ("float32".equals(meta.get("output_dtype"))) {
            assertThat(out.resolve("image.png")).doesNotExist();
            try (Mat want = Npy.read(dir.resolve((String) files.get("output_image"))); Mat got = Npy.read(out.resolve("image.npy"))) {
                float[] w = Mats.toFloats(want), g = Mats.toFloats(got);
                assertThat(g).hasSameSizeAs(w);
                for (int i = 0; i < w.length; i++) assertThat((double) Math.abs(w[i] - g[i])).isLessThanOrEqualTo(1e-5);
            }
        } else {
            try (Mat want = ImageIO.readImage(dir.resolve((String) files.get("output_image"))); Mat got = ImageIO.readImage(out.resolve("image.png"))) {
                assertThat(got.rows()).isEqualTo(want.rows());
                assertThat(got.cols()).isEqualTo(want.cols());
                byte[] w = Mats.toBytes(want), g = Mats.toBytes(got);
                assertThat(g).hasSameSizeAs(w);
                int equal = 0, maxDiff = 0;
                for (int i = 0; i < w.length; i++) {
                    int d = Math.abs((w[i] & 0xff) - (g[i] & 0xff));
                    maxDiff = Math.max(maxDiff, d);
                    if (d == 0) equal++;
                }
                assertThat(maxDiff).isLessThanOrEqualTo(1);
                assertThat((double) equal / w.length).isGreaterThanOrEqualTo(0.999);
            }
        }
        if (files.get("output_mask") != null) {
            try (Mat want = ImageIO.readMask(dir.resolve((String) files.get("output_mask"))); Mat got = ImageIO.readMask(out.resolve("mask.png"))) {
                assertThat(Mats.toBytes(got)).isEqualTo(Mats.toBytes(want));
            }
        }
        Map<String, Object> gotTargets = JSON.readValue(out.resolve("targets.json").toFile(), Map.class);
        Map<String, Object> wantTargets = (Map<String, Object>) meta.get("output_targets");
        if (wantTargets != null) {
            assertThat(gotTargets.keySet()).containsAll(wantTargets.keySet());
            for (var e : wantTargets.entrySet()) {
                if (e.getKey().equals("bboxes") || e.getKey().equals("keypoints")) {
                    compareRows(e.getKey(), (List<List<Number>>) e.getValue(), (List<List<Number>>) gotTargets.get(e.getKey()));
                } else {
                    assertThat(norm((List<?>) gotTargets.get(e.getKey()))).as(e.getKey()).isEqualTo(norm((List<?>) e.getValue()));
                }
            }
        }
        List<Map<String, Object>> applied = JSON.readValue(out.resolve("applied.json").toFile(), List.class);
        assertThat(applied).extracting(a -> a.get("transform")).containsExactlyElementsOf(names);
        if (meta.get("forced_params") != null) {
            Map<String, Object> forced = (Map<String, Object>) ((Map<String, Object>) meta.get("forced_params")).get("0");
            Map<String, Object> params = (Map<String, Object>) applied.get(0).get("params");
            forced.forEach((k, v) -> assertThat(((Number) params.get(k)).doubleValue()).as(k).isEqualTo(((Number) v).doubleValue()));
        }
    }

    private static List<Object> norm(List<?> l) {
        return l.stream().map(o -> o instanceof Number n ? (Object) n.doubleValue() : o).toList();
    }

    private static void compareRows(String key, List<List<Number>> want, List<List<Number>> got) {
        assertThat(got).as(key + " count").hasSameSizeAs(want);
        double tol = key.equals("bboxes") ? 0.05 : 1e-3;
        for (int i = 0; i < want.size(); i++) {
            for (int j = 0; j < want.get(i).size(); j++) {
                assertThat(got.get(i).get(j).doubleValue()).as(key + "[" + i + "][" + j + "]")
                        .isCloseTo(want.get(i).get(j).doubleValue(), org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    @Test
    void appliesTheHflipGoldenCase() throws Exception {
        runGolden("hflip");
        assertThat(tmp.resolve("out/image.png")).exists();
        assertThat(tmp.resolve("out/mask.png")).exists();
    }

    @Test
    void replaysForcedParametersOfTheRot90GoldenCase() throws Exception {
        assumeTrue(TransformRegistry.contains("RandomRotate90"), "RandomRotate90 is not in this build yet");
        runGolden("rot90_k1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invert", "posterize_4", "normalize_default", "kp_xyas_rot90_k1", "bbox_hflip_yolo"})
    void appliesOtherGoldenCasesWhoseTransformsExist(String name) throws Exception {
        runGolden(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void replayOverridesTheSampledParameters() throws Exception {
        Path dir = TestData.golden().resolve("posterize_4");
        Path r = tmp.resolve("R.json");
        Files.writeString(r, "{\"0\": {\"num_bits\": 2}}");
        Cli.Result res = Cli.run("apply", "--pipeline", dir.resolve("pipeline.json").toString(),
                "--image", TestData.golden().resolve("inputs/square_512x512.png").toString(), "--replay", r.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.code()).as(res.err()).isZero();
        List<Map<String, Object>> applied = JSON.readValue(tmp.resolve("o/applied.json").toFile(), List.class);
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).containsEntry("transform", "Posterize");
        assertThat((Map<String, Object>) applied.get(0).get("params")).containsEntry("num_bits", 2);
        try (Mat got = ImageIO.readImage(tmp.resolve("o/image.png"))) {
            for (byte b : Mats.toBytes(got)) assertThat(b & 0x3f).isZero();
        }
        assertThat(tmp.resolve("o/mask.png")).doesNotExist();
        assertThat(JSON.readValue(tmp.resolve("o/targets.json").toFile(), Map.class)).isEmpty();
    }

    @Test
    void sameSeedSameOutput() throws Exception {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": ["
                + "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5}, {\"__class_fullname__\": \"Posterize\", \"p\": 0.5, \"num_bits\": [1, 7]}]}}");
        String img = TestData.golden().resolve("inputs/square_512x512.png").toString();
        for (String d : List.of("a", "b")) {
            assertThat(Cli.run("apply", "--pipeline", p.toString(), "--image", img, "--seed", "7", "--out", tmp.resolve(d).toString()).code()).isZero();
        }
        assertThat(Files.readAllBytes(tmp.resolve("a/image.png"))).isEqualTo(Files.readAllBytes(tmp.resolve("b/image.png")));
        assertThat(Files.readString(tmp.resolve("a/applied.json"))).isEqualTo(Files.readString(tmp.resolve("b/applied.json")));
    }

    /** The header dict and the data bytes of a {@code .npy} file. */
    private static Map.Entry<String, byte[]> npy(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        assertThat(new String(all, 1, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int len = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        String header = new String(all, 10, len, java.nio.charset.StandardCharsets.US_ASCII).strip();
        return Map.entry(header, java.util.Arrays.copyOfRange(all, 10 + len, all.length));
    }

    @Test
    void aPipelineEndingWithToTensorV2WritesChwArrays() throws Exception {
        Path p = Files.writeString(tmp.resolve("p.json"), """
            {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "HorizontalFlip", "always_apply": false, "p": 1.0},
              {"__class_fullname__": "albumentations.pytorch.transforms.ToTensorV2", "always_apply": true, "p": 1.0, "transpose_mask": false}]}}
            """);
        String image = rectImage(), mask = TestData.golden().resolve("inputs/mask_384x512.png").toString();
        Cli.Result res = Cli.run("apply", "--pipeline", p.toString(), "--image", image, "--mask", mask, "--out", tmp.resolve("o").toString());
        assertThat(res.code()).as(res.err()).isZero();
        assertThat(res.out()).contains("image.npy").contains("CHW");
        assertThat(tmp.resolve("o/image.png")).doesNotExist();
        assertThat(tmp.resolve("o/mask.png")).doesNotExist();

        try (Mat in = ImageIO.readImage(Path.of(image)); Mat m = ImageIO.readMask(Path.of(mask))) {
            int h = in.rows(), w = in.cols(), c = in.channels();
            assertThat(c).isEqualTo(3);
            Map.Entry<String, byte[]> img = npy(tmp.resolve("o/image.npy"));
            // ToTensorV2 keeps the dtype: uint8, channels first
            assertThat(img.getKey()).contains("'descr': '|u1'").contains("'fortran_order': False").contains("'shape': (" + c + ", " + h + ", " + w + ")");
            byte[] hwc = Mats.toBytes(in), chw = img.getValue();
            assertThat(chw).hasSize(h * w * c);
            for (int y = 0; y < h; y += 7) {
                for (int x = 0; x < w; x += 5) {
                    for (int k = 0; k < c; k++) {
                        // HorizontalFlip: tensor[k][y][x] is the input's pixel (y, w - 1 - x), channel k
                        assertThat(chw[(k * h + y) * w + x]).as("(%d, %d, %d)", k, y, x).isEqualTo(hwc[(y * w + (w - 1 - x)) * c + k]);
                    }
                }
            }
            Map.Entry<String, byte[]> msk = npy(tmp.resolve("o/mask.npy"));
            assertThat(msk.getKey()).contains("'descr': '|u1'").contains("'shape': (" + h + ", " + w + ")");
            byte[] mIn = Mats.toBytes(m), mOut = msk.getValue();
            for (int y = 0; y < h; y += 3) for (int x = 0; x < w; x += 3) assertThat(mOut[y * w + x]).isEqualTo(mIn[y * w + (w - 1 - x)]);
        }
        List<Map<String, Object>> applied = JSON.readValue(tmp.resolve("o/applied.json").toFile(), List.class);
        assertThat(applied).extracting(a -> a.get("transform")).containsExactly("HorizontalFlip", "ToTensorV2");
    }

    @Test
    void aPipelineEndingWithLegacyToTensorWritesFloatChw() throws Exception {
        Path p = Files.writeString(tmp.resolve("p.json"), """
            {"__version__": "0.4.6", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "albumentations.pytorch.transforms.ToTensor", "always_apply": true, "p": 1.0,
               "num_classes": 1, "sigmoid": true, "normalize": null}]}}
            """);
        String image = rectImage();
        Cli.Result res = Cli.run("apply", "--pipeline", p.toString(), "--image", image, "--mask", TestData.golden().resolve("inputs/mask_384x512.png").toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(res.code()).as(res.err()).isZero();
        try (Mat in = ImageIO.readImage(Path.of(image))) {
            int h = in.rows(), w = in.cols();
            Map.Entry<String, byte[]> img = npy(tmp.resolve("o/image.npy"));
            assertThat(img.getKey()).contains("'descr': '<f4'").contains("'shape': (3, " + h + ", " + w + ")");
            java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(img.getValue()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            byte[] hwc = Mats.toBytes(in);
            int y = h / 2, x = w / 3;
            for (int k = 0; k < 3; k++) assertThat(f.get((k * h + y) * w + x)).isEqualTo((float) ((hwc[(y * w + x) * 3 + k] & 0xff) / 255.0));
            // one class: the mask gains a leading axis of one
            assertThat(npy(tmp.resolve("o/mask.npy")).getKey()).contains("'descr': '<f4'").contains("'shape': (1, " + h + ", " + w + ")");
        }
    }

    // ---- bad input: exit code 2 and one line on stderr naming the problem ----

    private Cli.Result badInput(String... args) {
        Cli.Result res = Cli.run(args);
        assertThat(res.code()).as("exit code; stderr: " + res.err()).isEqualTo(2);
        assertThat(res.errLines()).as("stderr").hasSize(1);
        assertThat(res.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return res;
    }

    private String hflipPipeline() {
        return TestData.golden().resolve("hflip/pipeline.json").toString();
    }

    private String rectImage() {
        return TestData.golden().resolve("inputs/rect_384x512.png").toString();
    }

    @Test
    void missingImageFile() {
        Path missing = tmp.resolve("nope.png");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", missing.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("image file not found").contains(missing.toString());
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void missingPipelineFile() {
        Cli.Result res = badInput("apply", "--pipeline", tmp.resolve("p.json").toString(), "--image", rectImage(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("pipeline file not found");
    }

    @Test
    void unreadableImage() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.png"), "not an image");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", junk.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("not a readable image").contains("junk.png");
    }

    @Test
    void malformedPipelineJson() throws Exception {
        Path p = Files.writeString(tmp.resolve("p.json"), "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [\n  {\"__class_fullname__\": \"HorizontalFlip\",, }\n]}}");
        Cli.Result res = badInput("apply", "--pipeline", p.toString(), "--image", rectImage(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("p.json").contains("malformed JSON").contains("line 2");
    }

    @Test
    void unknownTransform() throws Exception {
        Path p = Files.writeString(tmp.resolve("p.json"), "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"NoSuchTransform\", \"p\": 1}]}}");
        Cli.Result res = badInput("apply", "--pipeline", p.toString(), "--image", rectImage(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("unknown transform 'NoSuchTransform'").contains("transforms[0]");
    }

    @Test
    void badTransformParameter() throws Exception {
        Path p = Files.writeString(tmp.resolve("p.yaml"), "transform:\n  __class_fullname__: Compose\n  transforms:\n    - {__class_fullname__: Posterize, num_bits: 12, p: 1}\n");
        Cli.Result res = badInput("apply", "--pipeline", p.toString(), "--image", rectImage(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("Posterize").contains("num_bits");
    }

    @Test
    void targetsWithNaNCoordinate() throws Exception {
        // Python's json.dump writes NaN as a bare token: it must reach the target checks, not fail as a parse error.
        Path t = Files.writeString(tmp.resolve("T.json"), "{\"bboxes\": [[60.0, NaN, 180.0, 150.0]], \"labels\": [1], \"keypoints\": [], \"kp_labels\": []}");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", rectImage(), "--targets", t.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("T.json").contains("bbox 0").contains("non-finite");
    }

    @Test
    void targetsWithNaNAsString() throws Exception {
        Path t = Files.writeString(tmp.resolve("T.json"), "{\"keypoints\": [[\"nan\", 3.0]], \"kp_labels\": [0]}");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", rectImage(), "--targets", t.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("keypoint 0").contains("non-finite");
    }

    @Test
    void targetsMissingALabelField() throws Exception {
        Path t = Files.writeString(tmp.resolve("T.json"), "{\"bboxes\": [[60.0, 50.0, 180.0, 150.0]]}");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", rectImage(), "--targets", t.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("label field 'labels'");
    }

    @Test
    void targetsThatAreNotJson() throws Exception {
        Path t = Files.writeString(tmp.resolve("T.json"), "bboxes: [\n");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", rectImage(), "--targets", t.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("T.json").contains("not valid JSON");
    }

    @Test
    void maskOfAnotherSize() {
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", TestData.golden().resolve("inputs/square_512x512.png").toString(),
                "--mask", TestData.golden().resolve("inputs/mask_384x512.png").toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("mask").contains("512x384").contains("512x512");
    }

    @Test
    void replayIndexOutOfRange() throws Exception {
        Path r = Files.writeString(tmp.resolve("R.json"), "{\"3\": {\"factor\": 1}}");
        Cli.Result res = badInput("apply", "--pipeline", hflipPipeline(), "--image", rectImage(), "--replay", r.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("transform index 3").contains("1 top-level");
    }

    @Test
    void replayUnknownParameter() throws Exception {
        Path r = Files.writeString(tmp.resolve("R.json"), "{\"0\": {\"no_such_param\": 1}}");
        Cli.Result res = badInput("apply", "--pipeline", TestData.golden().resolve("posterize_4/pipeline.json").toString(),
                "--image", rectImage(), "--replay", r.toString(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("no_such_param");
    }

    @Test
    void missingRequiredOption() {
        Cli.Result res = badInput("apply", "--image", rectImage(), "--out", tmp.resolve("o").toString());
        assertThat(res.err()).contains("--pipeline");
    }
}
