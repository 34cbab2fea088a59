package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.BasicTransform;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2.0.8 behaviour of Affine, ShiftScaleRotate, ElasticTransform, Rotate, RandomRotate90 and Flip. */
class AffineFamilyTest {

    private static BasicTransform<?> create(String name, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return (BasicTransform<?>) TransformRegistry.create(name, m);
    }

    private static Map<String, Object> sample(BasicTransform<?> t, Sample s, long seed) {
        return org.augment4j.internal.Records.toMap(t.sampleParams(s, new SplittableRandom(seed)));
    }

    @Test
    void balancedScaleZoomsInAndOutEquallyOften() {
        BasicTransform<?> balanced = create("Affine", "scale", List.of(0.5, 2), "balanced_scale", true, "keep_ratio", true);
        BasicTransform<?> plain = create("Affine", "scale", List.of(0.5, 2), "keep_ratio", true);
        int n = 4000, belowBalanced = 0, belowPlain = 0;
        try (Sample s = SpatialContract.rectangles()) {
            SplittableRandom r1 = new SplittableRandom(1), r2 = new SplittableRandom(2);
            for (int i = 0; i < n; i++) {
                Map<String, Object> a = org.augment4j.internal.Records.toMap(balanced.sampleParams(s, r1));
                Map<String, Object> b = org.augment4j.internal.Records.toMap(plain.sampleParams(s, r2));
                if ((Double) a.get("scale_x") < 1) belowBalanced++;
                if ((Double) b.get("scale_x") < 1) belowPlain++;
                assertThat(a.get("scale_y")).isEqualTo(a.get("scale_x"));
                assertThat((Double) a.get("scale_x")).isBetween(0.5, 2.0);
            }
        }
        assertThat(belowBalanced / (double) n).isBetween(0.46, 0.54);
        assertThat(belowPlain / (double) n).isBetween(0.30, 0.37);
    }

    @Test
    void dictFormsFillAMissingAxisAs208() {
        BasicTransform<?> t = create("Affine", "scale", Map.of("x", List.of(0.8, 1.2)), "translate_percent", Map.of("y", 0.1),
                "shear", Map.of("x", List.of(-10, 10)), "p", 1.0);
        try (Sample s = SpatialContract.rectangles()) {
            for (long seed = 0; seed < 20; seed++) {
                Map<String, Object> p = sample(t, s, seed);
                assertThat(p.get("scale_y")).isEqualTo(1.0);
                assertThat((Double) p.get("scale_x")).isBetween(0.8, 1.2);
                assertThat(p).containsEntry("translate_x", 0.0).containsEntry("translate_y", 40.0);
                assertThat(p.get("shear_y")).as("2.0.8 fills a missing shear axis with 1.0").isEqualTo(1.0);
            }
        }
        assertThat(t.toDict()).containsEntry("scale", Map.of("x", List.of(0.8, 1.2), "y", List.of(1L, 1L)))
                .containsEntry("translate_percent", Map.of("x", List.of(0L, 0L), "y", List.of(0.1, 0.1)))
                .containsEntry("translate_px", null).containsEntry("balanced_scale", false);
        Transform back = PipelineFile.fromJson(PipelineFile.toJson(SpatialContract.pipeline(t))).transforms().get(0);
        assertThat(back.toDict()).isEqualTo(t.toDict());
        assertThat(create("Affine").toDict()).containsEntry("translate_px", Map.of("x", List.of(0L, 0L), "y", List.of(0L, 0L)))
                .containsEntry("translate_percent", null);
    }

    @ParameterizedTest(name = "translate_percent {0}")
    @ValueSource(doubles = {0.10001, -0.10001, 0.0999})
    void translatePercentIsTruncatedToWholePixels(double f) {
        BasicTransform<?> t = create("Affine", "translate_percent", f);
        try (Sample s = SpatialContract.rectangles()) {
            Map<String, Object> p = sample(t, s, 0);
            assertThat(p.get("translate_x")).isEqualTo((double) (int) (f * 600));
            assertThat(p.get("translate_y")).isEqualTo((double) (int) (f * 400));
        }
    }

    @Test
    void shearFollowsThe208Matrix() {
        BasicTransform<?> a = create("Affine", "p", 1.0);
        Map<String, Object> forced = Map.of("scale_x", 1, "scale_y", 1, "translate_x", 0, "translate_y", 0, "rotate", 0, "shear_x", 10, "shear_y", 0);
        try (Sample base = SpatialContract.rectangles()) {
            Sample in = Sample.builder().image(base.image()).build().withKeypoints(TargetCodec.decodeKeypoints(
                    new double[][] {{299.5, 209.5}}, Map.of("kp_obj", List.of(1)), SpatialContract.KEYPOINTS, 600, 400));
            Sample out = a.applyForced(in, new SplittableRandom(0), forced);
            // Ten pixels below the centre moves left by 10·tan(10°): the shear is tan(−shear_x), as 2.0.8.
            assertThat(out.keypoints().get(0)[0]).isCloseTo(299.5 - 10 * Math.tan(Math.toRadians(10)), within(1e-9));
            assertThat(out.keypoints().get(0)[1]).isCloseTo(209.5, within(1e-9));
            out.image().close();
        }
    }

    @Test
    void fitOutputHoldsTheWholeRotatedFrame() {
        BasicTransform<?> t = create("Affine", "rotate", 45, "fit_output", true, "p", 1.0);
        double[][] corners = {{0, 0}, {599, 0}, {599, 399}, {0, 399}};
        try (Sample base = SpatialContract.rectangles()) {
            Sample in = Sample.builder().image(base.image()).build()
                    .withKeypoints(TargetCodec.decodeKeypoints(corners, Map.of("kp_obj", List.of(1, 2, 3, 4)), SpatialContract.KEYPOINTS, 600, 400));
            try (Sample out = SpatialContract.pipeline(t).apply(in, 0L)) {
                assertThat(out.keypoints().size()).isEqualTo(4);
                double half = Math.sqrt(0.5) * 1000;
                assertThat(out.width()).isBetween((int) half, (int) half + 3);
                assertThat(out.height()).isBetween((int) half, (int) half + 3);
            }
        }
    }

    @Test
    void shiftScaleRotateDrawsEachAxisScaleAndWholePixelShifts() {
        BasicTransform<?> t = create("ShiftScaleRotate", "scale_limit", 0.3, "shift_limit", 0.2);
        int differ = 0;
        try (Sample s = SpatialContract.rectangles()) {
            for (long seed = 0; seed < 20; seed++) {
                Map<String, Object> p = sample(t, s, seed);
                if (!p.get("scale_x").equals(p.get("scale_y"))) differ++;
                double tx = (Double) p.get("translate_x");
                assertThat(tx).isEqualTo(Math.rint(tx)).isBetween(-120.0, 120.0);
            }
        }
        assertThat(differ).isEqualTo(20);
        assertThat(t.toDict()).containsKeys("fill", "fill_mask", "mask_interpolation", "border_mode", "rotate_method");
    }

    @Test
    void elasticTransformHas208DefaultsAndNames() {
        BasicTransform<?> t = create("ElasticTransform");
        assertThat(t.toDict()).containsEntry("border_mode", 0).containsEntry("keypoint_remapping_method", "mask")
                .containsEntry("alpha", 1.0).containsEntry("sigma", 50.0).doesNotContainKey("alpha_affine");
        assertThat(create("ElasticTransform", "alpha_affine", 5, "keypoint_remapping_method", "direct").toDict())
                .containsEntry("alpha_affine", 5.0).containsEntry("keypoint_remapping_method", "direct");
        assertThatThrownBy(() -> create("ElasticTransform", "sigma", 0.5)).isInstanceOf(PipelineException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> create("ElasticTransform", "keypoint_remapping_method", "exact"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("keypoint_remapping_method");
    }

    @Test
    void rotateReadsAndWritesFillFillMaskAndMaskInterpolation() {
        BasicTransform<?> t = create("Rotate", "limit", List.of(30, 30), "fill", 9, "fill_mask", 4, "mask_interpolation", 0, "p", 1);
        try (Sample in = SpatialContract.rectangles(); Sample out = t.applyForced(in, new SplittableRandom(0), Map.of())) {
            assertThat(((java.nio.ByteBuffer) out.mask().createBuffer()).get(0) & 0xff).isEqualTo(4);
            assertThat(((java.nio.ByteBuffer) out.image().createBuffer()).get(0) & 0xff).isEqualTo(9);
        }
        assertThat(t.toDict()).containsEntry("fill", 9L).containsEntry("fill_mask", 4L).containsEntry("mask_interpolation", 0);
        BasicTransform<?> old = create("Rotate", "limit", 30, "value", 9, "mask_value", 4);
        assertThat(old.toDict()).containsEntry("fill", 9L).containsEntry("fill_mask", 4L);
    }

    @Test
    void randomRotate90DefaultsToP1As208() {
        assertThat(create("RandomRotate90").probability()).isEqualTo(1.0);
        assertThat(create("D4").probability()).isEqualTo(1.0);
        assertThat(create("Flip").probability()).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {-1, 0, 1})
    void flipIsOpenCvFlipWithTheSameCode(int d) {
        BasicTransform<?> t = create("Flip", "p", 1);
        try (Sample in = SpatialContract.rectangles(); Sample out = t.applyForced(in, new SplittableRandom(0), Map.of("d", d)); Mat want = new Mat()) {
            opencv_core.flip(in.image(), want, d);
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(want));
            for (int i = 0; i < in.boxes().size(); i++) {
                double[] b = in.boxes().get(i), o = out.boxes().get(i);
                boolean h = d != 0, v = d != 1;
                assertThat(o).containsExactly(new double[] {h ? 1 - b[2] : b[0], v ? 1 - b[3] : b[1], h ? 1 - b[0] : b[2], v ? 1 - b[1] : b[3]}, within(1e-12));
            }
        }
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> t.applyForced(in, new SplittableRandom(0), Map.of("d", 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d must be");
        }
    }

    @Test
    void affineRejectsBadParameters() {
        assertThatThrownBy(() -> create("Affine", "scale", 0)).isInstanceOf(PipelineException.class).hasMessageContaining("Affine").hasMessageContaining("scale");
        assertThatThrownBy(() -> create("Affine", "translate_percent", 0.1, "translate_px", 3)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("translate_percent or translate_px");
        assertThatThrownBy(() -> create("Affine", "keep_ratio", true, "scale", Map.of("x", List.of(0.5, 1), "y", List.of(1, 2))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("keep_ratio");
        assertThatThrownBy(() -> create("Affine", "scale", Map.of())).isInstanceOf(PipelineException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> create("Affine", "shear", Map.of("z", 3))).isInstanceOf(PipelineException.class).hasMessageContaining("shear");
        assertThatThrownBy(() -> create("Affine", "balanced_scale", "yes")).isInstanceOf(PipelineException.class).hasMessageContaining("balanced_scale");
        assertThatThrownBy(() -> create("ShiftScaleRotate", "shift_limit", "far")).isInstanceOf(PipelineException.class).hasMessageContaining("shift_limit");
    }
}
