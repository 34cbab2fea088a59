package org.augment4j.transform.distortion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Local affine wobble: Albumentations' {@code PiecewiseAffine}. A regular grid of {@code nb_rows × nb_cols} points
 * spans the pixel centres; each point is jittered by a normal offset of standard deviation {@code scale · min(w, h) / 3}
 * pixels ({@code scale / 3} with absolute_scale) and kept inside the image; every triangle of the grid (each cell cut
 * along its top-left to bottom-right diagonal) then samples its jittered triangle through one affine map, so the map
 * is continuous and exactly piecewise affine.
 *
 * <p>Parameters (2.0.8): scale (0.03, 0.05) (a scalar x means (0, x)), nb_rows 4, nb_cols 4 (an integer or a range
 * sampled per image, each ≥ 2), interpolation 1, mask_interpolation 0, absolute_scale false, border_mode 0, fill 0,
 * fill_mask 0, p 0.5; keypoint_remapping_method and 1.3's keypoints_threshold are accepted (keypoints follow the
 * exact inverse here), as are 1.3's cval, cval_mask and scikit-image mode strings. Targets: image, mask, bboxes
 * (re-fitted), keypoints. Albumentations 2.x blends the jittered points by inverse-distance weighting over the whole
 * image, an approximation this class does not copy: it builds the true piecewise affine map (as 1.3 did).
 */
public final class PiecewiseAffine extends SpatialTransform<PiecewiseAffine.Grid> {
    /** The sampled grid size, scale and the seed of the jitter. */
    public record Grid(int nbRows, int nbCols, double scale, long seed) {}

    private final Range scale;
    private final Range nbRows;
    private final Range nbCols;
    private final boolean absoluteScale;

    /**
     * @param scale         {@code scale}: range of the jitter, a fraction of {@code min(w, h)} (or pixels with
     *                      {@code absoluteScale}), within [0, 1e6]
     * @param nbRows        {@code nb_rows}: range of the grid rows, within [2, 10000]
     * @param nbCols        {@code nb_cols}: range of the grid columns, within [2, 10000]
     * @param absoluteScale {@code absolute_scale}: whether {@code scale} is in pixels
     * @param resampling    {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                      {@code fill_mask}
     * @param p             probability of applying the transform, in [0, 1]
     */
    public PiecewiseAffine(Range scale, Range nbRows, Range nbCols, boolean absoluteScale, Resampling resampling, double p) {
        super(p, resampling);
        this.scale = Check.range(name(), "scale", scale, 0, 1e6);
        this.nbRows = Check.range(name(), "nb_rows", nbRows, 2, 10_000);
        this.nbCols = Check.range(name(), "nb_cols", nbCols, 2, 10_000);
        this.absoluteScale = absoluteScale;
    }

    /** Albumentations 2.0.8 defaults. */
    public PiecewiseAffine() {
        this(Range.of(0.03, 0.05), Range.fixed(4), Range.fixed(4), false, Resampling.defaults(), 0.5);
    }

    static PiecewiseAffine fromDict(Params r) {
        DistortionParams.keypointRemapping(r);
        r.dbl("keypoints_threshold", 0.01);
        return new PiecewiseAffine(r.range("scale", Range.of(0.03, 0.05), Params.Scalar.UPPER, 0),
                r.range("nb_rows", Range.fixed(4), Params.Scalar.FIXED), r.range("nb_cols", Range.fixed(4), Params.Scalar.FIXED),
                r.bool("absolute_scale", false), DistortionParams.resampling(r, 1, 0, true), r.p(0.5));
    }

    @Override
    public Grid sampleParams(Sample sample, RandomGenerator rng) {
        int rows = nbRows.randint(rng), cols = nbCols.randint(rng);
        return new Grid(rows, cols, scale.uniform(rng), rng.nextLong());
    }

    @Override
    protected Geometry geometry(Sample s, Grid g) {
        int w = s.width(), h = s.height(), rows = g.nbRows(), cols = g.nbCols();
        Check.that(rows >= 2 && cols >= 2, name(), "nb_rows and nb_cols must be >= 2, got " + rows + " x " + cols);
        if (g.scale() <= 0 || w < 2 || h < 2) return DistortionMaps.identity(w, h);
        double sd = absoluteScale ? g.scale() / 3 : g.scale() * Math.min(w, h) / 3;
        double[][] out = new double[rows * cols][], src = new double[rows * cols][];
        try (RNG rng = new RNG(g.seed())) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double x = j * (w - 1.0) / (cols - 1), y = i * (h - 1.0) / (rows - 1);
                    double jy = rng.gaussian(sd), jx = rng.gaussian(sd);
                    out[i * cols + j] = new double[] {x, y};
                    src[i * cols + j] = new double[] {clamp(x + jx, w - 1), clamp(y + jy, h - 1)};
                }
            }
        }
        int cells = (rows - 1) * (cols - 1);
        double[][] triangles = new double[2 * cells][];
        Matrix[] maps = new Matrix[2 * cells];
        for (int i = 0, t = 0; i < rows - 1; i++) {
            for (int j = 0; j < cols - 1; j++) {
                int tl = i * cols + j, tr = tl + 1, bl = tl + cols, br = bl + 1;
                for (int[] tri : new int[][] {{tl, tr, br}, {tl, br, bl}}) {
                    triangles[t] = corners(out, tri);
                    maps[t] = DistortionKernels.triangle(triangles[t], corners(src, tri));
                    t++;
                }
            }
        }
        return DistortionMaps.pieces(w, h, triangles, maps);
    }

    private static double clamp(double v, double hi) {
        return Math.max(0, Math.min(hi, v));
    }

    private static double[] corners(double[][] pts, int[] idx) {
        return new double[] {pts[idx[0]][0], pts[idx[0]][1], pts[idx[1]][0], pts[idx[1]][1], pts[idx[2]][0], pts[idx[2]][1]};
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("nb_rows", nbRows);
        m.put("nb_cols", nbCols);
        resampling.putArgs(m);
        m.put("absolute_scale", absoluteScale);
        return m;
    }
}
