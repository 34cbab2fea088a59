package org.augment4j.transform.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Crops that choose their window from the labels: which boxes they keep, which mask pixels they hold. */
class LabelAwareCropTest {

    static Stream<Arguments> stemsAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (String stem : CocoFixture.STEMS) for (long seed = 0; seed < 3; seed++) out.add(Arguments.of(stem, seed));
        return out.stream();
    }

    private static Compose coco(Transform t) {
        return new Compose(List.of(t), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("stemsAndSeeds")
    void bboxSafeRandomCropKeepsEveryBoxWhole(String stem, long seed) {
        try (Sample in = CocoFixture.load(stem); Sample out = coco(new BBoxSafeRandomCrop(0.0, 1.0)).apply(in, seed)) {
            assertThat(in.boxes().size()).isPositive();
            assertThat(out.boxes().size()).isEqualTo(in.boxes().size());
            assertThat(out.boxes().labels().get("category_id")).isEqualTo(in.boxes().labels().get("category_id"));
            for (int i = 0; i < in.boxes().size(); i++) {
                double[] a = in.boxes().get(i), b = out.boxes().get(i);
                // Albumentations truncates the window to whole pixels, which may shave less than a pixel off the union.
                assertThat((b[2] - b[0]) * out.width()).isCloseTo((a[2] - a[0]) * in.width(), org.assertj.core.data.Offset.offset(1.0));
                assertThat((b[3] - b[1]) * out.height()).isCloseTo((a[3] - a[1]) * in.height(), org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("stemsAndSeeds")
    void randomSizedBBoxSafeCropKeepsEveryBox(String stem, long seed) {
        try (Sample in = CocoFixture.load(stem); Sample out = coco(new RandomSizedBBoxSafeCrop(300, 200)).apply(in, seed)) {
            assertThat(out.width()).isEqualTo(200);
            assertThat(out.height()).isEqualTo(300);
            assertThat(out.boxes().size()).isEqualTo(in.boxes().size());
            assertThat(out.boxes().labels().get("category_id")).isEqualTo(in.boxes().labels().get("category_id"));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("stemsAndSeeds")
    void atLeastOneBBoxRandomCropKeepsABox(String stem, long seed) {
        try (Sample in = CocoFixture.load(stem); Sample out = coco(new AtLeastOneBBoxRandomCrop(160, 160)).apply(in, seed)) {
            assertThat(out.width()).isEqualTo(160);
            assertThat(out.boxes().size()).isPositive();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void atLeastOneBBoxRandomCropHoldsWholeBoxesItFits(long seed) {
        // All three contract objects fit a 250 x 250 window: with erosion 0 one of them is always whole.
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(new AtLeastOneBBoxRandomCrop(250, 250)).apply(in, seed)) {
            Map<Integer, int[]> bounds = SpatialContract.maskBounds(out.mask());
            boolean whole = false;
            for (int i = 0; i < SpatialContract.OBJECTS.length; i++) {
                int[] o = SpatialContract.OBJECTS[i], m = bounds.get(i + 1);
                whole |= m != null && m[2] - m[0] == o[2] - o[0] && m[3] - m[1] == o[3] - o[1];
            }
            assertThat(whole).as("one object whole in %s", out.applied().get(0).params()).isTrue();
        }
    }

    /** RandomCropNearBBox with its cropping box in the sample's metadata. */
    private record WithCroppingBox(Transform inner, Object box) implements Transform {
        @Override
        public Sample apply(Sample sample, RandomGenerator rng) {
            return inner.apply(sample.withMetadata("cropping_bbox", box), rng);
        }

        @Override
        public Sample applyAlways(Sample sample, RandomGenerator rng) {
            return inner.applyAlways(sample.withMetadata("cropping_bbox", box), rng);
        }

        @Override
        public double probability() {
            return inner.probability();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Map<String, Object> toDict() {
            return inner.toDict();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5})
    void randomCropNearBBoxKeepsTheContract(long seed) {
        Transform t = new WithCroppingBox(TransformRegistry.create("RandomCropNearBBox", Map.of("max_part_shift", List.of(0.2, 0.4))),
                List.of(230, 100, 440, 350));
        try (Sample out = SpatialContract.check(t, seed, 1e-9, 0)) {
            Map<String, Object> p = out.applied().get(0).params();
            int x1 = (Integer) p.get("x_min"), y1 = (Integer) p.get("y_min"), x2 = (Integer) p.get("x_max"), y2 = (Integer) p.get("y_max");
            assertThat(x1).isBetween(230 - 84, 230 + 84);
            assertThat(x2).isBetween(440 - 84, Math.min(600, 440 + 84));
            assertThat(y1).isBetween(100 - 50, 100 + 50);
            assertThat(y2).isBetween(350 - 50, Math.min(400, 350 + 50));
            assertThat(out.width()).isEqualTo(x2 - x1);
        }
    }

    @Test
    void randomCropNearBBoxWithoutShiftCropsTheBox() {
        Transform t = TransformRegistry.create("RandomCropNearBBox", Map.of("max_part_shift", 0, "cropping_bbox_key", "roi"));
        try (Sample in = SpatialContract.rectangles(); Sample tagged = in.withMetadata("roi", new double[] {250, 120, 420, 330});
             Sample out = SpatialContract.pipeline(t).apply(tagged, 3)) {
            assertThat(out.width()).isEqualTo(170);
            assertThat(out.height()).isEqualTo(210);
            assertThat(out.boxes().size()).isEqualTo(1);
            assertThat(out.boxes().get(0)).containsExactly(new double[] {0, 0, 1, 1}, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(SpatialContract.maskBounds(out.mask())).containsOnlyKeys(2);
        }
    }

    @Test
    void randomCropNearBBoxNeedsItsMetadata() {
        Transform t = TransformRegistry.create("RandomCropNearBBox", Map.of());
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> SpatialContract.pipeline(t).apply(in, 1).close()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RandomCropNearBBox needs the sample metadata 'cropping_bbox'");
        }
    }

    @Test
    void randomCropNearBBoxReadsBothVersions() {
        assertThat(TransformRegistry.create("RandomCropNearBBox", Map.of("max_part_shift", 0.3)).toDict())
                .containsEntry("max_part_shift", List.of(0L, 0.3)).containsEntry("cropping_bbox_key", "cropping_bbox");
        assertThat(TransformRegistry.create("RandomCropNearBBox", Map.of("max_part_shift", 0.3, "cropping_box_key", "b")).toDict())
                .containsEntry("max_part_shift", List.of(0.3, 0.3)).containsEntry("cropping_bbox_key", "b");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void cropNonEmptyMaskIfExistsHoldsACountedPixel(long seed) {
        Transform t = TransformRegistry.create("CropNonEmptyMaskIfExists", Map.of("height", 60, "width", 60, "ignore_values", List.of(1, 2)));
        try (Sample out = SpatialContract.check(t, seed, 1e-9, 0)) {
            assertThat(values(out.mask())).contains(3);
        }
    }

    @Test
    void cropNonEmptyMaskIfExistsIgnoresChannelsAndFallsBackToARandomCrop() {
        try (Mat img = new Mat(100, 120, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(50.0));
             Mat mask = Mats.zeros(100, 120, CV_8UC2)) {
            try (Rect r = new Rect(100, 80, 5, 5); Mat roi = new Mat(mask, r); Scalar v = new Scalar(0.0, 7.0, 0.0, 0.0)) {
                roi.put(v);
            }
            try (Rect r = new Rect(0, 0, 5, 5); Mat roi = new Mat(mask, r); Scalar v = new Scalar(9.0, 0.0, 0.0, 0.0)) {
                roi.put(v);
            }
            Compose channel1 = new Compose(List.of(new CropNonEmptyMaskIfExists(20, 20, null, new int[] {0}, 1.0)));
            for (long seed = 0; seed < 6; seed++) {
                try (Sample out = channel1.apply(Sample.builder().image(img).mask(mask).build(), seed)) {
                    Map<String, Object> p = out.applied().get(0).params();
                    assertThat((Integer) p.get("x_min")).isBetween(81, 100);
                    assertThat((Integer) p.get("y_min")).isBetween(61, 80);
                }
            }
            Compose nothing = new Compose(List.of(new CropNonEmptyMaskIfExists(20, 20, new int[] {7, 9}, null, 1.0)));
            try (Sample out = nothing.apply(Sample.builder().image(img).mask(mask).build(), 1)) {
                assertThat(out.width()).isEqualTo(20);
            }
            assertThatThrownBy(() -> nothing.apply(Sample.of(img), 1).close()).hasMessageContaining("CropNonEmptyMaskIfExists needs a mask");
        }
    }

    @Test
    void cropNonEmptyMaskIfExistsUsesEveryNamedMaskWithoutAMainOne() {
        try (Mat img = new Mat(100, 120, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(50.0));
             Mat a = Mats.zeros(100, 120, CV_8UC1); Mat b = Mats.zeros(100, 120, CV_8UC1)) {
            try (Rect r = new Rect(110, 90, 3, 3); Mat roi = new Mat(b, r); Scalar v = new Scalar(1.0)) {
                roi.put(v);
            }
            Compose c = new Compose(List.of(new CropNonEmptyMaskIfExists(10, 10)));
            for (long seed = 0; seed < 4; seed++) {
                try (Sample out = c.apply(Sample.builder().image(img).mask("a", a).mask("b", b).build(), seed)) {
                    assertThat(values(out.masks().get("b"))).contains(1);
                }
            }
        }
    }

    private static TreeSet<Integer> values(Mat m) {
        TreeSet<Integer> s = new TreeSet<>();
        for (byte v : Mats.toBytes(m)) s.add(v & 0xff);
        return s;
    }
}
