package org.augment4j.transform.distortion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;

/**
 * Stretches and squeezes the cells of a regular grid: Albumentations' {@code GridDistortion}. Each axis is cut into
 * {@code num_steps} cells of {@code size / num_steps} pixels (plus a last cell with what remains); every cell's length
 * is multiplied by {@code 1 + d}, d drawn from {@code distort_limit} per cell and axis, and each cell samples the source
 * along a {@code linspace} from its first node to its last, both included (see {@link DistortionKernels#gridAxis}), as
 * Albumentations does; so even distort_limit 0 stretches every cell by one pixel.
 *
 * <p>Parameters (2.0.8 names and defaults): num_steps 5 (≥ 1), distort_limit (-0.3, 0.3) (a scalar x means (-x, x);
 * within [-1, 1]), interpolation 1 (linear), normalized true (the steps are rescaled so that the distorted grid spans
 * the image's full cells), mask_interpolation 0, border_mode 0 (constant), fill 0, fill_mask 0 (1.3: value /
 * mask_value), p 0.5; 2.x's keypoint_remapping_method is accepted. Targets: image, mask, bboxes (re-fitted around the
 * warped box region), keypoints (moved with the pixels under them).
 *
 * <p>Where the releases differ ({@link #withSemantics}): a last cell cut short by the image edge ends exactly at the
 * edge in 1.x, and {@code step · (1 + d)} after its start in 2.x; in 1.x a one-number value / mask_value reaches
 * OpenCV as {@code Scalar(v)}, so it fills only the first channel ({@link ScalarFill}). A 1.x file that leaves them out
 * gets 1.3.1's defaults normalized false and border_mode 4 (reflect_101).
 */
public final class GridDistortion extends SpatialTransform<GridDistortion.Steps> {
    /** The sampled relative cell lengths {@code 1 + d} along x and y ({@code num_steps + 1} each), before normalising. */
    public record Steps(double[] stepsX, double[] stepsY) {}

    private final int numSteps;
    private final Range distortLimit;
    private final boolean normalized;
    private final boolean lastCellToEdge; // Albumentations 1.x
    private final Resampling declared; // as given; the warp uses the release's one-number fills

    /**
     * @param numSteps     {@code num_steps}: grid cells per axis, {@code >= 1}
     * @param distortLimit {@code distort_limit}: range of the relative change {@code d} of each cell's length, within [-1, 1]
     * @param normalized   {@code normalized}: whether the steps are rescaled so the distorted grid spans the image
     * @param resampling   {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                     {@code fill_mask}
     * @param p            probability of applying the transform, in [0, 1]
     */
    public GridDistortion(int numSteps, Range distortLimit, boolean normalized, Resampling resampling, double p) {
        this(numSteps, distortLimit, normalized, resampling, false, p);
    }

    private GridDistortion(int numSteps, Range distortLimit, boolean normalized, Resampling resampling, boolean lastCellToEdge, double p) {
        super(p, (lastCellToEdge ? ScalarFill.FIRST_CHANNEL : ScalarFill.EVERY_CHANNEL).apply(resampling));
        this.declared = resampling;
        this.numSteps = Check.positive(name(), "num_steps", numSteps);
        this.distortLimit = Check.range(name(), "distort_limit", distortLimit, -1, 1);
        this.normalized = normalized;
        this.lastCellToEdge = lastCellToEdge;
    }

    /** Albumentations 2.0.8 defaults. */
    public GridDistortion() {
        this(5, Range.of(-0.3, 0.3), true, Resampling.defaults(), 0.5);
    }

    static GridDistortion fromDict(Params r) {
        DistortionParams.keypointRemapping(r);
        return new GridDistortion(r.integer("num_steps", 5), r.range("distort_limit", Range.of(-0.3, 0.3), Params.Scalar.SYMMETRIC),
                r.bool("normalized", r.byRelease(false, true)), DistortionParams.resampling(r, 1, r.byRelease(4, 0), false), r.p(0.5));
    }

    @Override
    public Steps sampleParams(Sample sample, RandomGenerator rng) {
        double[] x = new double[numSteps + 1], y = new double[numSteps + 1];
        for (int i = 0; i <= numSteps; i++) x[i] = 1 + distortLimit.uniform(rng);
        for (int i = 0; i <= numSteps; i++) y[i] = 1 + distortLimit.uniform(rng);
        return new Steps(x, y);
    }

    @Override
    public GridDistortion withSemantics(Semantics semantics) {
        boolean toEdge = semantics == Semantics.ALBUMENTATIONS_1_3;
        return toEdge == lastCellToEdge ? this : new GridDistortion(numSteps, distortLimit, normalized, declared, toEdge, probability());
    }

    @Override
    protected Geometry geometry(Sample s, Steps p) {
        return DistortionMaps.separable(axis(s.width(), p.stepsX()), axis(s.height(), p.stepsY()));
    }

    private float[] axis(int size, double[] steps) {
        return DistortionKernels.gridAxis(size, numSteps, normalized ? DistortionKernels.normalizedSteps(size, numSteps, steps) : steps, lastCellToEdge);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_steps", numSteps);
        m.put("distort_limit", distortLimit);
        m.put("normalized", normalized);
        declared.putArgs(m);
        return m;
    }
}
