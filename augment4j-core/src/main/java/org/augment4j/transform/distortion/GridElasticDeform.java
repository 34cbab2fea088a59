package org.augment4j.transform.distortion;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Elastic deformation on a coarse grid: Albumentations' {@code GridElasticDeform}. The image is cut into
 * {@code num_grid_xy = (columns, rows)} cells of almost equal size (sizes differ by at most a pixel and are shuffled);
 * every inner grid vertex moves by a random whole number of pixels in {@code [-magnitude, magnitude]} along x and y,
 * the border vertices stay, and each moved cell (a quadrilateral in the output) samples its original rectangle
 * through a perspective map, so the map is continuous and piecewise projective.
 *
 * <p>Parameters: num_grid_xy (4, 4) (each ≥ 1), magnitude 10 (pixels, ≥ 0; 0 is the identity, which 2.0.8 rejects),
 * interpolation 1, mask_interpolation 0, p 1.0 (Albumentations' defaults for interpolation and p; it has none for
 * num_grid_xy and magnitude). Pixels sampled from outside the image take 0. Targets: image, mask, bboxes (re-fitted),
 * keypoints. Cells narrower than twice the magnitude can fold over.
 */
public final class GridElasticDeform extends SpatialTransform<GridElasticDeform.Mesh> {
    /** The seed of the sampled cell sizes and vertex displacements. */
    public record Mesh(long seed) {}

    private final int[] numGridXy;
    private final int magnitude;

    /**
     * @param numGridXy         {@code num_grid_xy}: grid cells as [columns, rows], each {@code >= 1} (copied)
     * @param magnitude         {@code magnitude}: largest vertex displacement in pixels, {@code >= 0}
     * @param interpolation     {@code interpolation}: OpenCV code for images, 0..4
     * @param maskInterpolation {@code mask_interpolation}: OpenCV code for masks, 0..4
     * @param p                 probability of applying the transform, in [0, 1]
     */
    public GridElasticDeform(int[] numGridXy, int magnitude, int interpolation, int maskInterpolation, double p) {
        super(p, DistortionParams.named("GridElasticDeform", () -> new Resampling(interpolation, maskInterpolation, 0, Fill.zero(), Fill.zero())));
        Check.that(numGridXy.length == 2 && numGridXy[0] >= 1 && numGridXy[1] >= 1, name(),
                "num_grid_xy must be two integers >= 1 (columns, rows), got " + java.util.Arrays.toString(numGridXy));
        this.numGridXy = numGridXy.clone();
        this.magnitude = Check.nonNegative(name(), "magnitude", magnitude);
    }

    /** A 4 × 4 grid, magnitude 10. */
    public GridElasticDeform() {
        this(new int[] {4, 4}, 10, 1, 0, 1.0);
    }

    static GridElasticDeform fromDict(Params r) {
        double[] grid = r.numbers("num_grid_xy", new double[] {4, 4});
        int[] g = new int[grid.length];
        for (int i = 0; i < g.length; i++) {
            if (grid[i] != Math.rint(grid[i])) throw r.error("num_grid_xy", "must be two integers, got " + java.util.Arrays.toString(grid));
            g[i] = (int) grid[i];
        }
        return new GridElasticDeform(g, r.integer("magnitude", 10), r.integer("interpolation", 1, Allowed.INTERPOLATIONS), r.integer("mask_interpolation", 0, Allowed.INTERPOLATIONS), r.p(1.0));
    }

    @Override
    public Mesh sampleParams(Sample sample, RandomGenerator rng) {
        return new Mesh(rng.nextLong());
    }

    @Override
    protected Geometry geometry(Sample s, Mesh m) {
        int w = s.width(), h = s.height(), gx = Math.min(numGridXy[0], w), gy = Math.min(numGridXy[1], h);
        double[][] polygons = new double[gx * gy][];
        Matrix[] maps = new Matrix[gx * gy];
        try (RNG rng = new RNG(m.seed())) {
            int[] ys = edges(DistortionKernels.almostEqualIntervals(h, gy), rng);
            int[] xs = edges(DistortionKernels.almostEqualIntervals(w, gx), rng);
            double[][] vx = new double[gy + 1][gx + 1], vy = new double[gy + 1][gx + 1];
            for (int i = 0; i <= gy; i++) {
                for (int j = 0; j <= gx; j++) {
                    boolean inner = i > 0 && i < gy && j > 0 && j < gx;
                    vx[i][j] = xs[j] + (inner ? rng.uniform(-magnitude, magnitude + 1) : 0);
                    vy[i][j] = ys[i] + (inner ? rng.uniform(-magnitude, magnitude + 1) : 0);
                }
            }
            for (int i = 0; i < gy; i++) {
                for (int j = 0; j < gx; j++) {
                    double[] quad = {vx[i][j], vy[i][j], vx[i][j + 1], vy[i][j + 1], vx[i + 1][j + 1], vy[i + 1][j + 1], vx[i + 1][j], vy[i + 1][j]};
                    double[] rect = {xs[j], ys[i], xs[j + 1], ys[i], xs[j + 1], ys[i + 1], xs[j], ys[i + 1]};
                    polygons[i * gx + j] = quad;
                    maps[i * gx + j] = perspective(quad, rect);
                }
            }
        }
        return DistortionMaps.pieces(w, h, polygons, maps);
    }

    /** Shuffles the interval lengths (Fisher–Yates) and returns their cumulative edges, from 0. */
    private static int[] edges(int[] lengths, RNG rng) {
        for (int i = lengths.length - 1; i > 0; i--) {
            int k = rng.uniform(0, i + 1);
            int t = lengths[i];
            lengths[i] = lengths[k];
            lengths[k] = t;
        }
        int[] out = new int[lengths.length + 1];
        for (int i = 0; i < lengths.length; i++) out[i + 1] = out[i] + lengths[i];
        return out;
    }

    /** OpenCV's perspective map taking the four points {@code from} onto {@code to}. */
    private static Matrix perspective(double[] from, double[] to) {
        try (Mat a = new Mat(4, 1, CV_32FC2); Mat b = new Mat(4, 1, CV_32FC2)) {
            FloatBuffer fa = a.createBuffer(), fb = b.createBuffer();
            for (int i = 0; i < 8; i++) {
                fa.put(i, (float) from[i]);
                fb.put(i, (float) to[i]);
            }
            try (Mat m = getPerspectiveTransform(a, b)) {
                double[] v = new double[9];
                ((DoubleBuffer) m.createBuffer()).get(v);
                return Matrix.of(v);
            }
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_grid_xy", numGridXy);
        m.put("magnitude", magnitude);
        m.put("interpolation", resampling.interpolation());
        m.put("mask_interpolation", resampling.maskInterpolation());
        return m;
    }
}
