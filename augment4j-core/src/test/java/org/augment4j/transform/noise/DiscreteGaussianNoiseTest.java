package org.augment4j.transform.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscreteGaussianNoiseTest {

    @ParameterizedTest(name = "mean {0}, sigma {1}, seed {2}")
    @CsvSource({"0, 20, 1", "0, 3.5, 2", "-7.25, 12, 3", "10, 51, 4"})
    void everyIntegerComesWithTheProbabilityOfItsGaussianInterval(double mean, double sigma, long seed) {
        int h = 300, w = 400;
        byte[] flat = new byte[h * w * 3];
        java.util.Arrays.fill(flat, (byte) 128);
        Mat image = Mats.fromBytes(flat, h, w, 3);
        Mat out = DiscreteGaussianNoise.add(image, mean, sigma, true, seed);
        byte[] v = Mats.toBytes(out);
        int[] count = new int[256];
        for (byte b : v) count[b & 0xFF]++;
        double chi2 = 0;
        int cells = 0;
        for (int k = -127; k < 127; k++) {
            double p = phi((k + 1 - mean) / sigma) - phi((k - mean) / sigma);
            double expected = p * v.length;
            if (expected < 20) continue;
            double d = count[128 + k] - expected;
            chi2 += d * d / expected;
            cells++;
        }
        // chi-square with `cells` degrees of freedom: mean cells, sd sqrt(2 cells); 6 sd is far beyond chance
        assertThat(chi2).as("chi-square over %d cells", cells).isLessThan(cells + 6 * Math.sqrt(2.0 * cells));
        Mats.release(image, out);
    }

    @Test
    void clipsAtBothEndsAndKeepsTheShape() {
        byte[] px = {0, (byte) 255, 0, (byte) 255, 0, (byte) 255};
        Mat image = Mats.fromBytes(px, 1, 2, 3);
        Mat out = DiscreteGaussianNoise.add(image, 0, 200, true, 9);
        assertThat(out.rows()).isEqualTo(1);
        assertThat(out.cols()).isEqualTo(2);
        assertThat(out.channels()).isEqualTo(3);
        assertThat(Mats.toBytes(out)).hasSize(6);
        Mats.release(image, out);
    }

    @Test
    void sharedNoiseMovesEveryChannelOfAPixelAlike() {
        byte[] px = new byte[64 * 64 * 4];
        java.util.Arrays.fill(px, (byte) 100);
        Mat image = Mats.fromBytes(px, 64, 64, 4);
        Mat out = DiscreteGaussianNoise.add(image, 0, 10, false, 5);
        byte[] v = Mats.toBytes(out);
        int moved = 0;
        for (int i = 0; i < v.length; i += 4) {
            assertThat(v[i + 1]).isEqualTo(v[i]);
            assertThat(v[i + 3]).isEqualTo(v[i]);
            if (v[i] != 100) moved++;
        }
        assertThat(moved).isGreaterThan(64 * 64 / 2);
        Mats.release(image, out);
    }

    @Test
    void quantilesInvertTheNormalCdf() {
        for (double p : new double[] {1e-9, 0.001, 0.02425, 0.1, 0.5, 0.8, 0.975, 0.999999}) {
            assertThat(phi(NormalQuantile.of(p))).as("p=%s", p).isCloseTo(p, within(p * 1e-6 + 1e-12));
        }
        assertThat(NormalQuantile.of(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThatThrownBy(() -> NormalQuantile.of(1)).hasMessageContaining("(0, 1)").hasMessageContaining("1.0");
    }

    /** Standard normal CDF via erfc (Numerical Recipes' erfc, fractional error below 1.2e-7). */
    private static double phi(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
