package org.augment4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.BORDER_WRAP;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.augment4j.TestData;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bilinear uint8 warp with a replicated, reflected or wrapped border runs on a padded source with a constant border
 * (OpenCV's fast path): it must give the very bytes {@code warpAffine} gives with the border mode itself.
 */
class WarpBorderPaddingTest {
    private static final int[] BORDERS = {BORDER_REFLECT_101, BORDER_REFLECT, BORDER_REPLICATE, BORDER_WRAP};

    static Stream<Long> seeds() {
        return IntStream.range(0, 160).mapToObj(i -> 7919L * i + 17);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void paddedWarpIsByteIdenticalToTheBorderModeWarp(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int channels = new int[] {1, 3, 4}[rnd.nextInt(3)];
        int w = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(40) : 64 + rnd.nextInt(200);
        int h = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(40) : 64 + rnd.nextInt(200);
        int ow = rnd.nextBoolean() ? w : 1 + rnd.nextInt(w + 8);
        int oh = rnd.nextBoolean() ? h : 1 + rnd.nextInt(h + 8);
        Matrix m = randomMatrix(rnd, w, h);
        int border = BORDERS[rnd.nextInt(BORDERS.length)];
        try (Mat parent = image(rnd, w + 6, h + 6, channels); Rect r = new Rect(3, 3, w, h); Mat src = new Mat(parent, r)) {
            // src is a view inside a larger matrix: the padding must not read the parent's pixels
            try (Mat expected = direct(src, m, ow, oh, border);
                 Mat padded = Warp.borderPadded(src, m, w, h, ow, oh, INTER_LINEAR, border)) {
                assertThat(padded).as("the padded path applies (seed %d)", seed).isNotNull();
                assertThat(Mats.toBytes(padded)).as("seed %d, %d ch, %dx%d -> %dx%d, border %d, %s", seed, channels, w, h, ow, oh, border, m)
                        .isEqualTo(Mats.toBytes(expected));
            }
        }
    }

    @Test
    void rotatesARealPhotoByEveryDegreeOfAQuarterTurnExactly() {
        try (Mat photo = ImageIO.readImage(TestData.data("photos/astronaut.png"))) {
            int w = photo.cols(), h = photo.rows();
            for (int deg = 0; deg < 90; deg += 7) {
                Matrix m = Matrix.rotation((w - 1) / 2.0, (h - 1) / 2.0, deg + 0.3, 1.05);
                AffineGeometry g = AffineGeometry.of(m, KeypointRule.identity(), w, h);
                try (Mat expected = direct(photo, m, w, h, BORDER_REFLECT_101);
                     Mat viaWarp = Warp.affine(photo, g, INTER_LINEAR, BORDER_REFLECT_101, new Scalar(0.0))) {
                    assertThat(Mats.toBytes(viaWarp)).as("%d degrees", deg).isEqualTo(Mats.toBytes(expected));
                }
            }
        }
    }

    @Test
    void zoomingFarOutFallsBackToTheBorderModeWarp() {
        try (Mat src = new Mat(50, 50, CV_8UC(3))) {
            assertThat(Warp.borderPadded(src, Matrix.scale(0.1, 0.1), 50, 50, 50, 50, INTER_LINEAR, BORDER_REFLECT_101)).isNull();
        }
    }

    /** Rotations with scale, random shears and dyadic matrices (whose coordinates land exactly on half pixels). */
    private static Matrix randomMatrix(SplittableRandom rnd, int w, int h) {
        switch (rnd.nextInt(3)) {
            case 0:
                return Matrix.rotation(w / 2.0, h / 2.0, rnd.nextDouble(360), 0.8 + rnd.nextDouble(0.6));
            case 1:
                return Matrix.affine(1 + 0.25 * rnd.nextInt(4), 0.25 * rnd.nextInt(3) - 0.25, 0.5 * rnd.nextInt(9) - 2,
                        0.25 * rnd.nextInt(3) - 0.25, 1 + 0.25 * rnd.nextInt(4), 0.5 * rnd.nextInt(9) - 2);
            default:
                return Matrix.affine(1 + gauss(rnd) * 0.1, gauss(rnd) * 0.15, gauss(rnd) * 10,
                        gauss(rnd) * 0.15, 1 + gauss(rnd) * 0.1, gauss(rnd) * 30);
        }
    }

    private static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static Mat image(SplittableRandom rnd, int w, int h, int channels) {
        Mat m = new Mat(h, w, CV_8UC(channels));
        try (Mat lo = Mats.scalarMat(0, 0, 0, 0); Mat hi = Mats.scalarMat(256, 256, 256, 256)) {
            org.bytedeco.opencv.global.opencv_core.setRNGSeed((int) rnd.nextLong());
            randu(m, lo, hi);
        }
        return m;
    }

    private static Mat direct(Mat src, Matrix m, int ow, int oh, int border) {
        Mat dst = new Mat();
        try (Mat mm = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F); Size size = new Size(ow, oh); Scalar zero = new Scalar(0.0)) {
            ((DoubleBuffer) mm.createBuffer()).put(m.affineRows());
            warpAffine(src, dst, mm, size, INTER_LINEAR, border, zero);
        }
        return dst;
    }
}
