package org.augment4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;

import java.util.List;
import java.util.Map;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.PendingWarp;
import org.augment4j.internal.SampleInternals;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fused geometry: labels, parameters and the inverse trail are exactly those of step-by-step application; pixels are
 * resampled once and stay close to step-by-step ones; runs that must not fuse give identical bytes.
 */
class GeometryFusionTest {

    private static Transform t(String name, Map<String, Object> params) {
        return TransformRegistry.create(name, params);
    }

    private static Compose pipeline(Transform... transforms) {
        return new Compose(List.of(transforms), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void cropResizeRotateAndFlipMoveLabelsExactlyAndPixelsClosely(long seed) {
        Compose fused = pipeline(t("RandomSizedCrop", Map.of("min_max_height", List.of(280, 420), "height", 320, "width", 320, "p", 1.0)),
                t("ShiftScaleRotate", Map.of("p", 1.0, "border_mode", 0)), t("HorizontalFlip", Map.of("p", 1.0)));
        assertThat(fused.fusesGeometry()).isTrue();
        Compose stepwise = fused.withGeometryFusion(false);
        String stem = CocoFixture.STEMS.get((int) (seed % CocoFixture.STEMS.size()));
        try (Sample in = CocoFixture.load(stem); Sample a = fused.apply(in, seed); Sample b = stepwise.apply(in, seed)) {
            assertThat(a.boxes().toArray()).isDeepEqualTo(b.boxes().toArray());
            assertThat(a.keypoints().toArray()).isDeepEqualTo(b.keypoints().toArray());
            assertThat(a.boxes().labels().asMap()).isEqualTo(b.boxes().labels().asMap());
            assertThat(a.applied()).isEqualTo(b.applied());
            assertThat(a.steps()).hasSameSizeAs(b.steps()).hasSize(3);
            assertThat(SampleInternals.pending(a)).isNull();
            assertThat(a.width()).isEqualTo(320);
            // Pixels: one resampling instead of two; away from the 2-pixel edge band they differ only by interpolation.
            try (Rect inner = new Rect(2, 2, 316, 316); Mat ai = new Mat(a.image(), inner); Mat bi = new Mat(b.image(), inner); Mat d = new Mat()) {
                absdiff(ai, bi, d);
                try (Scalar m = mean(d)) {
                    assertThat(m.get(0)).as("mean |fused - stepwise| (gray levels)").isLessThan(4.0);
                }
            }
            try (Mat d = new Mat()) {
                absdiff(a.mask(), b.mask(), d);
                assertThat(countNonZero(d)).as("mask pixels that differ").isLessThan(320 * 320 / 20);
            }
        }
    }

    @Test
    void runsOfFastPathsAndRunsBrokenByAPixelTransformGiveIdenticalBytes() {
        Compose cropFlip = pipeline(t("RandomCrop", Map.of("height", 200, "width", 240, "p", 1.0)), t("HorizontalFlip", Map.of("p", 1.0)),
                t("RandomRotate90", Map.of("p", 1.0)));
        Compose broken = pipeline(t("RandomSizedCrop", Map.of("min_max_height", List.of(280, 420), "height", 320, "width", 320, "p", 1.0)),
                t("RGBShift", Map.of("p", 1.0)), t("Rotate", Map.of("p", 1.0, "limit", 30)));
        Compose readsMasks = pipeline(t("Transpose", Map.of("p", 1.0)), t("CropNonEmptyMaskIfExists", Map.of("height", 100, "width", 120, "p", 1.0)),
                t("Rotate", Map.of("p", 1.0, "limit", 30)));
        for (Compose c : List.of(cropFlip, broken, readsMasks)) {
            for (long seed = 1; seed <= 3; seed++) {
                try (Sample in = CocoFixture.load(CocoFixture.STEMS.get(0)); Sample a = c.apply(in, seed); Sample b = c.withGeometryFusion(false).apply(in, seed)) {
                    assertThat(Mats.toBytes(a.image())).isEqualTo(Mats.toBytes(b.image()));
                    assertThat(Mats.toBytes(a.mask())).isEqualTo(Mats.toBytes(b.mask()));
                    assertThat(a.boxes().toArray()).isDeepEqualTo(b.boxes().toArray());
                }
            }
        }
    }

    @Test
    void aDeferredStepMovesLabelsAndSizeButNoPixel() {
        try (Sample in = CocoFixture.load(CocoFixture.STEMS.get(1))) {
            Sample armed = SampleInternals.withPending(in, PendingWarp.empty());
            Sample flipped = t("Transpose", Map.of("p", 1.0)).applyAlways(armed, new java.util.SplittableRandom(1));
            assertThat(SampleInternals.pending(flipped).steps()).hasSize(1);
            assertThat(flipped.image()).isSameAs(in.image());
            assertThat(flipped.width()).isEqualTo(in.height());
            assertThat(flipped.height()).isEqualTo(in.width());
            Sample real = GeometryFusion.materialize(flipped);
            assertThat(SampleInternals.pending(real)).isNull();
            assertThat(real.image().cols()).isEqualTo(in.height());
            assertThat(real.image().depth()).isEqualTo(CV_8U);
            GeometryFusion.release(real, flipped, in);
            real.close();
        }
    }

    @Test
    void stepsThatReadPixelsOrUseBordersEndARun() {
        Resampling linear = Resampling.defaults();
        org.augment4j.internal.geometry.AffineGeometry crop = org.augment4j.internal.geometry.AffineGeometry.crop(10, 10, 110, 90);
        org.augment4j.internal.geometry.AffineGeometry rotate = org.augment4j.internal.geometry.AffineGeometry.of(
                org.augment4j.internal.geometry.Matrix.affine(0.8, -0.6, 40, 0.6, 0.8, -20), org.augment4j.internal.geometry.KeypointRule.identity(), 100, 80);
        PendingWarp afterCrop = PendingWarp.empty().then(new PendingWarp.Step(crop, linear, 200, 150));
        assertThat(GeometryFusion.canJoin(afterCrop, rotate, linear)).as("a crop samples inside its input").isTrue();
        PendingWarp afterRotate = afterCrop.then(new PendingWarp.Step(rotate, linear, 100, 80));
        assertThat(GeometryFusion.canJoin(afterRotate, crop, linear)).as("a rotation reaches its borders").isFalse();
        Resampling area = new Resampling(org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA, 0, 0, Fill.zero(), Fill.zero());
        assertThat(GeometryFusion.canJoin(PendingWarp.empty(), crop, area)).as("area averaging").isFalse();
    }
}
