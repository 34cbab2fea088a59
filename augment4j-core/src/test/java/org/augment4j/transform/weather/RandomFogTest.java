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

class RandomFogTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void brightensThePhotoMostInTheCentre(long seed) {
        RandomFog t = new RandomFog(Range.of(0.6, 1), 0.2, 1);
        Mat image = Images.coffee();
        Sample in = Sample.of(image);
        RandomFog.Fog f = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(f.particlePositions()).isNotEmpty().hasNumberOfRows(f.radiuses().length);
        int maxR = Math.max(2, (int) (Math.min(image.rows(), image.cols()) * 0.1 * f.intensity()));
        for (int r : f.radiuses()) assertThat(r).isBetween(Math.max(1, maxR / 2), maxR - 1);
        Mat out = t.apply(in, f).image();
        assertThat(WeatherImages.mean(out)).isGreaterThan(WeatherImages.mean(image) + 5);
        Mats.release(image, out);
    }

    @Test
    void whiteStaysWhiteAndGrayOnlyMovesTowardsWhite() {
        Mat white = Images.constant(90, 120, 3, 255);
        Mat out = RandomFog.fog(white, 0.5, new int[][] {{60, 45}, {10, 10}}, new int[] {20, 5});
        assertThat(WeatherImages.u8(out)).containsOnly(255);
        Mat gray = Images.constant(90, 120, 3, 100);
        Mat fogged = RandomFog.fog(gray, 0.5, new int[][] {{60, 45}}, new int[] {20});
        int[] v = WeatherImages.u8(fogged);
        for (int x : v) assertThat(x).isBetween(100, 178);
        assertThat(v[(45 * 120 + 60) * 3]).isEqualTo(178); // round(100 · 0.5 + 255 · 0.5) at the centre
        assertThat(v[0]).isEqualTo(100);
        Mats.release(white, out, gray, fogged);
    }

    @Test
    void badParametersAreNamedAnd13NamesRead() {
        assertThatThrownBy(() -> new RandomFog(Range.of(0.3, 1.2), 0.08, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fog_coef_range");
        assertThatThrownBy(() -> new RandomFog(Range.of(0.3, 1), 2, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha_coef");
        RandomFog t = (RandomFog) TransformRegistry.create("RandomFog", Map.of("fog_coef_lower", 0.1, "fog_coef_upper", 0.5));
        assertThat(t.toDict()).containsEntry("fog_coef_range", java.util.List.of(0.1, 0.5));
    }
}
