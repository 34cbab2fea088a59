package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.opencv.Npy;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TargetsJson;
import org.augment4j.target.BboxFormat;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance with Albumentations 1.3.1: every case in {@code testdata/golden} and {@code testdata/golden3} is loaded from
 * its {@code pipeline.json}, applied to its inputs, and compared with the expected outputs within the tolerances of
 * {@code testdata/golden/README.md}.
 */
class GoldenCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The folders of golden cases under testdata, each with its index.json and one folder per case. */
    private static final List<String> SETS = List.of("golden", "golden3");

    /** Cases this build does not reproduce yet, each with the reason; they are reported as skipped. */
    private static final Map<String, String> NOT_YET = Map.ofEntries(
            Map.entry("golden3/v3_superpixels", "scikit-image 0.19.3's SLIC (with 1.3.1's label shift) is not ported: Superpixels segments with OpenCV ximgproc's SLIC, so its regions differ; left out as issue 14 allows"));

    /** Each case as {@code set/case}. */
    static Stream<String> cases() throws Exception {
        List<String> out = new ArrayList<>();
        for (String setName : SETS) {
            Path set = TestData.root().resolve(setName);
            Map<?, ?> index = JSON.readValue(set.resolve("index.json").toFile(), Map.class);
            for (Object c : (List<?>) index.get("cases")) {
                String name = (String) ((Map<?, ?>) c).get("case");
                if (!name.startsWith("bbox_convert/")) out.add(set.getFileName() + "/" + name);
            }
        }
        return out.stream();
    }

    static Stream<String> conversions() throws Exception {
        try (Stream<Path> s = Files.list(TestData.golden().resolve("bbox_convert"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void matchesAlbumentations(String name) throws Exception {
        Assumptions.assumeFalse(NOT_YET.containsKey(name), () -> name + " not reproduced yet: " + NOT_YET.get(name));
        Path dir = TestData.root().resolve(name), set = dir.getParent();
        Map<String, Object> meta = JSON.readValue(dir.resolve("meta.json").toFile(), Map.class);
        Compose pipeline = PipelineFile.load(dir.resolve("pipeline.json"));

        Mat image = ImageIO.readImage(set.resolve((String) meta.get("input_image")));
        Sample.Builder b = Sample.builder().image(image);
        if (meta.get("input_mask") != null) b.mask(ImageIO.readMask(set.resolve((String) meta.get("input_mask"))));
        Sample in = TargetsJson.attach(b.build(), (Map<String, Object>) meta.getOrDefault("input_targets", Map.of()), pipeline);

        Map<Integer, Map<String, Object>> forced = new LinkedHashMap<>();
        Map<String, Object> fp = (Map<String, Object>) meta.get("forced_params");
        if (fp != null) fp.forEach((k, v) -> forced.put(Integer.parseInt(k), (Map<String, Object>) v));

        try (Sample out = pipeline.apply(in, 42L, forced)) {
            List<Integer> shape = (List<Integer>) meta.get("output_shape");
            if (shape != null) {
                assertEquals(shape.get(0), out.height(), "height");
                assertEquals(shape.get(1), out.width(), "width");
                assertEquals(shape.size() > 2 ? shape.get(2) : 1, out.image().channels(), "channels");
            }
            Map<String, Object> files = (Map<String, Object>) meta.getOrDefault("files", Map.of());
            if (files.get("output_image") != null) compareImage(dir.resolve((String) files.get("output_image")), out.image(), (String) meta.get("output_dtype"));
            if (files.get("output_mask") != null) {
                try (Mat want = ImageIO.readMask(dir.resolve((String) files.get("output_mask")))) {
                    assertThat(Mats.toBytes(out.mask())).as("mask").isEqualTo(Mats.toBytes(want));
                }
            }
            compareTargets((Map<String, Object>) meta.get("output_targets"), TargetsJson.of(out, pipeline), pipeline, out);
        } finally {
            in.close();
        }
    }

    private static void compareImage(Path file, Mat got, String dtype) {
        if ("float32".equals(dtype)) {
            try (Mat want = Npy.read(file)) {
                float[] w = Mats.toFloats(want), g = Mats.toFloats(got);
                assertEquals(w.length, g.length);
                double max = 0;
                for (int i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] - g[i]));
                assertThat(max).as("max |diff| of float32 image").isLessThanOrEqualTo(1e-5);
            }
            return;
        }
        try (Mat want = ImageIO.readImage(file)) {
            byte[] w = Mats.toBytes(want), g = Mats.toBytes(got);
            assertEquals(w.length, g.length, "image size");
            int maxDiff = 0, equal = 0;
            for (int i = 0; i < w.length; i++) {
                int d = Math.abs((w[i] & 0xff) - (g[i] & 0xff));
                maxDiff = Math.max(maxDiff, d);
                if (d == 0) equal++;
            }
            assertThat(maxDiff).as("max |diff| of uint8 image").isLessThanOrEqualTo(1);
            assertThat((double) equal / w.length).as("fraction of exactly equal values").isGreaterThanOrEqualTo(0.999);
        }
    }

    @SuppressWarnings("unchecked")
    private static void compareTargets(Map<String, Object> want, Map<String, Object> got, Compose pipeline, Sample out) {
        if (want == null) return;
        for (Map.Entry<String, Object> e : want.entrySet()) {
            String key = e.getKey();
            if (key.equals("bboxes")) {
                boolean pixels = pipeline.bboxParams().format() == BboxFormat.PASCAL_VOC || pipeline.bboxParams().format() == BboxFormat.COCO;
                compareRows(key, (List<List<Number>>) e.getValue(), (double[][]) got.get(key), pixels ? 0.05 : 1e-4, -1);
            } else if (key.equals("keypoints")) {
                compareRows(key, (List<List<Number>>) e.getValue(), (double[][]) got.get(key), 1e-3, 2);
            } else {
                assertThat(((List<?>) got.get(key)).stream().map(GoldenCasesTest::norm).toList()).as(key)
                        .isEqualTo(((List<?>) e.getValue()).stream().map(GoldenCasesTest::norm).toList());
            }
        }
    }

    private static Object norm(Object o) {
        return o instanceof Number n ? n.doubleValue() : o;
    }

    private static void compareRows(String key, List<List<Number>> want, double[][] got, double tol, int angleColumn) {
        assertEquals(want.size(), got.length, key + " count: want " + want + " got " + java.util.Arrays.deepToString(got));
        for (int i = 0; i < got.length; i++) {
            for (int j = 0; j < want.get(i).size(); j++) {
                double w = want.get(i).get(j).doubleValue(), g = got[i][j];
                double d = Math.abs(w - g);
                if (j == angleColumn) d = Math.min(d, 360 - d);
                assertThat(d).as(key + "[" + i + "][" + j + "] want " + w + " got " + g).isLessThanOrEqualTo(tol);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    @SuppressWarnings("unchecked")
    void convertsBoxFormatsLikeAlbumentations(String file) throws Exception {
        Map<String, Object> c = JSON.readValue(TestData.golden().resolve("bbox_convert").resolve(file).toFile(), Map.class);
        BboxFormat from = BboxFormat.of((String) c.get("source_format"));
        BboxFormat to = BboxFormat.of((String) c.get("target_format"));
        int rows = ((Number) c.get("rows")).intValue(), cols = ((Number) c.get("cols")).intValue();
        List<List<Number>> in = (List<List<Number>>) c.get("input");
        List<List<Number>> want = (List<List<Number>>) c.get("output");
        for (int i = 0; i < in.size(); i++) {
            double[] box = in.get(i).stream().mapToDouble(Number::doubleValue).toArray();
            double[] got = to.fromAlbumentations(from.toAlbumentations(box, cols, rows), cols, rows);
            for (int j = 0; j < 4; j++) assertThat(got[j]).isCloseTo(want.get(i).get(j).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void everyGoldenPipelineLoads() throws Exception {
        for (String setName : SETS) try (Stream<Path> s = Files.walk(TestData.root().resolve(setName))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("pipeline.json")).toList()) {
                if (NOT_YET.containsKey(setName + "/" + p.getParent().getFileName())) continue;
                assertThat(PipelineFile.load(p).transforms()).as(p.toString()).isNotEmpty();
            }
        }
    }
}
