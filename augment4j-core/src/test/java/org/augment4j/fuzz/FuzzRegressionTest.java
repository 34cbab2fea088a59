package org.augment4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Findings of {@link PipelineFuzzTest} that were fixed, each kept as the smallest case that showed it (see docs/reliability.md). */
class FuzzRegressionTest {
    private static Mat noise(int rows, int cols, int channels) {
        byte[] b = new byte[rows * cols * channels];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 37 + 11);
        return Mats.fromBytes(b, rows, cols, channels);
    }

    /**
     * F1 (pipeline seed -8619384114774685716): ElasticTransform's alpha_affine jitter on an image under 3 px on a side
     * made its three points coincide and threw "singular geometry matrix"; there is no room for a jitter, so none is made.
     */
    @ParameterizedTest
    @CsvSource({"1,1", "1,9", "9,2", "2,2"})
    void elasticAffineJitterOnTinyImages(int rows, int cols) {
        Compose c = new Compose(List.of(TransformRegistry.create("ElasticTransform", Map.of("p", 1.0, "alpha_affine", 0.9))));
        try (Mat img = noise(rows, cols, 3); Sample out = c.apply(Sample.of(img), 4128424529647335857L)) {
            assertThat(out.image().rows()).isEqualTo(rows);
            assertThat(out.image().cols()).isEqualTo(cols);
        }
    }

    /** F2 (hostile-input table rows A14, K06): null arrays of boxes or keypoints threw NullPointerException. */
    @Test
    void nullBoxAndKeypointArraysAreNamed() {
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(null, Map.of(), BboxParams.of(BboxFormat.COCO), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bboxes is null");
        assertThatThrownBy(() -> TargetCodec.decodeKeypoints(null, Map.of(), KeypointParams.of(KeypointFormat.XY), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keypoints is null");
    }

    /**
     * F7 (long fuzz run, base seed 1): ThinPlateSpline accepted num_control_points up to 100, a 100 x 100 grid whose
     * dense fit (10,003 equations) ran for hours in one application — a pipeline file could stall a training job. The
     * bound is now 32; 32 still applies.
     */
    @Test
    void thinPlateSplineGridIsBounded() {
        assertThatThrownBy(() -> TransformRegistry.create("ThinPlateSpline", Map.of("num_control_points", 33)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_control_points must be in [2, 32], got 33");
        Compose c = new Compose(List.of(TransformRegistry.create("ThinPlateSpline", Map.of("p", 1.0, "num_control_points", 32))));
        try (Mat img = noise(24, 32, 3); Sample out = c.apply(Sample.of(img), 7L)) {
            assertThat(out.image().cols()).isEqualTo(32);
        }
    }

    /**
     * K3 (pipeline seed 5573519909860561977, base 3): OpenCV's SLIC crashed the JVM (SIGSEGV) when Superpixels' region
     * size exceeded the image's shorter side (for example a 1 x 1 image and region 3); the region is now at most that side.
     */
    @ParameterizedTest
    @CsvSource({"1,1", "1,5", "5,1", "2,300", "300,2", "3,3", "7,9"})
    void superpixelsOnImagesSmallerThanTheirRegion(int rows, int cols) {
        Compose c = new Compose(List.of(TransformRegistry.create("Superpixels", Map.of("p", 1.0, "p_replace", 1.0, "n_segments", 1))));
        try (Mat img = noise(rows, cols, 3); Sample out = c.apply(Sample.of(img), 7L)) {
            assertThat(out.image().rows()).isEqualTo(rows);
            assertThat(out.image().cols()).isEqualTo(cols);
        }
    }
}
