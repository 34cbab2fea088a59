package org.augment4j.transform.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdditiveNoiseTest {

    private static double[] meanStd(float[] v, int n, int c) {
        double s = 0, q = 0;
        int k = 0;
        for (int i = c; i < v.length; i += n, k++) {
            s += v[i];
            q += v[i] * v[i];
        }
        return new double[] {s / k, Math.sqrt(q / k - (s / k) * (s / k))};
    }

    private static float[] run(AdditiveNoise t, Mat image, long seed) {
        Sample in = Sample.of(image);
        Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(seed))).image();
        float[] v = Mats.toFloats(out);
        out.close();
        return v;
    }

    @Test
    void constantUniformRangesShiftEachChannelAndTruncate() {
        AdditiveNoise t = new AdditiveNoise("uniform", "constant", Map.of("ranges", List.of(List.of(0.1, 0.1), List.of(-0.2, -0.2), List.of(0, 0))), 1, 1);
        Mat image = Images.constant(4, 4, 3, 100);
        Sample in = Sample.of(image);
        AdditiveNoise.Draw d = t.sampleParams(in, new SplittableRandom(1));
        assertThat(d.constant()).containsExactly(0.1, -0.2, 0.0);
        int[] v = MultiplicativeNoiseTest.u8(t.apply(in, d).image());
        for (int i = 0; i < v.length; i += 3) assertThat(new int[] {v[i], v[i + 1], v[i + 2]}).containsExactly(125, 49, 100);
        Mats.release(image);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void perPixelDistributionsHaveTheirMeanAndSpread(long seed) {
        Mat gray = Images.toFloat(Images.constant(256, 256, 3, 128));
        double base = 128 / 255.0;
        float[] g = run(new AdditiveNoise("gaussian", "per_pixel", Map.of("mean_range", List.of(0.05, 0.05), "std_range", List.of(0.04, 0.04)), 1, 1), gray, seed);
        float[] l = run(new AdditiveNoise("laplace", "per_pixel", Map.of("mean_range", List.of(0, 0), "scale_range", List.of(0.03, 0.03)), 1, 1), gray, seed);
        float[] b = run(new AdditiveNoise("beta", "per_pixel", Map.of("alpha_range", List.of(2, 2), "beta_range", List.of(2, 2), "scale_range", List.of(0.2, 0.2)), 1, 1), gray, seed);
        for (int c = 0; c < 3; c++) {
            assertThat(meanStd(g, 3, c)[0]).isCloseTo(base + 0.05, within(0.001));
            assertThat(meanStd(g, 3, c)[1]).isCloseTo(0.04, within(0.001));
            assertThat(meanStd(l, 3, c)[0]).isCloseTo(base, within(0.001));
            assertThat(meanStd(l, 3, c)[1]).isCloseTo(0.03 * Math.sqrt(2), within(0.0015));
            assertThat(meanStd(b, 3, c)[0]).isCloseTo(base, within(0.002));
            assertThat(meanStd(b, 3, c)[1]).as("Beta(2,2) has sd 1/sqrt(20); times 2·0.2").isCloseTo(0.4 / Math.sqrt(20), within(0.002));
        }
        for (float x : b) assertThat((double) x).isBetween(base - 0.2, base + 0.2);
        Mats.release(gray);
    }

    @Test
    void sharedNoiseIsTheSameInEveryChannelAndApproximationKeepsTheSize() {
        Mat image = Images.toFloat(Images.constant(101, 77, 3, 128));
        float[] v = run(new AdditiveNoise("gaussian", "shared", null, 0.3, 1), image, 4);
        assertThat(v).hasSize(101 * 77 * 3);
        int distinct = 0;
        for (int i = 0; i < v.length; i += 3) {
            assertThat(v[i + 1]).isEqualTo(v[i]);
            assertThat(v[i + 2]).isEqualTo(v[i]);
            if (v[i] != v[0]) distinct++;
        }
        assertThat(distinct).isGreaterThan(101 * 77 / 2);
        Mats.release(image);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("AdditiveNoise", Map.of()).toDict()).containsEntry("noise_type", "uniform")
                .containsEntry("spatial_mode", "constant").containsEntry("noise_params", null).containsEntry("approximation", 1.0).containsEntry("p", 0.5);
        assertThatThrownBy(() -> new AdditiveNoise("pink", "constant", null, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AdditiveNoise").hasMessageContaining("noise_type");
        assertThatThrownBy(() -> new AdditiveNoise("uniform", "everywhere", null, 1, 1)).hasMessageContaining("spatial_mode");
        assertThatThrownBy(() -> new AdditiveNoise("uniform", "constant", null, 0, 1)).hasMessageContaining("approximation");
        assertThatThrownBy(() -> new AdditiveNoise("gaussian", "constant", Map.of("mean_range", List.of(0, 0)), 1, 1)).hasMessageContaining("std_range");
        assertThatThrownBy(() -> new AdditiveNoise("gaussian", "constant", Map.of("mean_range", List.of(0, 0), "std_range", List.of(0, 2)), 1, 1))
                .hasMessageContaining("noise_params.std_range");
        assertThatThrownBy(() -> new AdditiveNoise("uniform", "constant", Map.of("ranges", List.of(List.of(-2, 0))), 1, 1)).hasMessageContaining("ranges");
        assertThatThrownBy(() -> new AdditiveNoise("beta", "constant", Map.of("alpha_range", List.of(0, 1), "beta_range", List.of(1, 1),
                "scale_range", List.of(0.1, 0.2)), 1, 1)).hasMessageContaining("alpha_range");
        assertThatThrownBy(() -> TransformRegistry.create("AdditiveNoise", Map.of("noise_params", 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise_params");
    }
}
