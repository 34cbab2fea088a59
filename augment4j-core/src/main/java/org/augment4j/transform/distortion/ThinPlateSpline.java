package org.augment4j.transform.distortion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Smooth bending by a thin-plate spline: Albumentations' {@code ThinPlateSpline}. Control points on a regular
 * {@code num_control_points²} grid of the unit square (for 2: the four corners and the centre) are moved by normal
 * offsets of standard deviation {@code s / 10} (s drawn from scale_range, in units of the image size); the spline
 * through them (kernel r² log r²) tells every output pixel {@code (x, y)} to sample {@code tps(x / w, y / h) · (w, h)}.
 *
 * <p>Parameters (2.0.8): scale_range (0.2, 0.4) (within [0, 1]; 0 is the identity), num_control_points 4 (2 to 32: a
 * 32 x 32 grid already takes about a second to fit),
 * interpolation 1, mask_interpolation 0, border_mode 0, fill 0, fill_mask 0, p 0.5; keypoint_remapping_method is
 * accepted. Targets: image, mask, bboxes (re-fitted), keypoints.
 *
 * <p>The spline is evaluated exactly at nodes at most {@value #SPACING} pixels apart and bilinearly upsampled
 * (warpAffine): the field is smooth, so the map is off by less than a tenth of a pixel even at scale 1, where control
 * points move by a tenth of the image (measured in the tests; a few hundredths at the default scales). Albumentations fits the spline with the
 * kernel r⁴ log r² but evaluates it with r² log r², so its warp does not pass through the moved control points; this
 * class uses one kernel for both, the textbook spline.
 */
public final class ThinPlateSpline extends SpatialTransform<ThinPlateSpline.Displacement> {
    /** The sampled scale and the seed of the control-point offsets. */
    public record Displacement(double scale, long seed) {}

    /** Spacing in pixels of the nodes where the spline is evaluated exactly. */
    static final int SPACING = 2;

    private final Range scaleRange;
    private final int numControlPoints;

    /**
     * @param scaleRange       {@code scale_range}: range of the control-point jitter in units of the image size, within [0, 1]
     * @param numControlPoints {@code num_control_points}: control points per side of the grid, in [2, 32]
     * @param resampling       {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                         {@code fill_mask}
     * @param p                probability of applying the transform, in [0, 1]
     */
    public ThinPlateSpline(Range scaleRange, int numControlPoints, Resampling resampling, double p) {
        super(p, resampling);
        this.scaleRange = Check.range(name(), "scale_range", scaleRange, 0, 1);
        // at most 32: the fit is a dense solve of n² + 3 equations, cubic in n²; 100 (10,003 equations) ran for hours
        Allowed.between(2, 32).check(name(), "num_control_points", numControlPoints);
        this.numControlPoints = numControlPoints;
    }

    /** Albumentations 2.0.8 defaults. */
    public ThinPlateSpline() {
        this(Range.of(0.2, 0.4), 4, Resampling.defaults(), 0.5);
    }

    static ThinPlateSpline fromDict(Params r) {
        DistortionParams.keypointRemapping(r);
        return new ThinPlateSpline(r.range("scale_range", Range.of(0.2, 0.4), Params.Scalar.FIXED), r.integer("num_control_points", 4),
                DistortionParams.resampling(r, 1, 0, false), r.p(0.5));
    }

    @Override
    public Displacement sampleParams(Sample sample, RandomGenerator rng) {
        return new Displacement(scaleRange.uniform(rng), rng.nextLong());
    }

    /** The control points in the unit square, {x, y}. */
    static double[][] controlPoints(int n) {
        if (n == 2) return new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}};
        double[][] out = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) out[i * n + j] = new double[] {j / (n - 1.0), i / (n - 1.0)};
        }
        return out;
    }

    /** The moved control points and the fitted spline: {@code {src, weights}}. */
    double[][][] spline(Displacement d) {
        double[][] src = controlPoints(numControlPoints), dst = new double[src.length][];
        try (RNG rng = new RNG(d.seed())) {
            for (int i = 0; i < src.length; i++) {
                double dx = rng.gaussian(d.scale() / 10), dy = rng.gaussian(d.scale() / 10);
                dst[i] = new double[] {src[i][0] + dx, src[i][1] + dy};
            }
        }
        return new double[][][] {src, DistortionKernels.tpsFit(src, dst)};
    }

    @Override
    protected Geometry geometry(Sample s, Displacement d) {
        int w = s.width(), h = s.height();
        double[][][] tps = spline(d);
        int cols = DistortionMaps.coarseNodes(w, SPACING), rows = DistortionMaps.coarseNodes(h, SPACING);
        float[] dx = new float[cols * rows], dy = new float[cols * rows];
        for (int r = 0, i = 0; r < rows; r++) {
            double y = r * (h - 1.0) / (rows - 1);
            for (int c = 0; c < cols; c++, i++) {
                double x = c * (w - 1.0) / (cols - 1);
                double[] p = DistortionKernels.tpsEval(tps[0], tps[1], x / w, y / h);
                dx[i] = (float) (p[0] * w - x);
                dy[i] = (float) (p[1] * h - y);
            }
        }
        return DistortionMaps.upsampled(dx, dy, cols, rows, w, h);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale_range", scaleRange);
        m.put("num_control_points", numControlPoints);
        resampling.putArgs(m);
        return m;
    }
}
