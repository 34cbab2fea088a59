package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

class SpatterTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void rainOnlyAddsLightWhereTheLayerIsWet(long seed) {
        Spatter t = new Spatter(Range.fixed(0.65), Range.fixed(0.3), Range.fixed(2), Range.fixed(0.68), Range.fixed(0.6), "rain", null, 1);
        Mat image = Images.coffee();
        Sample in = Sample.of(image);
        Spatter.Splash s = t.sampleParams(in, new SplittableRandom(seed));
        Mat out = t.apply(in, s).image();
        int[] a = WeatherImages.u8(image), b = WeatherImages.u8(out);
        try (Mat liquid = Spatter.liquidLayer(image.rows(), image.cols(), s)) {
            float[] l = Mats.toFloats(liquid);
            int wetChanged = 0;
            for (int i = 0; i < l.length; i++) {
                for (int c = 0; c < 3; c++) assertThat(b[3 * i + c]).isGreaterThanOrEqualTo(a[3 * i + c]);
                if (l[i] == 0) for (int c = 0; c < 3; c++) assertThat(b[3 * i + c]).as("dry pixel").isEqualTo(a[3 * i + c]);
                else if (b[3 * i] != a[3 * i]) wetChanged++;
            }
            assertThat(wetChanged).isGreaterThan(100);
        }
        Mats.release(image, out);
    }

    @Test
    void mudMixesTowardsTheMudColour() {
        Spatter t = new Spatter(Range.fixed(0.65), Range.fixed(0.3), Range.fixed(2), Range.fixed(0.68), Range.fixed(1), "mud", new double[] {0, 0, 0}, 1);
        Mat image = Images.constant(100, 120, 3, 200);
        Sample in = Sample.of(image);
        Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(5))).image();
        int[] v = WeatherImages.u8(out);
        int darkest = 255;
        for (int x : v) {
            assertThat(x).isLessThanOrEqualTo(200);
            darkest = Math.min(darkest, x);
        }
        assertThat(darkest).as("full intensity reaches the mud colour at the mask maximum").isLessThanOrEqualTo(1);
        Mats.release(image, out);
    }

    @Test
    void defaultColourFollowsTheModeAnd13NamesAreRead() {
        assertThat(new Spatter().toDict().get("color")).isEqualTo(List.of(238L, 238L, 175L));
        Spatter t = (Spatter) TransformRegistry.create("Spatter", Map.of("mode", "mud", "mean", 0.5, "std", List.of(0.1, 0.2), "intensity", 0.3));
        assertThat(t.toDict()).containsEntry("color", List.of(20L, 42L, 63L)).containsEntry("mean_range", List.of(0.5, 0.5))
                .containsEntry("std_range", List.of(0.1, 0.2)).containsEntry("intensity_range", List.of(0.3, 0.3));
    }

    @Test
    void a13ModeListDrawsOneModePerApplicationWithItsColour() {
        Map<String, Object> colors = Map.of("rain", List.of(200, 200, 100), "mud", List.of(10, 20, 30));
        Spatter t = (Spatter) TransformRegistry.create("Spatter", Map.of("mode", List.of("rain", "mud"), "color", colors));
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        try (Sample in = Sample.of(Images.constant(8, 8, 3, 100))) {
            for (long seed = 0; seed < 20; seed++) drawn.add(t.sampleParams(in, new SplittableRandom(seed)).mode());
        }
        assertThat(drawn).containsExactly("mud", "rain");
        assertThat(t.toDict()).containsEntry("mode", List.of("rain", "mud"))
                .containsEntry("color", Map.of("rain", List.of(200L, 200L, 100L), "mud", List.of(10L, 20L, 30L)));
        Spatter one = (Spatter) TransformRegistry.create("Spatter", Map.of("mode", List.of("rain"), "color", Map.of("rain", List.of(238, 238, 175), "mud", List.of(20, 42, 63))));
        assertThat(one.toDict()).containsEntry("mode", "rain").containsEntry("color", List.of(238L, 238L, 175L));
        assertThatThrownBy(() -> TransformRegistry.create("Spatter", Map.of("mode", List.of("rain", "mud"), "color", List.of(1, 2, 3))))
                .hasMessageContaining("color").hasMessageContaining("each mode");
    }

    @Test
    void badParametersAreNamed() {
        Range f = Range.fixed(0.5);
        assertThatThrownBy(() -> new Spatter(Range.of(0.5, 1.5), f, f, f, f, "rain", null, 1)).hasMessageContaining("mean_range");
        assertThatThrownBy(() -> new Spatter(f, Range.of(-1, 0), f, f, f, "rain", null, 1)).hasMessageContaining("std_range");
        assertThatThrownBy(() -> new Spatter(f, f, Range.of(-1, 0), f, f, "rain", null, 1)).hasMessageContaining("gauss_sigma_range");
        assertThatThrownBy(() -> new Spatter(f, f, f, Range.of(0, 2), f, "rain", null, 1)).hasMessageContaining("cutout_threshold_range");
        assertThatThrownBy(() -> new Spatter(f, f, f, f, Range.of(0, 2), "rain", null, 1)).hasMessageContaining("intensity_range");
        assertThatThrownBy(() -> new Spatter(f, f, f, f, f, "snow", null, 1)).hasMessageContaining("mode");
        assertThatThrownBy(() -> new Spatter(f, f, f, f, f, "mud", new double[] {1, 2}, 1)).hasMessageContaining("color");
    }
}
