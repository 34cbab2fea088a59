package org.augment4j.transform.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.geometry.DisplacementGeometry;
import org.augment4j.geometry.Matrix;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The maps themselves: the documented geometry of each distortion, and the helpers that build them. */
class DistortionMapsTest {

    private static Sample blank(int w, int h) {
        return Sample.of(Mats.zeros(h, w, CV_8UC1));
    }

    private static float[][] read(DisplacementGeometry g) {
        float[] x = new float[g.outWidth() * g.outHeight()], y = new float[x.length];
        ((FloatBuffer) g.mapX().createBuffer()).get(x);
        ((FloatBuffer) g.mapY().createBuffer()).get(y);
        return new float[][] {x, y};
    }

    @ParameterizedTest(name = "size {0}, {1} steps")
    @CsvSource({"600,5", "601,5", "100,30", "7,10", "1,1", "400,1"})
    void gridAxisOfEqualStepsIsTheIdentity(int size, int numSteps) {
        double[] ones = new double[numSteps + 1], twos = new double[numSteps + 1];
        java.util.Arrays.fill(ones, 1);
        java.util.Arrays.fill(twos, 2);
        float[] a = DistortionKernels.gridAxis(size, numSteps, ones, false);
        float[] b = DistortionKernels.gridAxis(size, numSteps, ones, true);
        float[] c = DistortionKernels.gridAxis(size, numSteps, twos, true);
        float[] d = DistortionKernels.gridAxis(size, numSteps, twos, false);
        for (int x = 0; x < size; x++) {
            assertThat(a[x]).isEqualTo(x);
            assertThat(b[x]).isEqualTo(x);
            assertThat(c[x]).isCloseTo(x, offset(1e-3f));
            assertThat(d[x]).isEqualTo(2 * x);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void normalizedGridSpansExactlyTheImage(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] steps = new double[6];
        for (int i = 0; i < steps.length; i++) steps[i] = 1 + rng.nextDouble(-0.9, 0.9);
        float[] a = DistortionKernels.gridAxis(600, 5, steps, true);
        assertThat(a[0]).isZero();
        for (int x = 1; x < a.length; x++) assertThat(a[x]).isGreaterThan(a[x - 1]);
        double lastSlope = a[599] - a[598];
        assertThat(a[599] + lastSlope).as("the end of the last cell").isCloseTo(600, offset(1e-3));
    }

    /** Each piece samples through its own map; pixels no piece covers take the nearest piece's map. */
    @Test
    void piecesFollowTheirOwnMaps() {
        int w = 50, h = 40;
        // Two triangles split along the diagonal (0,0)-(49,39); the second is sheared so that both agree on it.
        double[][] polys = {{0, 0, 49, 0, 49, 39}, {0, 0, 49, 39, 0, 39}};
        Matrix upper = Matrix.translation(3, 2);
        Matrix lower = Matrix.affine(1 - 0.5 * 39.0 / 49, 0.5, 3, 0, 1, 2); // x + 0.5 (y - 39/49 x) + 3: equal on the diagonal
        try (DisplacementGeometry g = DistortionMaps.pieces(w, h, polys, new Matrix[] {upper, lower})) {
            float[][] m = read(g);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double side = y - 39.0 / 49 * x;
                    Matrix expect = side < -0.5 ? upper : side > 0.5 ? lower : null;
                    double[] want = (expect == null ? upper : expect).apply(x, y);
                    double tol = expect == null ? 0.5 : 1e-4;
                    assertThat((double) m[0][y * w + x]).as("x at (%d, %d)", x, y).isCloseTo(want[0], offset(tol));
                    assertThat((double) m[1][y * w + x]).as("y at (%d, %d)", x, y).isCloseTo(want[1], offset(tol));
                }
            }
        }
        try (DisplacementGeometry g = DistortionMaps.pieces(w, h, new double[][] {{10, 10, 20, 10, 10, 20}}, new Matrix[] {Matrix.scale(2, 3)})) {
            float[][] m = read(g);
            assertThat(m[0][39 * w + 49]).as("an uncovered pixel uses the only piece").isEqualTo(98f);
            assertThat(m[1][39 * w + 49]).isEqualTo(117f);
        }
    }

    @Test
    void thinPlateSplinePassesThroughItsControlPoints() {
        double[][] src = ThinPlateSpline.controlPoints(3), dst = new double[src.length][];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < src.length; i++) dst[i] = new double[] {src[i][0] + rng.nextDouble(-0.1, 0.1), src[i][1] + rng.nextDouble(-0.1, 0.1)};
        double[][] weights = DistortionKernels.tpsFit(src, dst);
        for (int i = 0; i < src.length; i++) {
            assertThat(DistortionKernels.tpsEval(src, weights, src[i][0], src[i][1])).containsExactly(dst[i], offset(1e-9));
        }
        assertThat(ThinPlateSpline.controlPoints(2)).hasNumberOfRows(5);
        assertThat(ThinPlateSpline.controlPoints(4)).hasNumberOfRows(16);
    }

    /** The coarse-grid evaluation is within a tenth of a pixel of the exact spline, even at scale 1. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void thinPlateSplineUpsamplingIsAccurate(long seed) {
        ThinPlateSpline t = new ThinPlateSpline(Range.of(1, 1), 4, Resampling.defaults(), 1);
        ThinPlateSpline.Displacement d = new ThinPlateSpline.Displacement(1.0, seed);
        int w = 600, h = 400;
        double[][][] tps = t.spline(d);
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, d)) {
            float[][] m = read(g);
            double worst = 0, moved = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double[] p = DistortionKernels.tpsEval(tps[0], tps[1], (double) x / w, (double) y / h);
                    worst = Math.max(worst, Math.hypot(p[0] * w - m[0][y * w + x], p[1] * h - m[1][y * w + x]));
                    moved = Math.max(moved, Math.hypot(p[0] * w - x, p[1] * h - y));
                }
            }
            assertThat(moved).as("largest displacement").isGreaterThan(20);
            assertThat(worst).as("largest error of the upsampled map").isLessThan(0.1);
        }
    }

    /** Camera mode is OpenCV's undistortion map for focal (w, h), principal point at the centre, k1 = k2 = k. */
    @ParameterizedTest(name = "k = {0}")
    @ValueSource(doubles = {0.3, -0.2, 0.05})
    void cameraModeIsTheRadialModel(double k) {
        int w = 601, h = 401;
        OpticalDistortion t = new OpticalDistortion(Range.fixed(k), Range.fixed(0), "camera", Resampling.defaults(), 1);
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new OpticalDistortion.Coefficients(k, 0, 0))) {
            float[][] m = read(g);
            for (int[] p : new int[][] {{0, 0}, {600, 400}, {300, 200}, {17, 350}, {450, 3}}) {
                double nx = (p[0] - 300.0) / w, ny = (p[1] - 200.0) / h, r2 = nx * nx + ny * ny, f = 1 + k * r2 + k * r2 * r2;
                int i = p[1] * w + p[0];
                assertThat((double) m[0][i]).isCloseTo(300 + nx * f * w, offset(1e-3));
                assertThat((double) m[1][i]).isCloseTo(200 + ny * f * h, offset(1e-3));
            }
            assertThat(m[0][200 * w + 300]).as("the centre stays").isEqualTo(300f);
            if (k > 0) assertThat(m[0][0]).as("barrel: the corner samples beyond the image").isNegative();
        }
    }

    @Test
    void fisheyeScalesTheCornerRadiusByOnePlusK() {
        int w = 601, h = 401;
        OpticalDistortion t = new OpticalDistortion(Range.fixed(0.3), Range.fixed(0), "fisheye", Resampling.defaults(), 1);
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new OpticalDistortion.Coefficients(0.3, 0, 0))) {
            float[][] m = read(g);
            assertThat((double) m[0][0]).isCloseTo(300 - 300 * 1.3, offset(1e-3));
            assertThat((double) m[1][0]).isCloseTo(200 - 200 * 1.3, offset(1e-3));
            assertThat(m[0][200 * w + 300]).isEqualTo(300f);
        }
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new OpticalDistortion.Coefficients(0, 7, -4))) {
            float[][] m = read(g);
            assertThat(m[0][5 * w + 9]).as("1.3's shift moves the centre").isEqualTo(16f);
            assertThat(m[1][5 * w + 9]).isEqualTo(1f);
        }
    }

    /** The jittered points are kept inside the image, so every pixel samples from inside it. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void piecewiseAffineSamplesInsideTheImage(long seed) {
        PiecewiseAffine t = new PiecewiseAffine(Range.of(0.2, 0.2), Range.fixed(5), Range.fixed(4), false, Resampling.defaults(), 1);
        try (Sample s = blank(300, 200); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new PiecewiseAffine.Grid(5, 4, 0.2, seed))) {
            float[][] m = read(g);
            double moved = 0;
            for (int i = 0; i < m[0].length; i++) {
                assertThat(m[0][i]).isBetween(-1e-3f, 299.001f);
                assertThat(m[1][i]).isBetween(-1e-3f, 199.001f);
                moved = Math.max(moved, Math.abs(m[0][i] - i % 300));
            }
            assertThat(moved).isGreaterThan(5);
        }
    }

    /** The border vertices stay: the image border maps onto itself, and nothing moves further than the magnitude. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void gridElasticDeformKeepsTheBorder(long seed) {
        int w = 300, h = 200, mag = 12;
        GridElasticDeform t = new GridElasticDeform(new int[] {5, 3}, mag, 1, 0, 1);
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new GridElasticDeform.Mesh(seed))) {
            float[][] m = read(g);
            double moved = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double dx = m[0][i] - x, dy = m[1][i] - y;
                    assertThat(Math.hypot(dx, dy)).isLessThanOrEqualTo(mag * Math.sqrt(2) + 0.5);
                    moved = Math.max(moved, Math.hypot(dx, dy));
                    if (y == 0) assertThat(m[1][i]).isCloseTo(0f, offset(1e-3f));
                    if (x == 0) assertThat(m[0][i]).isCloseTo(0f, offset(1e-3f));
                }
            }
            assertThat(moved).isGreaterThan(3);
        }
    }
}
