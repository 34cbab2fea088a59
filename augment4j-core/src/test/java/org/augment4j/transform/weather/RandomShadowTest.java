package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomShadowTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void darkensOnlyInsideTheRoiByPowersOfTheDarkness(long seed) {
        RandomShadow t = new RandomShadow(new double[] {0, 0.5, 1, 1}, Range.of(1, 3), 5, Range.fixed(0.5), 1);
        Mat image = Images.constant(64, 80, 3, 200);
        Sample in = Sample.of(image);
        RandomShadow.Shadows s = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(s.vertices().length).isBetween(1, 3).isEqualTo(s.intensities().length);
        for (int[] poly : s.vertices()) {
            assertThat(poly).hasSize(10);
            for (int i = 0; i < poly.length; i += 2) {
                assertThat(poly[i]).isBetween(0, 79);
                assertThat(poly[i + 1]).isBetween(32, 63);
            }
        }
        Mat out = t.apply(in, s).image();
        int[] v = WeatherImages.u8(out);
        for (int i = 0; i < v.length; i++) {
            int row = i / (80 * 3);
            if (row < 32) assertThat(v[i]).as("above the roi").isEqualTo(200);
            else assertThat(v[i]).isIn(200, 100, 50, 25);
        }
        Mats.release(image, out);
    }

    @Test
    void aKnownTriangleIsHalvedOnTheAstronaut() {
        Mat image = Images.astronaut();
        Mat out = RandomShadow.shadow(image, new int[][] {{0, 0, 511, 0, 0, 511}}, new double[] {0.5});
        int[] a = WeatherImages.u8(image), b = WeatherImages.u8(out);
        int cols = image.cols() * 3;
        assertThat(b[(10 * cols) + 3 * 10]).isEqualTo(a[(10 * cols) + 3 * 10] / 2);        // (10, 10) inside
        assertThat(b[(500 * cols) + 3 * 500]).isEqualTo(a[(500 * cols) + 3 * 500]);        // (500, 500) outside
        assertThat(WeatherImages.mean(out)).isLessThan(WeatherImages.mean(image) * 0.8);
        Mats.release(image, out);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new RandomShadow(new double[] {0.5, 0, 0.4, 1}, Range.of(1, 2), 5, Range.fixed(0.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shadow_roi");
        assertThatThrownBy(() -> new RandomShadow(new double[] {0, 0, 1, 1}, Range.of(0, 2), 5, Range.fixed(0.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_shadows_limit");
        assertThatThrownBy(() -> new RandomShadow(new double[] {0, 0, 1, 1}, Range.of(1, 2), 2, Range.fixed(0.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shadow_dimension");
        assertThatThrownBy(() -> new RandomShadow(new double[] {0, 0, 1, 1}, Range.of(1, 2), 5, Range.of(0.5, 1.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shadow_intensity_range");
    }

    @Test
    void readsAlbumentations13Names() {
        RandomShadow t = (RandomShadow) TransformRegistry.create("RandomShadow", Map.of("num_shadows_lower", 2, "num_shadows_upper", 4, "p", 1.0));
        assertThat(t.toDict()).containsEntry("num_shadows_limit", java.util.List.of(2L, 4L));
    }
}
