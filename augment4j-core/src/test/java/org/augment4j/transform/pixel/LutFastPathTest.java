package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arithmetic fast paths of the look-up kernels (saturating adds, convertTo, threshold+XOR) give exactly the bytes
 * of the tables they replace, on every shape: tiny images OpenCV could mistake for scalars, 1/3/4 channels, ROIs.
 */
class LutFastPathTest {

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1, 1), Arguments.of(4, 1, 1), Arguments.of(1, 4, 1), Arguments.of(1, 1, 3), Arguments.of(2, 2, 1),
                Arguments.of(37, 53, 1), Arguments.of(64, 48, 3), Arguments.of(31, 17, 4), Arguments.of(5, 3, 3));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void shiftTablesAddExactly(int rows, int cols, int channels) {
        SplittableRandom rng = new SplittableRandom(rows * 1000L + cols * 10L + channels);
        for (int trial = 0; trial < 20; trial++) {
            byte[][] tables = new byte[channels][];
            for (int c = 0; c < channels; c++) {
                int k = rng.nextInt(-300, 301);
                tables[c] = new byte[256];
                for (int v = 0; v < 256; v++) tables[c][v] = (byte) Math.max(0, Math.min(255, v + k));
            }
            check(rows, cols, channels, rng.nextLong(), tables, image -> PixelKernels.lut(image, tables));
            byte[] one = tables[0];
            check(rows, cols, channels, rng.nextLong(), fill(channels, one), image -> PixelKernels.lut(image, one));
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void linearMapsGiveTheTruncatedTable(int rows, int cols, int channels) {
        SplittableRandom rng = new SplittableRandom(rows * 7919L + cols * 31L + channels);
        for (int trial = 0; trial < 40; trial++) {
            double alpha = trial % 5 == 0 ? 1 : rng.nextDouble(0, 3), beta = trial % 7 == 0 ? Math.rint(rng.nextDouble(-100, 100)) : rng.nextDouble(-255, 255);
            byte[] table = ColorKernels.linearTable(alpha, beta);
            check(rows, cols, channels, rng.nextLong(), fill(channels, table), image -> PixelKernels.linear(image, alpha, beta, table));
            check(rows, cols, channels, rng.nextLong(), fill(channels, table), image -> ColorKernels.multiplyAdd(image, alpha, beta));
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void invertFromMatchesTheSolarizeTable(int rows, int cols, int channels) {
        for (int level = -1; level <= 257; level++) {
            byte[] table = new byte[256];
            for (int v = 0; v < 256; v++) table[v] = (byte) (v >= level ? 255 - v : v);
            int l = level;
            check(rows, cols, channels, level, fill(channels, table), image -> PixelKernels.invertFrom(image, l));
        }
    }

    private static byte[][] fill(int channels, byte[] table) {
        byte[][] t = new byte[channels][];
        java.util.Arrays.fill(t, table);
        return t;
    }

    /** Applies {@code kernel} to a random image and to an ROI of a larger one; both must equal the tables. */
    private static void check(int rows, int cols, int channels, long seed, byte[][] tables, java.util.function.UnaryOperator<Mat> kernel) {
        try (Mat image = Images.random(rows, cols, channels, seed); Mat big = Images.random(rows + 2, cols + 3, channels, seed + 1);
             Rect r = new Rect(1, 2, cols, rows); Mat roi = new Mat(big, r)) {
            for (Mat in : new Mat[] {image, roi}) {
                byte[] px = Mats.toBytes(in);
                byte[] want = new byte[px.length];
                for (int i = 0; i < px.length; i++) want[i] = tables[i % channels][px[i] & 0xFF];
                try (Mat out = kernel.apply(in)) {
                    assertThat(out.channels()).isEqualTo(channels);
                    assertThat(out.rows()).isEqualTo(rows);
                    assertThat(out.cols()).isEqualTo(cols);
                    assertThat(Mats.toBytes(out)).as("seed %d", seed).isEqualTo(want);
                }
            }
        }
    }
}
