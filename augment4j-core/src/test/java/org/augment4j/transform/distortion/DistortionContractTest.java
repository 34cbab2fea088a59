package org.augment4j.transform.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spatial contract for every distortion (boxes tight on their warped objects, keypoints on their content,
 * label-valued masks, same-size output, JSON/YAML round trip) with Albumentations' defaults and with strong settings,
 * and the identity parameters (where Albumentations has them) giving the input back exactly.
 */
class DistortionContractTest {

    /** Box tolerance in pixels: boxes are re-fitted around the warped region, masks warped with nearest neighbour. */
    static final double TOLERANCE = 1.0;

    static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "GridDistortion", Map.of(),
            "OpticalDistortion", Map.of(),
            "PiecewiseAffine", Map.of(),
            "ThinPlateSpline", Map.of(),
            "GridElasticDeform", Map.of());

    /** Settings far beyond the defaults. */
    static final List<Object[]> STRONG = List.of(
            new Object[] {"GridDistortion", Map.of("distort_limit", 0.5, "num_steps", 6)},
            new Object[] {"GridDistortion", Map.of("distort_limit", List.of(0.2, 0.5), "normalized", false)},
            new Object[] {"OpticalDistortion", Map.of("distort_limit", List.of(0.6, 0.6))},
            new Object[] {"OpticalDistortion", Map.of("distort_limit", List.of(-0.25, -0.25))},
            new Object[] {"OpticalDistortion", Map.of("distort_limit", 0.6, "mode", "fisheye")},
            new Object[] {"PiecewiseAffine", Map.of("scale", List.of(0.1, 0.12), "nb_rows", 5, "nb_cols", List.of(4, 6))},
            new Object[] {"ThinPlateSpline", Map.of("scale_range", List.of(0.8, 1.0))},
            new Object[] {"ThinPlateSpline", Map.of("scale_range", List.of(0.8, 1.0), "num_control_points", 2)},
            new Object[] {"GridElasticDeform", Map.of("magnitude", 40, "num_grid_xy", List.of(5, 3))});

    static Transform create(String name, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        return TransformRegistry.create(name, p);
    }

    static Stream<Arguments> defaults() {
        List<Arguments> out = new ArrayList<>();
        for (String name : List.of("GridDistortion", "OpticalDistortion", "PiecewiseAffine", "ThinPlateSpline", "GridElasticDeform")) {
            for (long seed = 1; seed <= 4; seed++) out.add(Arguments.of(name, DEFAULTS.get(name), seed));
        }
        return out.stream();
    }

    static Stream<Arguments> strong() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] s : STRONG) {
            for (long seed = 11; seed <= 13; seed++) out.add(Arguments.of(s[0], s[1], seed));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource({"defaults", "strong"})
    void keepsTheContract(String name, Map<String, Object> params, long seed) {
        Transform t = create(name, params);
        try (Sample out = SpatialContract.check(t, seed, TOLERANCE, 0)) {
            assertThat(out.width()).isEqualTo(600);
            assertThat(out.height()).isEqualTo(400);
            assertThat(out.boxes().size()).isPositive();
            assertThat(out.keypoints().size()).isPositive();
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }

    /** Under strong settings the warp really moves the objects (so the tightness above is not that of unmoved boxes). */
    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("strong")
    void strongSettingsMoveTheObjects(String name, Map<String, Object> params, long seed) {
        try (Sample out = SpatialContract.check(create(name, params), seed, TOLERANCE, 0)) {
            double moved = 0;
            for (int i = 0; i < out.boxes().size(); i++) {
                int obj = (Integer) out.boxes().labels().get("obj").get(i) - 1;
                double[] b = out.boxes().get(i);
                int[] o = SpatialContract.OBJECTS[obj];
                moved = Math.max(moved, Math.max(Math.abs(b[0] * 600 - o[0]), Math.abs(b[3] * 400 - o[3])));
                moved = Math.max(moved, Math.max(Math.abs(b[2] * 600 - o[2]), Math.abs(b[1] * 400 - o[1])));
            }
            assertThat(moved).as("largest box edge movement").isGreaterThan(8);
        }
    }

    /**
     * Parameters that leave the input as it is. GridDistortion and camera-mode OpticalDistortion have none, as in
     * Albumentations: a grid cell's linspace includes both ends (a one-pixel stretch per cell) and OpenCV centres the
     * undistorted camera half a pixel off the distortion centre (see DistortionMapsTest).
     */
    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of("OpticalDistortion", Map.of("distort_limit", 0, "mode", "fisheye")),
                Arguments.of("PiecewiseAffine", Map.of("scale", 0)),
                Arguments.of("ThinPlateSpline", Map.of("scale_range", List.of(0, 0))),
                Arguments.of("GridElasticDeform", Map.of("magnitude", 0)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("identities")
    void identityParametersGiveTheInputBack(String name, Map<String, Object> params) {
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(create(name, params)).apply(in, 5L)) {
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
            assertThat(Mats.toBytes(out.images().get("probe"))).isEqualTo(Mats.toBytes(in.images().get("probe")));
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
            assertThat(out.boxes().toArray()).hasDimensions(in.boxes().size(), 4);
            for (int i = 0; i < in.boxes().size(); i++) assertThat(out.boxes().get(i)).containsExactly(in.boxes().get(i), offset(1e-12));
            for (int i = 0; i < in.keypoints().size(); i++) {
                assertThat(out.keypoints().get(i)[0]).isCloseTo(in.keypoints().get(i)[0], offset(1e-6));
                assertThat(out.keypoints().get(i)[1]).isCloseTo(in.keypoints().get(i)[1], offset(1e-6));
            }
        }
    }
}
