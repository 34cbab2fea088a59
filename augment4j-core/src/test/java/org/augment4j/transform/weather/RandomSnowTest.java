package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

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

class RandomSnowTest {

    @ParameterizedTest(name = "snow point {0}")
    @ValueSource(doubles = {0.1, 0.3, 0.7})
    void bleachMultipliesOnlyLightnessBelowTheThreshold(double snowPoint) {
        Mat image = Images.astronaut();
        Mat out = RandomSnow.bleach(image, snowPoint, 2);
        try (Mat a = new Mat(); Mat b = new Mat()) {
            cvtColor(image, a, COLOR_RGB2HLS);
            cvtColor(out, b, COLOR_RGB2HLS);
            int[] x = WeatherImages.u8(a), y = WeatherImages.u8(b);
            double threshold = snowPoint * 255 / 2 + 255 / 3.0;
            int checked = 0;
            for (int i = 1; i < x.length; i += 3) {
                if (x[i] >= threshold) continue;
                // back and forth through RGB rounds by a few levels; the lightness follows the formula closely
                assertThat(y[i]).isCloseTo(Math.min(255, 2 * x[i]), org.assertj.core.api.Assertions.within(3));
                checked++;
            }
            assertThat(checked).isGreaterThan(1000);
        }
        assertThat(WeatherImages.mean(out)).isGreaterThan(WeatherImages.mean(image));
        Mats.release(image, out);
    }

    @Test
    void bleachLeavesBrightPixelsAlone() {
        Mat white = Images.constant(10, 10, 3, 250);
        Mat out = RandomSnow.bleach(white, 0.1, 2.5);
        assertThat(WeatherImages.u8(out)).containsOnly(250);
        Mats.release(white, out);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void textureBrightensTheTopMoreThanTheBottomAndSparkles(long seed) {
        RandomSnow t = new RandomSnow(Range.fixed(0.5), 1, "texture", 1);
        Mat image = Images.constant(200, 200, 3, 60);
        Sample in = Sample.of(image);
        Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(seed))).image();
        int[] v = WeatherImages.u8(out);
        double top = 0, bottom = 0;
        int white = 0;
        for (int i = 0; i < v.length; i += 3) {
            int row = i / 600;
            if (row < 50) top += v[i + 2];
            if (row >= 150) bottom += v[i + 2];
            if (v[i] == 255 && v[i + 1] == 255 && v[i + 2] == 255) white++;
        }
        assertThat(top).isGreaterThan(bottom);
        assertThat(white).as("about 1% sparkles").isBetween(200, 800);
        assertThat(WeatherImages.mean(out)).isGreaterThan(60);
        Mats.release(image, out);
    }

    @Test
    void badParametersAreNamedAnd13NamesRead() {
        assertThatThrownBy(() -> new RandomSnow(Range.of(0.1, 1.3), 2.5, "bleach", 1)).hasMessageContaining("snow_point_range");
        assertThatThrownBy(() -> new RandomSnow(Range.of(0.1, 0.3), 0, "bleach", 1)).hasMessageContaining("brightness_coeff");
        assertThatThrownBy(() -> new RandomSnow(Range.of(0.1, 0.3), 2.5, "paint", 1)).hasMessageContaining("method");
        RandomSnow t = (RandomSnow) TransformRegistry.create("RandomSnow", Map.of("snow_point_lower", 0.2, "snow_point_upper", 0.4));
        assertThat(t.toDict()).containsEntry("snow_point_range", java.util.List.of(0.2, 0.4));
    }
}
