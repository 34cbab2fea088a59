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
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShotNoiseTest {

    @ParameterizedTest(name = "lambda {0}")
    @ValueSource(doubles = {0.3, 3, 9.5, 10, 25, 400, 5000})
    void poissonDrawsHaveMeanAndVarianceLambda(double lam) {
        SplittableRandom rng = new SplittableRandom((long) (lam * 1000));
        int n = 200_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            long k = NoiseKernels.poisson(lam, rng);
            assertThat(k).isNotNegative();
            sum += k;
            sq += (double) k * k;
        }
        double mean = sum / n, var = sq / n - mean * mean;
        assertThat(mean).isCloseTo(lam, within(5 * Math.sqrt(lam / n)));
        assertThat(var).isCloseTo(lam, within(lam * 0.03 + 0.01));
    }

    @Test
    void logFactorialMatchesTheSumOfLogs() {
        for (long k : new long[] {0, 1, 5, 19, 20, 21, 100, 1000}) {
            double s = 0;
            for (long i = 2; i <= k; i++) s += Math.log(i);
            assertThat(NoiseKernels.logFactorial(k)).as("k = %d", k).isCloseTo(s, within(1e-9 * Math.max(1, s)));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void linearLightKeepsItsMeanAndGetsPoissonVariance(long seed) {
        ShotNoise t = new ShotNoise(Range.of(0.05, 0.2), 1);
        Mat image = Images.toFloat(Images.constant(256, 256, 1, 128));
        Sample in = Sample.of(image);
        ShotNoise.Shot s = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(s.scale()).isBetween(0.05, 0.2);
        float[] out = Mats.toFloats(t.apply(in, s).image());
        double lin = Math.pow(128 / 255.0, 2.2), sum = 0, sq = 0;
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
            double l = Math.pow(v, 2.2);
            sum += l;
            sq += l * l;
        }
        double mean = sum / out.length, var = sq / out.length - mean * mean;
        assertThat(mean).isCloseTo(lin, within(0.01));
        assertThat(var).isCloseTo(lin * s.scale(), within(lin * s.scale() * 0.1));
        Mats.release(image);
    }

    @Test
    void uint8ComesBackRoundedAndTheSeedDecides() {
        Mat image = Images.coffee();
        ShotNoise t = new ShotNoise();
        Sample a = t.apply(Sample.of(image), new ShotNoise.Shot(0.2, 1));
        Sample b = t.apply(Sample.of(image), new ShotNoise.Shot(0.2, 1));
        Sample c = t.apply(Sample.of(image), new ShotNoise.Shot(0.2, 2));
        assertThat(Mats.isFloat(a.image())).isFalse();
        assertThat(Mats.toBytes(b.image())).isEqualTo(Mats.toBytes(a.image()));
        assertThat(Mats.toBytes(c.image())).isNotEqualTo(Mats.toBytes(a.image()));
        Mats.release(a.image(), b.image(), c.image(), image);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("ShotNoise", Map.of()).toDict()).containsEntry("scale_range", List.of(0.1, 0.3)).containsEntry("p", 0.5);
        assertThatThrownBy(() -> new ShotNoise(Range.of(0, 0.3), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ShotNoise").hasMessageContaining("scale_range");
        assertThatThrownBy(() -> new ShotNoise(Range.of(0.3, 0.1), 1)).hasMessageContaining("scale_range");
    }
}
