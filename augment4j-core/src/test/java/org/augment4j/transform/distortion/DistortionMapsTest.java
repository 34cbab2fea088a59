package org.augment4j.transform.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    /**
     * Albumentations' grid: each cell a linspace including both ends (so every node appears on two neighbouring
     * pixels), pixels past the last cell left at 0; a last cell cut short by the edge ends at the edge in 1.x and at
     * {@code step · steps[last]} after its start in 2.x. Expected values from Albumentations 1.3.1's
     * {@code grid_distortion} and 2.0.8's {@code generate_grid} (the maps they pass to {@code cv2.remap}).
     */
    @Test
    void gridAxisIsAlbumentationsLinspaceGrid() {
        double[] sx = {1.2, 0.7, 1.1, 0.9}, sy = {0.8, 1.3, 1.0, 1.25};
        float[] x13 = {0f, 1.7999999523162842f, 3.5999999046325684f, 3.5999999046325684f, 4.650000095367432f, 5.699999809265137f,
            5.699999809265137f, 7.349999904632568f, 9f, 9f, 11f};
        float[] x2 = x13.clone();
        x2[10] = 11.699999809265137f;
        float[] y = {0f, 1.600000023841858f, 1.600000023841858f, 4.199999809265137f, 4.199999809265137f, 6.199999809265137f, 6.199999809265137f};
        assertThat(DistortionKernels.gridAxis(11, 3, sx, true)).containsExactly(x13);
        assertThat(DistortionKernels.gridAxis(11, 3, sx, false)).containsExactly(x2);
        assertThat(DistortionKernels.gridAxis(7, 3, sy, true)).containsExactly(y);
        assertThat(DistortionKernels.gridAxis(7, 3, sy, false)).containsExactly(y);
        float[] rest = {0f, 2.4000000953674316f, 2.4000000953674316f, 3.799999952316284f, 3.799999952316284f, 6f, 6f, 7.800000190734863f,
            7.800000190734863f, 10.399999618530273f, 0f};
        assertThat(DistortionKernels.gridAxis(11, 4, new double[] {1.2, 0.7, 1.1, 0.9, 1.3}, true)).as("past the last cell: 0").containsExactly(rest);
    }

    /** Steps of 1 are no identity: each cell of L pixels samples L + 1 source pixels' span (linspace(0, L, L)). */
    @ParameterizedTest(name = "1.x: {0}")
    @ValueSource(booleans = {true, false})
    void equalStepsStretchEachCellByOnePixel(boolean lastToEdge) {
        double[] ones = new double[6];
        java.util.Arrays.fill(ones, 1);
        float[] a = DistortionKernels.gridAxis(600, 5, ones, lastToEdge);
        assertThat(a[0]).isZero();
        assertThat(a[119]).isEqualTo(120f);
        assertThat(a[120]).isEqualTo(120f);
        assertThat(a[599]).isEqualTo(600f);
        assertThat((double) a[60]).isCloseTo(60 * 120.0 / 119, offset(1e-4));
    }

    /** Albumentations' normalisation (1.3.1's {@code _normalize}, 2.0.8's {@code normalize_grid_distortion_steps}: the same). */
    @Test
    void normalizedStepsAreAlbumentations() {
        double[] sx = {1.2, 0.7, 1.1, 0.9}, sy = {0.8, 1.3, 1.0, 1.25};
        assertThat(DistortionKernels.normalizedSteps(11, 3, sx))
                .containsExactly(new double[] {1.222222222222222, 0.7129629629629628, 1.1203703703703702, 0.611111111111111}, offset(1e-15));
        assertThat(DistortionKernels.normalizedSteps(7, 3, sy))
                .containsExactly(new double[] {0.7516778523489933, 1.221476510067114, 0.9395973154362416, 0.587248322147651}, offset(1e-15));
        assertThat(sx[3]).as("the input is not changed").isEqualTo(0.9);
    }

    @Test
    void gridDistortionFollowsItsSemantics() {
        GridDistortion v2 = new GridDistortion(3, Range.fixed(0), false, Resampling.defaults(), 1);
        GridDistortion.Steps steps = new GridDistortion.Steps(new double[] {1.2, 0.7, 1.1, 0.9}, new double[] {0.8, 1.3, 1.0, 1.25});
        assertThat(v2.withSemantics(org.augment4j.Semantics.ALBUMENTATIONS_2)).isSameAs(v2);
        GridDistortion v13 = v2.withSemantics(org.augment4j.Semantics.ALBUMENTATIONS_1_3);
        try (Sample s = blank(11, 7); DisplacementGeometry g2 = (DisplacementGeometry) v2.geometry(s, steps);
             DisplacementGeometry g13 = (DisplacementGeometry) v13.geometry(s, steps)) {
            assertThat(read(g2)[0][6 * 11 + 10]).isEqualTo(11.699999809265137f);
            assertThat(read(g13)[0][6 * 11 + 10]).isEqualTo(11f);
            assertThat(read(g13)[1][6 * 11 + 10]).isEqualTo(6.199999809265137f);
        }
        assertThat(v13.withSemantics(org.augment4j.Semantics.ALBUMENTATIONS_2).toDict()).isEqualTo(v2.toDict());
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

    /**
     * Camera mode is OpenCV's undistortion map for focal (w, h), the distortion centre at {@code (w/2 + dx, h/2 + dy)},
     * k1 = k2 = k, and OpenCV's default new camera (principal point {@code ((w−1)/2, (h−1)/2)}).
     */
    @ParameterizedTest(name = "k = {0}")
    @ValueSource(doubles = {0.3, -0.2, 0.05, 0})
    void cameraModeIsTheRadialModel(double k) {
        int w = 601, h = 401;
        OpticalDistortion t = new OpticalDistortion(Range.fixed(k), Range.fixed(0), "camera", Resampling.defaults(), 1);
        float kf = (float) k;
        try (Sample s = blank(w, h); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new OpticalDistortion.Coefficients(k, 3, -2))) {
            float[][] m = read(g);
            for (int[] p : new int[][] {{0, 0}, {600, 400}, {300, 200}, {17, 350}, {450, 3}}) {
                double nx = (p[0] - 300.0) / w, ny = (p[1] - 200.0) / h, r2 = nx * nx + ny * ny, f = 1 + kf * r2 + kf * r2 * r2;
                int i = p[1] * w + p[0];
                assertThat((double) m[0][i]).isCloseTo(300.5 + 3 + nx * f * w, offset(1e-3));
                assertThat((double) m[1][i]).isCloseTo(200.5 - 2 + ny * f * h, offset(1e-3));
            }
            assertThat(m[0][200 * w + 300]).as("the centre moves by half a pixel and the shift").isEqualTo(303.5f);
            if (k > 0) assertThat(m[0][0]).as("barrel: the corner samples beyond the image").isNegative();
        }
    }

    /** The maps Albumentations 1.3.1's {@code optical_distortion} hands to {@code cv2.remap} for 9 × 7, k = −0.2, dx = 2, dy = −1. */
    @Test
    void cameraModeMatchesAlbumentations() {
        OpticalDistortion t = new OpticalDistortion(Range.fixed(-0.2), Range.fixed(2), "camera", Resampling.defaults(), 1);
        double[][] wantX = {{2.9212169647216797, 3.7290096282958984, 4.614948749542236, 5.54688835144043, 6.5, 7.45311164855957, 8.385051727294922,
            9.270990371704102, 10.07878303527832}, {2.689239501953125, 3.5740740299224854, 4.520728588104248, 5.502499580383301, 6.5,
            7.497500419616699, 8.47927188873291, 9.425926208496094, 10.310760498046875}};
        double[][] wantY = {{-0.1840873509645462, -0.2709904909133911, -0.3275771737098694, -0.35933440923690796, -0.369554340839386,
            -0.35933440923690796, -0.3275771737098694, -0.2709904909133911, -0.1840873509645462}, {2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5}};
        try (Sample s = blank(9, 7); DisplacementGeometry g = (DisplacementGeometry) t.geometry(s, new OpticalDistortion.Coefficients(-0.2, 2, -1))) {
            float[][] m = read(g);
            int[] rows = {0, 3};
            for (int r = 0; r < rows.length; r++) {
                for (int x = 0; x < 9; x++) {
                    assertThat((double) m[0][rows[r] * 9 + x]).isCloseTo(wantX[r][x], offset(1e-5));
                    assertThat((double) m[1][rows[r] * 9 + x]).isCloseTo(wantY[r][x], offset(1e-5));
                }
            }
        }
    }

    /** Fisheye (2.x) about (w/2, h/2): the corner radius times 1 + k; k = 0 is the identity. */
    @Test
    void fisheyeScalesTheCornerRadiusByOnePlusK() {
        int w = 600, h = 400;
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
