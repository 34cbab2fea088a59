package org.augment4j.transform.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.Transform;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading and writing the distortions' parameters: 2.0.8 defaults and names, 1.3 names, bad values. */
class DistortionParamsTest {

    private static Map<String, Object> dict(String name, Map<String, Object> params) {
        return TransformRegistry.create(name, params).toDict();
    }

    @Test
    void defaultsAreAlbumentations208() {
        assertThat(dict("GridDistortion", Map.of())).containsEntry("num_steps", 5).containsEntry("distort_limit", List.of(-0.3, 0.3))
                .containsEntry("normalized", true).containsEntry("interpolation", 1).containsEntry("mask_interpolation", 0)
                .containsEntry("border_mode", 0).containsEntry("fill", 0L).containsEntry("fill_mask", 0L).containsEntry("p", 0.5);
        assertThat(dict("OpticalDistortion", Map.of())).containsEntry("distort_limit", List.of(-0.05, 0.05)).containsEntry("mode", "camera")
                .containsEntry("border_mode", 0).containsEntry("p", 0.5).doesNotContainKey("shift_limit");
        assertThat(dict("PiecewiseAffine", Map.of())).containsEntry("scale", List.of(0.03, 0.05)).containsEntry("nb_rows", List.of(4L, 4L))
                .containsEntry("nb_cols", List.of(4L, 4L)).containsEntry("absolute_scale", false).containsEntry("p", 0.5);
        assertThat(dict("ThinPlateSpline", Map.of())).containsEntry("scale_range", List.of(0.2, 0.4)).containsEntry("num_control_points", 4)
                .containsEntry("p", 0.5);
        assertThat(dict("GridElasticDeform", Map.of())).containsEntry("num_grid_xy", List.of(4, 4)).containsEntry("magnitude", 10)
                .containsEntry("interpolation", 1).containsEntry("mask_interpolation", 0).containsEntry("p", 1.0)
                .doesNotContainKey("border_mode");
    }

    /** What toDict writes, fromDict reads back to the same transform, for non-default settings too. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("settings")
    void toDictReadsBackTheSame(String name, Map<String, Object> params) {
        Map<String, Object> d = dict(name, params);
        Map<String, Object> again = new LinkedHashMap<>(d);
        again.remove("__class_fullname__");
        assertThat(TransformRegistry.create(name, again).toDict()).isEqualTo(d);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!e.getKey().equals("keypoint_remapping_method") && !e.getKey().equals("keypoints_threshold")) assertThat(d).containsKey(e.getKey());
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("GridDistortion", Map.of("num_steps", 3, "distort_limit", List.of(-0.1, 0.4), "normalized", false, "border_mode", 4,
                        "fill", List.of(1, 2, 3), "fill_mask", 7, "interpolation", 2, "keypoint_remapping_method", "direct")),
                Arguments.of("OpticalDistortion", Map.of("distort_limit", 0.2, "mode", "fisheye", "mask_interpolation", 1, "shift_limit", 10)),
                Arguments.of("PiecewiseAffine", Map.of("scale", 0.07, "nb_rows", List.of(3, 6), "nb_cols", 5, "absolute_scale", true,
                        "border_mode", 1, "keypoints_threshold", 0.02)),
                Arguments.of("ThinPlateSpline", Map.of("scale_range", List.of(0.1, 0.9), "num_control_points", 2, "fill", 255)),
                Arguments.of("GridElasticDeform", Map.of("num_grid_xy", List.of(6, 3), "magnitude", 5, "interpolation", 0, "p", 0.3)));
    }

    @Test
    void scalarsReadAsAlbumentationsDoes() {
        assertThat(dict("GridDistortion", Map.of("distort_limit", 0.2))).containsEntry("distort_limit", List.of(-0.2, 0.2));
        assertThat(dict("OpticalDistortion", Map.of("distort_limit", 0.1))).containsEntry("distort_limit", List.of(-0.1, 0.1));
        assertThat(dict("PiecewiseAffine", Map.of("scale", 0.1, "nb_rows", 5))).containsEntry("scale", List.of(0L, 0.1))
                .containsEntry("nb_rows", List.of(5L, 5L));
    }

    /** Albumentations 1.3 files: value / mask_value, shift_limit, PiecewiseAffine's cval and scikit-image mode. */
    @Test
    void readsAlbumentations13Names() {
        Map<String, Object> grid = dict("GridDistortion", Map.of("num_steps", 5, "distort_limit", 0.3, "border_mode", 4, "value", 9,
                "mask_value", 3, "normalized", false, "always_apply", false));
        assertThat(grid).containsEntry("fill", 9L).containsEntry("fill_mask", 3L).containsEntry("border_mode", 4);
        assertThat(dict("OpticalDistortion", Map.of("distort_limit", 0.05, "shift_limit", 0.05, "value", 1)))
                .containsEntry("shift_limit", List.of(-0.05, 0.05)).containsEntry("fill", 1L);
        Map<String, Object> pa = dict("PiecewiseAffine", Map.of("scale", List.of(0.03, 0.05), "nb_rows", 4, "nb_cols", 4, "interpolation", 1,
                "mask_interpolation", 0, "cval", 5, "cval_mask", 2, "mode", "edge", "absolute_scale", false, "keypoints_threshold", 0.01));
        assertThat(pa).containsEntry("border_mode", 1).containsEntry("fill", 5L).containsEntry("fill_mask", 2L);
        assertThat(dict("PiecewiseAffine", Map.of("mode", "symmetric"))).containsEntry("border_mode", 2);
        assertThat(dict("PiecewiseAffine", Map.of("mode", "wrap"))).containsEntry("border_mode", 3);
        assertThat(dict("PiecewiseAffine", Map.of("mode", "reflect"))).containsEntry("border_mode", 4);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badParameters")
    void badParametersAreNamed(String name, Map<String, Object> params, String parameter) {
        Map<String, Object> p = new HashMap<>(params);
        assertThatThrownBy(() -> TransformRegistry.create(name, p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining(parameter);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("GridDistortion", Map.of("num_steps", 0), "num_steps"),
                Arguments.of("GridDistortion", Map.of("distort_limit", 1.5), "distort_limit"),
                Arguments.of("GridDistortion", Map.of("distort_limit", List.of(0.3, -0.3)), "distort_limit"),
                Arguments.of("GridDistortion", Map.of("keypoint_remapping_method", "fast"), "keypoint_remapping_method"),
                Arguments.of("GridDistortion", Map.of("p", 2), "p"),
                Arguments.of("OpticalDistortion", Map.of("mode", "barrel"), "mode"),
                Arguments.of("OpticalDistortion", Map.of("distort_limit", 20), "distort_limit"),
                Arguments.of("OpticalDistortion", Map.of("border_mode", 9), "border_mode"),
                Arguments.of("PiecewiseAffine", Map.of("scale", List.of(-0.1, 0.1)), "scale"),
                Arguments.of("PiecewiseAffine", Map.of("nb_rows", 1), "nb_rows"),
                Arguments.of("PiecewiseAffine", Map.of("nb_cols", List.of(1, 3)), "nb_cols"),
                Arguments.of("PiecewiseAffine", Map.of("mode", "mirror"), "mode"),
                Arguments.of("ThinPlateSpline", Map.of("scale_range", List.of(0.5, 1.5)), "scale_range"),
                Arguments.of("ThinPlateSpline", Map.of("num_control_points", 1), "num_control_points"),
                Arguments.of("ThinPlateSpline", Map.of("interpolation", 7), "interpolation"),
                Arguments.of("GridElasticDeform", Map.of("num_grid_xy", List.of(0, 4)), "num_grid_xy"),
                Arguments.of("GridElasticDeform", Map.of("num_grid_xy", List.of(4, 4, 4)), "num_grid_xy"),
                Arguments.of("GridElasticDeform", Map.of("num_grid_xy", List.of(2.5, 4)), "num_grid_xy"),
                Arguments.of("GridElasticDeform", Map.of("magnitude", -1), "magnitude"),
                Arguments.of("GridElasticDeform", Map.of("border_mode", 1), "border_mode"));
    }

    @Test
    void sampledParametersReplay() {
        Transform t = TransformRegistry.create("GridDistortion", Map.of("p", 1.0, "num_steps", 2));
        Map<Integer, Map<String, Object>> forced = Map.of(0, Map.of("steps_x", List.of(1, 1.5, 1), "steps_y", List.of(1, 1, 0.5)));
        try (org.augment4j.Sample in = org.augment4j.SpatialContract.rectangles();
             org.augment4j.Sample out = new org.augment4j.Compose(List.of(t)).apply(in, 3L, forced);
             org.augment4j.Sample again = new org.augment4j.Compose(List.of(t)).apply(in, 4L, forced)) {
            assertThat(org.augment4j.opencv.Mats.toBytes(out.image())).as("the forced steps, whatever the seed")
                    .isEqualTo(org.augment4j.opencv.Mats.toBytes(again.image())).isNotEqualTo(org.augment4j.opencv.Mats.toBytes(in.image()));
            assertThat(out.applied().get(0).params()).containsEntry("steps_x", List.of(1.0, 1.5, 1.0));
        }
        Transform wrong = TransformRegistry.create("GridDistortion", Map.of("p", 1.0, "num_steps", 2));
        try (org.augment4j.Sample in = org.augment4j.SpatialContract.rectangles()) {
            assertThatThrownBy(() -> new org.augment4j.Compose(List.of(wrong)).apply(in, 3L, Map.of(0, Map.of("steps_x", List.of(1, 1)))))
                    .hasMessageContaining("expected 3 steps");
        }
    }
}
