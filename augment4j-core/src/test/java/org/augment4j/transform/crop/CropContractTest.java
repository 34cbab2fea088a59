package org.augment4j.transform.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spatial contract (boxes tight on their objects, keypoints on their blobs, label-valued masks) and the JSON/YAML
 * round trip for every crop, resize and pad transform, on the 600 × 400 contract photo over several seeds.
 *
 * <p>Box tolerance: 0 px (1e-9, for floating-point rounding) for crops and pads (integer windows and shifts move boxes and masks identically), 1 px for
 * anything that resizes (a nearest-neighbour mask edge lies within one output pixel of the scaled box edge).
 */
class CropContractTest {

    /** A case: transform name, parameters, box tolerance in pixels. */
    record Case(String name, Map<String, Object> params, double tolerance) {
        Transform create() {
            Map<String, Object> p = new HashMap<>(params);
            p.put("p", 1.0);
            return TransformRegistry.create(name, p);
        }

        @Override
        public String toString() {
            return name + " " + params;
        }
    }

    /** Crops and pads: exact up to floating-point rounding. */
    private static final double EXACT = 1e-9;

    static final List<Case> CASES = List.of(
            new Case("AtLeastOneBBoxRandomCrop", Map.of("height", 200, "width", 250), EXACT),
            new Case("AtLeastOneBBoxRandomCrop", Map.of("height", 150, "width", 150, "erosion_factor", 0.5), EXACT),
            new Case("BBoxSafeRandomCrop", Map.of(), EXACT),
            new Case("BBoxSafeRandomCrop", Map.of("erosion_rate", 0.3), EXACT),
            new Case("RandomSizedBBoxSafeCrop", Map.of("height", 256, "width", 320), 1),
            new Case("CropAndPad", Map.of("px", -30, "keep_size", false), EXACT),
            new Case("CropAndPad", Map.of("px", List.of(-40, 40), "keep_size", false), EXACT),
            new Case("CropAndPad", Map.of("percent", List.of(-0.1, 0.15)), 1),
            new Case("CropAndPad", Map.of("px", List.of(10, List.of(-30, 30), 0, List.of(-20, 5, 20)), "keep_size", false), EXACT),
            new Case("CropNonEmptyMaskIfExists", Map.of("height", 180, "width", 220), EXACT),
            new Case("CropNonEmptyMaskIfExists", Map.of("height", 100, "width", 100, "ignore_values", List.of(1, 2)), EXACT),
            new Case("RandomCropFromBorders", Map.of(), EXACT),
            new Case("RandomCropFromBorders", Map.of("crop_left", 0.4, "crop_right", 0.3, "crop_top", 0.2, "crop_bottom", 0.5), EXACT),
            new Case("RandomResizedCrop", Map.of("size", List.of(256, 256)), 1),
            new Case("RandomResizedCrop", Map.of("size", List.of(300, 200), "scale", List.of(0.5, 1.0), "ratio", List.of(0.5, 2.0), "interpolation", 3), 1),
            new Case("LongestMaxSize", Map.of("max_size", 512), 1),
            new Case("LongestMaxSize", Map.of("max_size_hw", List.of(300, 500)), 1),
            new Case("SmallestMaxSize", Map.of("max_size", List.of(200, 300, 500)), 1),
            new Case("RandomScale", Map.of("scale_limit", 0.3), 1),
            new Case("Pad", Map.of("padding", List.of(10, 20, 30, 40)), EXACT),
            new Case("PadIfNeeded", Map.of("min_height", 512, "min_width", 700, "position", "random"), EXACT),
            new Case("PadIfNeeded", Map.of("pad_height_divisor", 64, "pad_width_divisor", 64, "position", "bottom_right"), EXACT),
            new Case("Crop", Map.of("x_min", 100, "y_min", 30, "x_max", 700, "y_max", 450, "pad_if_needed", true), EXACT),
            new Case("CenterCrop", Map.of("height", 500, "width", 300, "pad_if_needed", true, "pad_position", "top_left"), EXACT),
            new Case("RandomCrop", Map.of("height", 450, "width", 500, "pad_if_needed", true, "pad_position", "random"), EXACT),
            new Case("RandomSizedCrop", Map.of("min_max_height", List.of(200, 380), "size", List.of(256, 256)), 1));

    static Stream<Arguments> casesAndSeeds() {
        return seeds(4);
    }

    static Stream<Arguments> casesAndTwoSeeds() {
        return seeds(2);
    }

    private static Stream<Arguments> seeds(int n) {
        List<Arguments> out = new ArrayList<>();
        for (Case c : CASES) for (long seed = 0; seed < n; seed++) out.add(Arguments.of(c, seed));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("casesAndSeeds")
    void keepsTheContract(Case c, long seed) {
        Transform t = c.create();
        try (Sample out = SpatialContract.check(t, seed, c.tolerance(), 0)) {
            assertThat(out.mask().cols()).isEqualTo(out.width());
            assertThat(out.mask().rows()).isEqualTo(out.height());
            assertThat(out.images().get("probe").cols()).isEqualTo(out.width());
        }
    }

    /** On real COCO photos (clipped coco boxes, instance masks, person keypoints): labels stay valid, masks keep their values. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("casesAndTwoSeeds")
    void labelsStayValidOnCocoPhotos(Case c, long seed) {
        String stem = CocoFixture.STEMS.get((int) ((CASES.indexOf(c) + seed) % CocoFixture.STEMS.size()));
        Transform t = c.create();
        Compose pipeline = new Compose(List.of(t), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
        try (Sample in = CocoFixture.load(stem); Sample out = pipeline.apply(in, seed)) {
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                assertThat(b[0]).isBetween(0.0, 1.0);
                assertThat(b[1]).isBetween(0.0, 1.0);
                assertThat(b[2]).isBetween(0.0, 1.0).isGreaterThan(b[0]);
                assertThat(b[3]).isBetween(0.0, 1.0).isGreaterThan(b[1]);
            }
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                assertThat(k[0]).isGreaterThanOrEqualTo(0).isLessThan(out.width());
                assertThat(k[1]).isGreaterThanOrEqualTo(0).isLessThan(out.height());
            }
            assertThat(out.boxes().labels().get("category_id")).hasSize(out.boxes().size());
            assertThat(out.keypoints().labels().get("keypoint_labels")).hasSize(out.keypoints().size());
            java.util.Set<Integer> before = values(in.mask());
            before.add(0);
            assertThat(values(out.mask())).isSubsetOf(before);
            assertThat(out.mask().cols()).isEqualTo(out.width());
            assertThat(out.mask().rows()).isEqualTo(out.height());
        }
    }

    private static java.util.TreeSet<Integer> values(org.bytedeco.opencv.opencv_core.Mat m) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (byte v : org.augment4j.opencv.Mats.toBytes(m)) s.add(v & 0xff);
        return s;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("casesAndTwoSeeds")
    void roundTripsThroughJsonAndYaml(Case c, long seed) {
        Transform t = c.create();
        SpatialContract.assertRoundTripSameOutput(t, seed);
        Map<String, Object> d = new LinkedHashMap<>(t.toDict());
        d.remove("__class_fullname__");
        assertThat(TransformRegistry.create(c.name(), d).toDict()).isEqualTo(t.toDict());
    }
}
