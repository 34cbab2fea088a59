package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.augment4j.Compose;
import org.augment4j.Semantics;
import org.augment4j.TestData;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.spatial.Affine;
import org.augment4j.transform.spatial.AxisRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saving a pipeline loaded from a 1.x file writes Albumentations 1.3.1's dialect: for every transform 1.3.1 can
 * serialise, with its defaults and with each numeric parameter changed ({@code testdata/serial}, written by 1.3.1
 * itself), loading 1.3.1's {@code to_dict} and saving it again gives back 1.3.1's map — the parameter names 1.3.1's
 * {@code from_dict} takes, with the same values. (By hand, 1.3.1's {@code A.from_dict} loaded all 244 saved files.)
 */
class Dialect13Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Colour and fill parameters where 1.3.1 writes null for "0" (its default border value). */
    private static final Set<String> FILLS = Set.of("value", "mask_value", "cval", "cval_mask", "fill_value", "mask_fill_value",
            "pad_val", "mask_pad_val", "pad_cval", "pad_cval_mask", "image_fill_value");

    /** Cases augment4j does not round-trip, with the reason. */
    private static final Map<String, String> KNOWN = Map.of(
            "FromFloat defaults", "dtype uint16: augment4j images are uint8 or float32, so FromFloat refuses other dtypes",
            "PiecewiseAffine keypoints_threshold=0.0175", "keypoints_threshold is read and ignored (keypoints follow the exact inverse map)");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws Exception {
        Map<String, Object> file = JSON.readValue(TestData.root().resolve("serial/albumentations-1.3.1-transforms.json").toFile(), Map.class);
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) file.get("cases")) {
            String id = c.get("name") + " " + c.get("variant");
            if (!KNOWN.containsKey(id)) out.add(Arguments.of(id, c.get("transform")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void savingA13FileWrites13sParameters(String id, Map<String, Object> original) throws Exception {
        Compose loaded = PipelineFile.fromTree(file("1.3.1", original), PipelineFile.Options.defaults().withWarnings(w -> {}));
        assertThat(loaded.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        Map<String, Object> saved = JSON.readValue(PipelineFile.toJson(loaded), Map.class);
        assertThat(saved.get("__version__")).isEqualTo("1.3.1");
        Map<String, Object> got = first(saved);

        Set<String> keys = new TreeSet<>(original.keySet());
        keys.addAll(got.keySet());
        keys.remove("always_apply");
        for (String k : keys) {
            Object want = original.get(k), have = got.get(k);
            if (FILLS.contains(k) && zeroOrNull(want) && zeroOrNull(have)) continue;
            if (!got.containsKey(k)) {
                // left out: only where 1.3.1 itself writes the default it would use anyway
                assertThat(k + "=" + want).as(id + ": " + k + " missing").isIn("eps=null", "keypoints_threshold=0.01");
                continue;
            }
            if (!original.containsKey(k)) {
                assertThat(id + " " + k).as(id + ": extra " + k + "=" + have).startsWith("Cutout fill_value"); // 1.3.1's to_dict omits it; its __init__ takes it
                continue;
            }
            assertThat(norm(have, k)).as(id + ": " + k).isEqualTo(norm(want, k));
        }
    }

    @Test
    void a2xFileIsSavedIn2xNames() throws Exception {
        Map<String, Object> rotate = Map.of("__class_fullname__", "Rotate", "p", 1.0, "limit", List.of(-10, 10), "fill", 3);
        Compose loaded = PipelineFile.fromTree(file("2.0.8", rotate));
        assertThat(loaded.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_2);
        Map<String, Object> saved = PipelineFile.toTree(loaded);
        assertThat(saved.get("__version__")).isEqualTo("2.0.8");
        assertThat(first(saved)).containsKeys("fill", "fill_mask", "mask_interpolation")
                .doesNotContainKeys("value", "mask_value");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a13FileIsSavedWith13sComposeAndLabelParameters() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>(file("1.3.1", Map.of("__class_fullname__", "HorizontalFlip", "p", 0.5)));
        Map<String, Object> compose = new LinkedHashMap<>((Map<String, Object>) root.get("transform"));
        compose.put("bbox_params", Map.of("format", "pascal_voc", "label_fields", List.of("labels"), "min_visibility", 0.2));
        compose.put("keypoint_params", Map.of("format", "xy", "remove_invisible", false));
        root.put("transform", compose);
        Map<String, Object> saved = (Map<String, Object>) PipelineFile.toTree(PipelineFile.fromTree(root)).get("transform");
        assertThat(saved).doesNotContainKeys("strict", "seed", "mask_interpolation", "save_applied_params").containsKey("is_check_shapes");
        assertThat((Map<String, Object>) saved.get("bbox_params")).containsEntry("min_visibility", 0.2)
                .doesNotContainKeys("clip", "filter_invalid_bboxes", "max_accept_ratio");
        assertThat((Map<String, Object>) saved.get("keypoint_params")).containsEntry("remove_invisible", false).doesNotContainKey("visibility_field");
    }

    @Test
    void a2xOnlyValueIsKeptWithAWarning() {
        Affine balanced = new Affine(AxisRanges.both(Range.of(0.5, 2)), null, null, Range.fixed(0), AxisRanges.both(Range.fixed(0)),
                Resampling.defaults(), false, false, BoxMethod.LARGEST_BOX, true, 1);
        Compose pipeline = new Compose(List.of(balanced)).withSemantics(Semantics.ALBUMENTATIONS_1_3);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> saved = Dialect13.of(Map.of("__version__", "1.3.1", "transform", pipeline.toDict()), warnings::add);
        Map<String, Object> affine = first(saved);
        assertThat(affine).containsEntry("balanced_scale", true).containsKeys("cval", "cval_mask", "mode").doesNotContainKeys("fill", "fill_mask", "border_mode");
        assertThat(warnings).singleElement().asString().contains("Affine.balanced_scale").contains("no Albumentations 1.3.1 equivalent");
    }

    private static Map<String, Object> file(String version, Map<String, Object> transform) {
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("__class_fullname__", "Compose");
        compose.put("p", 1.0);
        compose.put("transforms", List.of(transform));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("__version__", version);
        root.put("transform", compose);
        return root;
    }

    /** The first transform of a saved pipeline. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> root) {
        return (Map<String, Object>) ((List<?>) ((Map<?, ?>) root.get("transform")).get("transforms")).get(0);
    }

    private static boolean zeroOrNull(Object v) {
        return v == null || v instanceof Number n && n.doubleValue() == 0;
    }

    /** JSON values compared by meaning: numbers as doubles; Spatter's one-mode list and its mode → colour map as 1.3.1 reads them. */
    private static Object norm(Object v, String key) {
        if (v instanceof Number n) return n.doubleValue();
        if (key.equals("mode") && v instanceof List<?> l && l.size() == 1) return l.get(0);
        if (key.equals("color") && v instanceof Map<?, ?> m) return norm(m.get("rain"), key); // the one mode of these cases
        if (v instanceof List<?> l) return l.stream().map(x -> norm(x, key)).toList();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((a, b) -> out.put(a, norm(b, key)));
            return out;
        }
        return v;
    }
}
