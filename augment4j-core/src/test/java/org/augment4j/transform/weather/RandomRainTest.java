package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
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

class RandomRainTest {

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"drizzle, 1", "default, 2", "heavy, 3", "torrential, 4"})
    void drawsDropsOfTheDropColorAndDimsTheRest(String type, long seed) {
        RandomRain t = new RandomRain(Range.fixed(0), 10, 1, new double[] {200, 200, 200}, 1, 0.5, type, 1);
        Mat image = Images.constant(120, 90, 3, 100);
        Sample in = Sample.of(image);
        RandomRain.Rain r = t.sampleParams(in, new SplittableRandom(seed));
        int expected = switch (type) {
            case "drizzle" -> 30;
            case "heavy" -> 120;
            case "torrential" -> 240;
            default -> 40;
        };
        assertThat(r.rainDrops()).hasNumberOfRows(expected);
        for (int[] d : r.rainDrops()) {
            assertThat(d[0]).isBetween(0, 89);
            assertThat(d[1]).isBetween(0, 109);
        }
        Mat out = t.apply(in, r).image();
        int[] v = WeatherImages.u8(out);
        int drops = 0;
        for (int x : v) {
            assertThat(x).as("dimmed background or saturated drop, halved").isIn(50, 128);
            if (x == 128) drops++;
        }
        assertThat(drops).isGreaterThanOrEqualTo(3 * 11);
        // a drop's start pixel and its end are on the vertical line below it
        int[] d = r.rainDrops()[0];
        assertThat(v[(d[1] * 90 + d[0]) * 3]).isEqualTo(128);
        assertThat(v[((d[1] + 10) * 90 + d[0]) * 3]).isEqualTo(128);
        Mats.release(image, out);
    }

    @Test
    void defaultDropLengthIsAnEighthOfTheHeightAndBlurSpreadsTheDrops() {
        RandomRain t = new RandomRain();
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        RandomRain.Rain r = t.sampleParams(in, new SplittableRandom(9));
        assertThat(r.dropLength()).isEqualTo(64);
        assertThat(r.slant()).isBetween(-10.0, 10.0);
        Mat out = t.apply(in, r).image();
        assertThat(WeatherImages.changed(image, out)).isGreaterThan(image.rows() * image.cols());
        Mats.release(image, out);
    }

    @Test
    void badParametersAreNamedAnd13NamesRead() {
        double[] c = {200, 200, 200};
        assertThatThrownBy(() -> new RandomRain(Range.of(-50, 10), null, 1, c, 7, 0.7, "default", 1)).hasMessageContaining("slant_range");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), 0, 1, c, 7, 0.7, "default", 1)).hasMessageContaining("drop_length");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), null, 0, c, 7, 0.7, "default", 1)).hasMessageContaining("drop_width");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), null, 1, new double[] {1, 2}, 7, 0.7, "default", 1)).hasMessageContaining("drop_color");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), null, 1, c, 0, 0.7, "default", 1)).hasMessageContaining("blur_value");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), null, 1, c, 7, 0, "default", 1)).hasMessageContaining("brightness_coefficient");
        assertThatThrownBy(() -> new RandomRain(Range.of(-10, 10), null, 1, c, 7, 0.7, "snow", 1)).hasMessageContaining("rain_type");
        Map<String, Object> legacy = new HashMap<>(Map.of("slant_lower", -5, "slant_upper", 5, "drop_length", 20));
        legacy.put("rain_type", null);
        RandomRain t = (RandomRain) TransformRegistry.create("RandomRain", legacy);
        assertThat(t.toDict()).containsEntry("slant_range", java.util.List.of(-5L, 5L)).containsEntry("drop_length", 20).containsEntry("rain_type", "default");
    }
}
