package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.augment4j.Semantics;
import org.augment4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parameter a pipeline file leaves out takes the default of the release the file names: Albumentations 1.3.1's in a
 * 1.x file, 2.0.8's in a 2.x file or one without a version ({@link Params#semantics()}). The 1.3.1 defaults are those
 * of 1.3.1's {@code __init__} signatures, as its own {@code to_dict} writes them ({@code testdata/serial}).
 */
class ReleaseDefaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parameters every map needs (no default in either release). */
    private static final Set<String> REQUIRED = Set.of("height", "width", "min_max_height", "size", "px", "x_max", "y_max", "max_size",
            "min_height", "min_width");

    /**
     * Where a bare map reads back differently from 1.3.1's full map in name only: 1.3.1's names against 2.x's for the
     * same values (Downscale, ImageCompression), 1.3.1's shift_limit ±0.05 px, which it rounds to 0 (augment4j leaves a
     * zero shift out), 1.3.1's float rounding of 0.9 − 1 and 1.1 − 1, and FromFloat's uint16 (augment4j has no uint16).
     */
    private static final Map<String, Set<String>> SAME_MEANING = Map.of(
            "Downscale", Set.of("scale_min", "scale_max", "interpolation"),
            "ImageCompression", Set.of("quality_lower", "quality_upper", "compression_type"),
            "OpticalDistortion", Set.of("shift_limit"),
            "RandomScale", Set.of("scale_limit"));

    @SuppressWarnings("unchecked")
    static Stream<Arguments> defaults131() throws Exception {
        Map<String, Object> file = JSON.readValue(TestData.root().resolve("serial/albumentations-1.3.1-transforms.json").toFile(), Map.class);
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) file.get("cases")) {
            if ("defaults".equals(c.get("variant")) && !"FromFloat".equals(c.get("name"))) out.add(Arguments.of(c.get("name"), c.get("transform")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults131")
    void a13FileLeavingEverythingOutGets131sDefaults(String name, Map<String, Object> full131) throws Exception {
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("__class_fullname__", full131.get("__class_fullname__"));
        for (String k : full131.keySet()) if (REQUIRED.contains(k)) bare.put(k, full131.get(k));
        Map<String, Object> want = dict("1.3.1", full131, null), got = dict("1.3.1", bare, null);
        for (String k : want.keySet()) {
            if (SAME_MEANING.getOrDefault(name, Set.of()).contains(k)) continue;
            assertThat(norm(got.get(k))).as(name + "." + k).isEqualTo(norm(want.get(k)));
        }
    }

    /** A transform map leaving parameters out, one parameter it leaves out, that parameter's 1.3.1 and 2.0.8 default. */
    static Stream<Arguments> differences() {
        return Stream.of(
                Arguments.of("{\"__class_fullname__\": \"Rotate\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"SafeRotate\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"ShiftScaleRotate\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"ElasticTransform\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"GridDistortion\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"OpticalDistortion\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"PadIfNeeded\"}", "border_mode", 4, 0),
                Arguments.of("{\"__class_fullname__\": \"Affine\"}", "rotate", List.of(-15, 15), List.of(0, 0)),
                Arguments.of("{\"__class_fullname__\": \"Affine\"}", "scale", Map.of("x", List.of(0.9, 1.1), "y", List.of(0.9, 1.1)),
                        Map.of("x", List.of(1, 1), "y", List.of(1, 1))),
                Arguments.of("{\"__class_fullname__\": \"Affine\"}", "shear", Map.of("x", List.of(-10, 10), "y", List.of(-10, 10)),
                        Map.of("x", List.of(0, 0), "y", List.of(0, 0))),
                Arguments.of("{\"__class_fullname__\": \"Affine\"}", "translate_percent", Map.of("x", List.of(-0.1, 0.1), "y", List.of(-0.1, 0.1)), null),
                // one geometry parameter given: 1.3.1 takes the others as the identity, as 2.x
                Arguments.of("{\"__class_fullname__\": \"Affine\", \"rotate\": 5}", "scale", Map.of("x", List.of(1, 1), "y", List.of(1, 1)),
                        Map.of("x", List.of(1, 1), "y", List.of(1, 1))),
                Arguments.of("{\"__class_fullname__\": \"Affine\", \"rotate\": 5}", "shear", Map.of("x", List.of(0, 0), "y", List.of(0, 0)),
                        Map.of("x", List.of(0, 0), "y", List.of(0, 0))),
                Arguments.of("{\"__class_fullname__\": \"CoarseDropout\"}", "num_holes_range", List.of(8, 8), List.of(1, 2)),
                Arguments.of("{\"__class_fullname__\": \"CoarseDropout\"}", "hole_height_range", List.of(8, 8), List.of(0.1, 0.2)),
                Arguments.of("{\"__class_fullname__\": \"CoarseDropout\", \"max_width\": 5}", "hole_width_range", List.of(5, 5), List.of(5, 5)),
                Arguments.of("{\"__class_fullname__\": \"ColorJitter\"}", "hue", List.of(-0.2, 0.2), List.of(-0.5, 0.5)),
                Arguments.of("{\"__class_fullname__\": \"ElasticTransform\"}", "alpha_affine", 50, null),
                Arguments.of("{\"__class_fullname__\": \"GaussNoise\"}", "var_limit", List.of(10, 50), null),
                Arguments.of("{\"__class_fullname__\": \"GaussNoise\"}", "std_range", null, List.of(0.2, 0.44)),
                Arguments.of("{\"__class_fullname__\": \"GaussianBlur\"}", "blur_limit", List.of(3, 7), List.of(0, 0)),
                Arguments.of("{\"__class_fullname__\": \"GaussianBlur\"}", "sigma_limit", List.of(0, 0), List.of(0.5, 3)),
                Arguments.of("{\"__class_fullname__\": \"GridDistortion\"}", "normalized", false, true),
                Arguments.of("{\"__class_fullname__\": \"GridDropout\"}", "random_offset", false, true),
                Arguments.of("{\"__class_fullname__\": \"RandomCropNearBBox\"}", "max_part_shift", List.of(0.3, 0.3), List.of(0, 0.3)),
                Arguments.of("{\"__class_fullname__\": \"RandomRain\"}", "drop_length", 20, null),
                Arguments.of("{\"__class_fullname__\": \"RandomRotate90\"}", "p", 0.5, 1.0),
                Arguments.of("{\"__class_fullname__\": \"Superpixels\"}", "p_replace", List.of(0.1, 0.1), List.of(0, 0.1)),
                Arguments.of("{\"__class_fullname__\": \"Solarize\"}", "threshold", List.of(128, 128), null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("differences")
    void aMissingParameterTakesTheFilesReleaseDefault(String transform, String key, Object v131, Object v208) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = JSON.readValue(transform, Map.class);
        assertThat(norm(dict("1.3.1", t, null).get(key))).as("1.3.1 file").isEqualTo(norm(v131));
        assertThat(norm(dict("0.5.2", t, null).get(key))).as("0.5.2 file").isEqualTo(norm(v131));
        assertThat(norm(dict("2.0.8", t, null).get(key))).as("2.0.8 file").isEqualTo(norm(v208));
        assertThat(norm(dict(null, t, null).get(key))).as("file without a version").isEqualTo(norm(v208));
        assertThat(norm(Params.of("x", Map.of()).byRelease(v131, v208))).as("Java API").isEqualTo(norm(v208));
        // an explicit semantics picks the defaults too
        assertThat(norm(dict("2.0.8", t, Semantics.ALBUMENTATIONS_1_3).get(key))).as("2.0.8 file read as 1.3.1").isEqualTo(norm(v131));
        assertThat(norm(dict("1.3.1", t, Semantics.ALBUMENTATIONS_2).get(key))).as("1.3.1 file read as 2.0.8").isEqualTo(norm(v208));
    }

    @Test
    void aGivenParameterIsKeptInEitherRelease() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = JSON.readValue("{\"__class_fullname__\": \"Rotate\", \"border_mode\": 1}", Map.class);
        assertThat(dict("1.3.1", t, null).get("border_mode")).isEqualTo(1);
        assertThat(dict("2.0.8", t, null).get("border_mode")).isEqualTo(1);
    }

    /** The {@code to_dict} arguments (as plain JSON values) of the one transform of a file with that version. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> dict(String version, Map<String, Object> transform, Semantics semantics) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        if (version != null) root.put("__version__", version);
        root.put("transform", transform);
        PipelineFile.Options o = PipelineFile.Options.defaults().withWarnings(w -> {}).withSemantics(semantics);
        return JSON.readValue(JSON.writeValueAsString(PipelineFile.fromTree(root, o).transforms().get(0).toDict()), Map.class);
    }

    /** Numbers as doubles, lists and maps element-wise. */
    private static Object norm(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof List<?> l) return l.stream().map(ReleaseDefaultsTest::norm).toList();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, norm(x)));
            return out;
        }
        return v;
    }
}
