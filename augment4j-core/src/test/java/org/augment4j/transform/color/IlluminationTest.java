package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

class IlluminationTest {

    private static float at(Mat m, int r, int c) {
        return Mats.toFloats(m)[r * m.cols() + c];
    }

    @Test
    void linearRampAtZeroDegreesGoesFromOneMinusToOnePlusIntensity() {
        try (Mat g = IlluminationKernels.linear(10, 21, 0.2, 0); Mat d = IlluminationKernels.linear(10, 21, -0.2, 0)) {
            assertThat((double) at(g, 3, 0)).isCloseTo(0.8, within(1e-6));
            assertThat((double) at(g, 3, 20)).isCloseTo(1.2, within(1e-6));
            assertThat((double) at(g, 7, 10)).isCloseTo(1.0, within(1e-6));
            assertThat((double) at(d, 3, 0)).as("darkening reverses the ramp").isCloseTo(1.2, within(1e-6));
        }
    }

    @Test
    void cornerFallsOffWithDistanceFromTheCorner() {
        try (Mat c = IlluminationKernels.corner(30, 40, 0.15, 2)) {
            assertThat((double) at(c, 29, 39)).isCloseTo(1, within(1e-6));
            assertThat((double) at(c, 0, 0)).isCloseTo(1 - 0.15 * Math.hypot(29, 39) / 50, within(1e-4));
        }
    }

    @Test
    void gaussianPeaksAtTheCentre() {
        try (Mat g = IlluminationKernels.gaussian(50, 100, 0.1, 0.3, 0.5, 0.2)) {
            assertThat((double) at(g, 25, 30)).isCloseTo(1.1, within(1e-6));
            assertThat(at(g, 0, 99)).isLessThan(at(g, 25, 30));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void gaussianBrightenNeverDarkensAndCornerFallsOffAwayFromItsCorner(long seed) {
        Mat image = Images.astronaut();
        for (String mode : List.of("linear", "corner", "gaussian")) {
            Illumination t = new Illumination(mode, Range.of(0.05, 0.2), "brighten", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1);
            Illumination.Light l = t.sampleParams(Sample.of(image), new SplittableRandom(seed));
            assertThat(l.intensity()).isBetween(0.05, 0.2);
            Sample out = t.apply(Sample.of(image), l);
            byte[] a = Mats.toBytes(image), b = Mats.toBytes(out.image());
            // as Albumentations: the gaussian adds light; the corner pattern 1 − i·d/diagonal is 1 at its corner and falls off
            if (mode.equals("gaussian")) for (int i = 0; i < a.length; i += 7) assertThat(b[i] & 0xff).isGreaterThanOrEqualTo(a[i] & 0xff);
            if (mode.equals("corner")) for (int i = 0; i < a.length; i += 7) assertThat(b[i] & 0xff).isLessThanOrEqualTo(a[i] & 0xff);
            Mats.release(out.image());
        }
        Mats.release(image);
    }

    @Test
    void parametersAndErrors() {
        assertThat(TransformRegistry.create("Illumination", Map.of("mode", "corner")).toDict()).containsEntry("intensity_range", List.of(0.01, 0.2))
                .containsEntry("effect_type", "both");
        assertThatThrownBy(() -> new Illumination("linear", Range.of(0.01, 0.5), "both", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Illumination").hasMessageContaining("intensity_range");
        assertThatThrownBy(() -> new Illumination("spot", Range.of(0.01, 0.2), "both", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1)).hasMessageContaining("mode");
        assertThatThrownBy(() -> new Illumination("linear", Range.of(0.01, 0.2), "dim", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1)).hasMessageContaining("effect_type");
    }
}
