package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.LabelGeometry;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SafeRotate keeps the whole rotated image inside the unchanged frame. */
class SafeRotateTest {
    private static final int W = 600, H = 400;

    private static AffineGeometry geometryAt(SafeRotate t, double angle) {
        try (Sample s = SpatialContract.rectangles()) {
            return (AffineGeometry) t.geometry(s, new SafeRotate.Angle(angle));
        }
    }

    @ParameterizedTest(name = "{0} degrees")
    @ValueSource(doubles = {-90, -67.5, -45, -30, -10, 0, 5, 22.5, 45, 60, 89, 90, 135, 180})
    void theRotatedFrameFillsTheOutputWithoutBeingCut(double angle) {
        AffineGeometry g = geometryAt(new SafeRotate(180, 1), angle);
        assertThat(new int[] {g.outWidth(), g.outHeight()}).containsExactly(W, H);
        double[] b = LabelGeometry.boxes(new double[][] {{0, 0, 1, 1}}, g, W, H)[0];
        // The canvas is truncated to whole pixels, so the frame may overshoot by less than one pixel.
        assertThat(b[0] * W).isBetween(-1.0, 1.0);
        assertThat(b[1] * H).isBetween(-1.0, 1.0);
        assertThat(b[2] * W).isBetween(W - 1.0, W + 1.0);
        assertThat(b[3] * H).isBetween(H - 1.0, H + 1.0);
    }

    @Test
    void cornerKeypointsSurviveEveryAngle() {
        double[][] corners = {{0, 0}, {W - 1, 0}, {W - 1, H - 1}, {0, H - 1}};
        Map<String, List<?>> labels = Map.of("kp_obj", List.of(1, 2, 3, 4));
        SafeRotate t = new SafeRotate(90, 1);
        for (long seed = 0; seed < 40; seed++) {
            try (Sample base = SpatialContract.rectangles()) {
                Sample in = Sample.builder().image(base.image()).build()
                        .withKeypoints(TargetCodec.decodeKeypoints(corners, labels, SpatialContract.KEYPOINTS, W, H));
                Sample out = SpatialContract.pipeline(t).apply(in, seed);
                assertThat(out.keypoints().size()).as("seed %d", seed).isEqualTo(4);
                out.image().close();
            }
        }
    }

    @Test
    void atAngleZeroBoxesStayAndImagesMoveHalfAPixelAs208() {
        AffineGeometry g = geometryAt(new SafeRotate(0, 1), 0);
        double[] b = LabelGeometry.boxes(new double[][] {{0.1, 0.2, 0.3, 0.4}}, g, W, H)[0];
        assertThat(b).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4}, within(1e-12));
        double[] k = LabelGeometry.keypoints(new double[][] {{10, 20, 0, 1}}, g)[0];
        assertThat(k).containsExactly(new double[] {10.5, 20.5, 0, 1}, within(1e-9));
    }

    @Test
    void aQuarterTurnSqueezesEachAxisByItsOwnFactor() {
        AffineGeometry g = geometryAt(new SafeRotate(180, 1), 90);
        // The 600 × 400 image turned upright is 400 × 600: x squeezes by 600/400, y by 400/600; the scale takes the larger.
        double[] k = LabelGeometry.keypoints(new double[][] {{0, 0, 0, 1}}, g)[0];
        assertThat(k[3]).isCloseTo(1.5, within(1e-9));
        double[] b = LabelGeometry.boxes(new double[][] {{0, 0, 0.5, 0.5}}, g, W, H)[0];
        assertThat(b).containsExactly(new double[] {0, 0.5, 0.5, 1}, within(1e-9));
    }

    @Test
    void ellipseBoxesAreInsideLargestBoxesAndShareTheirCentre() {
        Resampling r = Resampling.defaults();
        AffineGeometry box = geometryAt(new SafeRotate(Range.fixed(30), r, BoxMethod.LARGEST_BOX, 1), 30);
        AffineGeometry ell = geometryAt(new SafeRotate(Range.fixed(30), r, BoxMethod.ELLIPSE, 1), 30);
        double[][] in = {{0.1, 0.125, 0.333, 0.4}, {0.4, 0.3, 0.7, 0.8}};
        double[][] a = LabelGeometry.boxes(in, box, W, H), e = LabelGeometry.boxes(in, ell, W, H);
        for (int i = 0; i < in.length; i++) {
            assertThat(e[i][0]).isGreaterThan(a[i][0]);
            assertThat(e[i][1]).isGreaterThan(a[i][1]);
            assertThat(e[i][2]).isLessThan(a[i][2]);
            assertThat(e[i][3]).isLessThan(a[i][3]);
            assertThat(e[i][0] + e[i][2]).isCloseTo(a[i][0] + a[i][2], within(1e-4));
            assertThat(e[i][1] + e[i][3]).isCloseTo(a[i][1] + a[i][3], within(1e-4));
        }
    }

    @Test
    void constantBordersUseFillAndFillMask() {
        SafeRotate t = (SafeRotate) TransformRegistry.create("SafeRotate", Map.of("limit", List.of(45, 45), "fill", List.of(7, 8, 9), "fill_mask", 5, "p", 1));
        try (Sample in = SpatialContract.rectangles(); Sample out = t.applyForced(in, new SplittableRandom(0), Map.of())) {
            ByteBuffer img = out.image().createBuffer(), mask = out.mask().createBuffer();
            assertThat(new int[] {img.get(0) & 0xff, img.get(1) & 0xff, img.get(2) & 0xff}).containsExactly(7, 8, 9);
            assertThat(mask.get(0) & 0xff).isEqualTo(5);
        }
        assertThat(t.toDict()).containsEntry("fill", List.of(7.0, 8.0, 9.0)).containsEntry("fill_mask", 5L).containsEntry("mask_interpolation", 0)
                .containsEntry("border_mode", 0).containsEntry("rotate_method", "largest_box").containsEntry("limit", List.of(45L, 45L));
        assertThat(new SafeRotate(10, 1).toDict()).doesNotContainKey("crop_border");
    }

    @Test
    void rejectsBadParameters() {
        assertThat(TransformRegistry.create("SafeRotate", Map.of("limit", List.of(30, -30))).toDict())
                .as("Albumentations accepts a range from high to low").containsEntry("limit", List.of(30L, -30L));
        assertThat(new SafeRotate(Range.of(-400, 0), Resampling.defaults(), BoxMethod.LARGEST_BOX, 1).toDict()).containsEntry("limit", List.of(-400L, 0L));
        assertThatThrownBy(() -> TransformRegistry.create("SafeRotate", Map.of("limit", "wide")))
                .isInstanceOf(PipelineException.class).hasMessageContaining("SafeRotate").hasMessageContaining("limit");
        assertThatThrownBy(() -> TransformRegistry.create("SafeRotate", Map.of("rotate_method", "oval")))
                .isInstanceOf(PipelineException.class).hasMessageContaining("rotate_method");
        assertThatThrownBy(() -> TransformRegistry.create("SafeRotate", Map.of("border_mode", 9)))
                .isInstanceOf(PipelineException.class).hasMessageContaining("border_mode");
        assertThatThrownBy(() -> new SafeRotate(Range.of(Double.NEGATIVE_INFINITY, 0), Resampling.defaults(), BoxMethod.LARGEST_BOX, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SafeRotate").hasMessageContaining("limit").hasMessageContaining("Infinity");
    }
}
