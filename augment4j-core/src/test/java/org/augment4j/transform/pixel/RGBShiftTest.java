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

class RGBShiftTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 99})
    void shiftsEachChannelBySampledAmountSaturatingAndTruncating(long seed) {
        RGBShift t = new RGBShift(Range.of(-60, 60), Range.of(-60, 60), Range.of(-60, 60), 1);
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        RGBShift.Shift s = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(List.of(s.rShift(), s.gShift(), s.bShift())).allSatisfy(v -> assertThat(v).isBetween(-60.0, 60.0));
        Sample out = t.apply(in, s);
        int[] a = Images.u8(image), b = Images.u8(out.image());
        double[] shift = {s.rShift(), s.gShift(), s.bShift()};
        for (int i = 0; i < a.length; i++) {
            int want = (int) Math.min(255, Math.max(0, (float) a[i] + (float) shift[i % 3]));
            assertThat(b[i]).as("value %d (channel %d)", i, i % 3).isEqualTo(want);
        }
        Mats.release(out.image(), image);
    }

    @Test
    void channelMeansMoveByTheShiftWhereNothingSaturates() {
        Mat image = Images.constant(32, 32, 3, 100);
        Sample out = new RGBShift().apply(Sample.of(image), new RGBShift.Shift(20, -30, 7.9));
        double[] v = Images.values(out.image());
        assertThat(Images.channelMean(v, 3, 0)).isEqualTo(120);
        assertThat(Images.channelMean(v, 3, 1)).isEqualTo(70);
        assertThat(Images.channelMean(v, 3, 2)).as("truncated like numpy astype").isEqualTo(107);
        Mats.release(out.image(), image);
    }

    @Test
    void floatImagesShiftByAFractionAndStayInRange() {
        Mat image = Images.toFloat(Images.ramp(3));
        Sample out = new RGBShift().apply(Sample.of(image), new RGBShift.Shift(51, -25.5, 0));
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out.image());
        for (int i = 0; i < a.length; i++) {
            double want = Math.min(1, Math.max(0, a[i] + new double[] {0.2, -0.1, 0}[i % 3]));
            assertThat((double) b[i]).isCloseTo(want, within(1e-6));
        }
        Mats.release(out.image(), image);
    }

    @Test
    void keepsAlphaOfRgbaAndRejectsGray() {
        Mat rgba = Images.rgba(Images.coffee());
        Sample out = new RGBShift().apply(Sample.of(rgba), new RGBShift.Shift(-50, 50, 50));
        int[] a = Images.u8(rgba), b = Images.u8(out.image());
        for (int i = 3; i < a.length; i += 4) assertThat(b[i]).isEqualTo(a[i]);
        Mat gray = Images.constant(4, 4, 1, 9);
        assertThatThrownBy(() -> new RGBShift().apply(Sample.of(gray), new RGBShift.Shift(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RGBShift").hasMessageContaining("1 channel");
        Mats.release(out.image(), rgba, gray);
    }

    @Test
    void readsScalarLimitsAsSymmetricRanges() {
        RGBShift t = (RGBShift) TransformRegistry.create("RGBShift", Map.of("r_shift_limit", 10, "g_shift_limit", java.util.List.of(-5, 15), "always_apply", true));
        assertThat(t.toDict()).containsEntry("r_shift_limit", java.util.List.of(-10L, 10L)).containsEntry("g_shift_limit", java.util.List.of(-5L, 15L))
                .containsEntry("b_shift_limit", java.util.List.of(-20L, 20L)).containsEntry("p", 1.0);
        assertThat(new RGBShift().probability()).isEqualTo(0.5);
    }

    @Test
    void badLimitsNameTheParameter() {
        assertThatThrownBy(() -> new RGBShift(Range.of(-300, 0), Range.symmetric(1), Range.symmetric(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RGBShift").hasMessageContaining("r_shift_limit").hasMessageContaining("-300");
        assertThatThrownBy(() -> new RGBShift(Range.symmetric(1), Range.of(5, -5), Range.symmetric(1), 1))
                .hasMessageContaining("g_shift_limit");
        assertThatThrownBy(() -> TransformRegistry.create("RGBShift", Map.of("b_shift_limit", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b_shift_limit");
        assertThatThrownBy(() -> new RGBShift(Range.symmetric(1), Range.symmetric(1), Range.symmetric(1), 1.5)).hasMessageContaining("p must be in [0, 1]");
    }
}
