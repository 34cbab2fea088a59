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
import org.junit.jupiter.params.provider.CsvSource;

class RandomSunFlareTest {

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"overlay, 1", "overlay, 2", "physics_based, 3", "physics_based, 4"})
    void theSunBrightensAndItsCentreOutshinesTheAverage(String method, long seed) {
        RandomSunFlare t = new RandomSunFlare(new double[] {0.3, 0.3, 0.7, 0.5}, Range.of(0, 1), Range.of(6, 10), 100,
                new double[] {255, 255, 255}, method, 1);
        Mat image = Images.constant(300, 400, 3, 40);
        Sample in = Sample.of(image);
        RandomSunFlare.Flare f = t.sampleParams(in, new SplittableRandom(seed));
        int cx = f.flareCenter()[0], cy = f.flareCenter()[1];
        assertThat(cx).isBetween(120, 280);
        assertThat(cy).isBetween(90, 150);
        assertThat(f.circles().length).isBetween(6, 10).isEqualTo(f.circleAlphas().length);
        for (int i = 0; i < f.circles().length; i++) {
            assertThat(f.circleAlphas()[i]).isBetween(0.05, 0.2);
            assertThat(f.circles()[i][2]).isIn(1, 8, 27);                 // rad³, rad in [1, max(2, int(300 · 0.01)) = 3]
            for (int k = 3; k < 6; k++) assertThat(f.circles()[i][k]).isBetween(204, 255);
        }
        Mat out = t.apply(in, f).image();
        int[] v = WeatherImages.u8(out);
        int centre = v[(cy * 400 + cx) * 3];
        assertThat(centre).isGreaterThan(40);
        for (int x : v) assertThat(x).as("light only adds").isGreaterThanOrEqualTo(40);
        assertThat(WeatherImages.mean(out)).isGreaterThan(40.5);
        assertThat((double) centre).as("the sun's centre outshines the average").isGreaterThan(WeatherImages.mean(out) + 20);
        Mats.release(image, out);
    }

    @Test
    void overlayOfWhiteOnWhiteIsWhite() {
        Mat white = Images.constant(50, 50, 3, 255);
        Mat out = SunFlareKernels.overlay(white, new int[] {25, 25}, 40, new double[] {255, 255, 255}, new double[] {0.2}, new int[][] {{10, 10, 8, 255, 255, 255}});
        assertThat(WeatherImages.u8(out)).containsOnly(255);
        Mats.release(white, out);
    }

    @Test
    void badParametersAreNamedAnd13NamesRead() {
        double[] c = {255, 255, 255};
        double[] roi = {0, 0, 1, 0.5};
        assertThatThrownBy(() -> new RandomSunFlare(new double[] {0.5, 0, 0.5, 1}, Range.of(0, 1), Range.of(6, 10), 400, c, "overlay", 1)).hasMessageContaining("flare_roi");
        assertThatThrownBy(() -> new RandomSunFlare(roi, Range.of(0, 2), Range.of(6, 10), 400, c, "overlay", 1)).hasMessageContaining("angle_range");
        assertThatThrownBy(() -> new RandomSunFlare(roi, Range.of(0, 1), Range.of(0, 10), 400, c, "overlay", 1)).hasMessageContaining("num_flare_circles_range");
        assertThatThrownBy(() -> new RandomSunFlare(roi, Range.of(0, 1), Range.of(6, 10), 1, c, "overlay", 1)).hasMessageContaining("src_radius");
        assertThatThrownBy(() -> new RandomSunFlare(roi, Range.of(0, 1), Range.of(6, 10), 400, new double[] {300, 0, 0}, "overlay", 1)).hasMessageContaining("src_color");
        assertThatThrownBy(() -> new RandomSunFlare(roi, Range.of(0, 1), Range.of(6, 10), 400, c, "lens", 1)).hasMessageContaining("method");
        RandomSunFlare t = (RandomSunFlare) TransformRegistry.create("RandomSunFlare",
                Map.of("angle_lower", 0.2, "angle_upper", 0.4, "num_flare_circles_lower", 2, "num_flare_circles_upper", 4));
        assertThat(t.toDict()).containsEntry("angle_range", java.util.List.of(0.2, 0.4)).containsEntry("num_flare_circles_range", java.util.List.of(2L, 4L));
    }
}
