package org.augment4j.transform.pixel;

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
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolarizeTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void invertsExactlyTheValuesAtOrAboveTheThreshold(long seed) {
        Solarize t = new Solarize(Range.of(0.2, 0.8), 1);
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        Solarize.Threshold th = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(th.threshold()).isBetween(0.2, 0.8);
        int[] a = Images.u8(image), b = Images.u8(t.apply(in, th).image());
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo(a[i] >= th.threshold() * 255 ? 255 - a[i] : a[i]);
        Mats.release(image);
    }

    @Test
    void defaultThresholdIsHalfTheRange() {
        Mat ramp = Images.ramp(1);
        int[] b = Images.u8(new Solarize().apply(Sample.of(ramp), new Solarize.Threshold(0.5)).image());
        int[] a = Images.u8(ramp);
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo(a[i] >= 128 ? 255 - a[i] : a[i]);
        Mats.release(ramp);
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(ints = {0, 1, 64, 127, 128, 200, 254, 255})
    void albumentations13PixelThresholdIsExactForIntegers(int threshold) {
        Solarize t = (Solarize) TransformRegistry.create("Solarize", Map.of("threshold", threshold, "always_apply", false, "p", 1.0));
        Mat ramp = Images.ramp(3);
        Sample in = Sample.of(ramp);
        int[] a = Images.u8(ramp), b = Images.u8(t.apply(in, t.sampleParams(in, new SplittableRandom(0))).image());
        for (int i = 0; i < a.length; i++) assertThat(b[i]).as("value %d", a[i]).isEqualTo(a[i] < threshold ? a[i] : 255 - a[i]);
        assertThat(t.toDict()).containsEntry("threshold", List.of((long) threshold, (long) threshold)).doesNotContainKey("threshold_range");
        Mats.release(ramp);
    }

    @Test
    void floatImagesInvertAsOneMinusValue() {
        Mat f = Images.toFloat(Images.ramp(1));
        float[] a = Mats.toFloats(f), b = Mats.toFloats(new Solarize().apply(Sample.of(f), new Solarize.Threshold(0.25)).image());
        for (int i = 0; i < a.length; i++) assertThat((double) b[i]).isCloseTo(a[i] >= 0.25f ? 1 - a[i] : a[i], within(1e-7));
        Mats.release(f);
    }

    @Test
    void defaultsAreAlbumentations2() {
        assertThat(new Solarize().toDict()).containsEntry("threshold_range", List.of(0.5, 0.5)).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("Solarize", Map.of("threshold_range", List.of(0.1, 0.9))).toDict()).containsEntry("threshold_range", List.of(0.1, 0.9));
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new Solarize(Range.of(0.2, 1.5), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Solarize").hasMessageContaining("threshold_range").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Solarize.ofPixelThreshold(Range.fixed(300), 1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> TransformRegistry.create("Solarize", Map.of("threshold", 100, "threshold_range", List.of(0.1, 0.2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold_range");
    }
}
