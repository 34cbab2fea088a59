package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizeTest {

    private static Mat run(Normalize t, Mat image) {
        return t.apply(Sample.of(image), NoParams.instance()).image();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"astronaut.png", "coffee.png", "chelsea.png"})
    void theImagesOwnStatisticsGiveMeanZeroStdOne(String photo) {
        Mat image = Images.photo(photo);
        double[] v = Images.values(image);
        double[] mean = new double[3], std = new double[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = Images.channelMean(v, 3, c) / 255;
            std[c] = Images.channelStd(v, 3, c) / 255;
        }
        Mat out = run(new Normalize(mean, std, 255, "standard", 1), image);
        assertThat(Mats.isFloat(out)).isTrue();
        double[] o = Images.values(out);
        for (int c = 0; c < 3; c++) {
            assertThat(Images.channelMean(o, 3, c)).isCloseTo(0, within(1e-4));
            assertThat(Images.channelStd(o, 3, c)).isCloseTo(1, within(1e-4));
        }
        Mats.release(out, image);
    }

    @Test
    void uint8GivesNumpysFloat32ValuesBitForBit() {
        byte[] all = new byte[256 * 3];
        for (int v = 0; v < 256; v++) for (int c = 0; c < 3; c++) all[3 * v + c] = (byte) v;
        Mat image = Mats.fromBytes(all, 1, 256, 3);
        Mat out = run(new Normalize(), image);
        float[] got = Mats.toFloats(out);
        float[] mean = {0.485f, 0.456f, 0.406f}, std = {0.229f, 0.224f, 0.225f};
        for (int v = 0; v < 256; v++) {
            for (int c = 0; c < 3; c++) {
                // numpy: (img.astype(float32) - mean32 * 255) * reciprocal(std32 * 255), every step in float32
                float want = ((float) v - mean[c] * 255f) * (1f / (std[c] * 255f));
                assertThat(Float.floatToIntBits(got[3 * v + c])).as("value %d channel %d: %s vs %s", v, c, got[3 * v + c], want)
                        .isEqualTo(Float.floatToIntBits(want));
            }
        }
        Mats.release(image, out);
    }

    /** Seeded mean, std and max_pixel_value, 1 to 4 channels: every uint8 value, every channel, bit for bit. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void uint8IsFloat32ArithmeticBitForBitForAnyChannelsAndStatistics(int seed) {
        java.util.Random rng = new java.util.Random(seed);
        int c = 1 + (seed - 1) % 4;
        double[] mean = new double[c], std = new double[c];
        for (int i = 0; i < c; i++) {
            mean[i] = rng.nextDouble() * 2 - 0.5;
            std[i] = 1e-3 + rng.nextDouble() * 3;
        }
        double mpv = seed % 3 == 0 ? 1.0 : 255.0 * rng.nextDouble() + 1;
        byte[] all = new byte[256 * c];
        for (int v = 0; v < 256; v++) for (int ch = 0; ch < c; ch++) all[c * v + ch] = (byte) v;
        Mat image = Mats.fromBytes(all, 1, 256, c);
        Mat out = run(new Normalize(mean, std, mpv, "standard", 1), image);
        float[] got = Mats.toFloats(out);
        for (int v = 0; v < 256; v++) {
            for (int ch = 0; ch < c; ch++) {
                float m = (float) mean[ch] * (float) mpv, d = 1f / ((float) std[ch] * (float) mpv);
                float want = ((float) v - m) * d;
                assertThat(Float.floatToIntBits(got[c * v + ch])).as("value %d channel %d of %d: %s vs %s", v, ch, c, got[c * v + ch], want)
                        .isEqualTo(Float.floatToIntBits(want));
            }
        }
        Mats.release(image, out);
    }

    @Test
    void standardIsTheFormulaPerChannelForUint8AndFloat() {
        Mat image = Images.ramp(3);
        Mat f = Images.toFloat(image);
        Normalize t = new Normalize();
        Mat a = run(t, image);
        Mat b = run(new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 1.0, "standard", 1), f);
        float[] in = Mats.toFloats(f), x = Mats.toFloats(a), y = Mats.toFloats(b);
        double[] m = {0.485, 0.456, 0.406}, s = {0.229, 0.224, 0.225};
        for (int i = 0; i < x.length; i++) {
            int c = i % 3;
            double want = (in[i] * 255 - m[c] * 255) / (s[c] * 255);
            assertThat((double) x[i]).isCloseTo(want, within(1e-4));
            assertThat((double) y[i]).isCloseTo(want, within(1e-4));
        }
        Mats.release(image, f, a, b);
    }

    @Test
    void oneNumberMeanAndStdApplyToEveryChannelAndToGrayImages() {
        Mat gray = Images.ramp(1);
        Mat out = run((Normalize) TransformRegistry.create("Normalize", Map.of("mean", 0.5, "std", 0.25, "max_pixel_value", 255.0)), gray);
        float[] o = Mats.toFloats(out);
        int[] in = Images.u8(gray);
        for (int i = 0; i < o.length; i++) assertThat((double) o[i]).isCloseTo((in[i] - 127.5) / 63.75, within(1e-5));
        Mat imagenetOnGray = run(new Normalize(), gray);
        assertThat((double) Mats.toFloats(imagenetOnGray)[0]).as("albucore takes the first mean for 1 channel").isCloseTo(-0.485 / 0.229, within(1e-5));
        Mats.release(gray, out, imagenetOnGray);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"image", "image_per_channel"})
    void perImageStatisticsStandardise(String mode) {
        Mat image = Images.coffee();
        Mat out = run(new Normalize(new double[] {0}, new double[] {1}, 255, mode, 1), image);
        double[] o = Images.values(out);
        if (mode.equals("image")) {
            double mean = java.util.Arrays.stream(o).average().orElseThrow();
            double var = java.util.Arrays.stream(o).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
            assertThat(mean).isCloseTo(0, within(1e-4));
            assertThat(Math.sqrt(var)).isCloseTo(1, within(1e-3));
        } else {
            for (int c = 0; c < 3; c++) {
                assertThat(Images.channelMean(o, 3, c)).isCloseTo(0, within(1e-4));
                assertThat(Images.channelStd(o, 3, c)).isCloseTo(1, within(1e-3));
            }
        }
        Mats.release(out, image);
    }

    @Test
    void minMaxScalesToUnitRange() {
        Mat image = Images.astronaut();
        double[] o = Images.values(run(new Normalize(new double[] {0}, new double[] {1}, 255, "min_max", 1), image));
        assertThat(java.util.Arrays.stream(o).min().orElseThrow()).isCloseTo(0, within(1e-6));
        assertThat(java.util.Arrays.stream(o).max().orElseThrow()).isCloseTo(1, within(1e-5));
        double[] p = Images.values(run(new Normalize(new double[] {0}, new double[] {1}, 255, "min_max_per_channel", 1), Images.ramp(3)));
        for (int c = 0; c < 3; c++) {
            final int ch = c;
            double[] chan = java.util.stream.IntStream.range(0, p.length).filter(i -> i % 3 == ch).mapToDouble(i -> p[i]).toArray();
            assertThat(java.util.Arrays.stream(chan).max().orElseThrow()).isCloseTo(1, within(1e-5));
        }
        Mats.release(image);
    }

    @Test
    void filesOf13And2xLoadAndWriteNormalizationOnlyWhenNotStandard() {
        Normalize a = (Normalize) TransformRegistry.create("Normalize", Map.of("mean", List.of(0.5, 0.5, 0.5), "std", List.of(0.5, 0.5, 0.5), "max_pixel_value", 255.0, "always_apply", false, "p", 1));
        assertThat(a.toDict()).doesNotContainKey("normalization").containsEntry("mean", List.of(0.5, 0.5, 0.5));
        Normalize b = (Normalize) TransformRegistry.create("Normalize", Map.of("normalization", "min_max"));
        assertThat(b.toDict()).containsEntry("normalization", "min_max").containsEntry("p", 1.0);
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new Normalize(new double[] {0.5}, new double[] {0}, 255, "standard", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Normalize").hasMessageContaining("std");
        assertThatThrownBy(() -> new Normalize(new double[] {0.5}, new double[] {1}, 0, "standard", 1)).hasMessageContaining("max_pixel_value");
        assertThatThrownBy(() -> new Normalize(new double[] {0.5}, new double[] {1}, 255, "zscore", 1)).hasMessageContaining("normalization").hasMessageContaining("zscore");
        assertThatThrownBy(() -> TransformRegistry.create("Normalize", Map.of("mean", "imagenet"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean");
        Mat image = Images.constant(2, 2, 3, 1);
        assertThatThrownBy(() -> run(new Normalize(new double[] {0.1, 0.2}, new double[] {1}, 255, "standard", 1), image))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean").hasMessageContaining("3 channels");
        Mats.release(image);
    }
}
