package org.augment4j.transform.warp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.internal.geometry.ProjectiveGeometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;

/**
 * A random four-point perspective: each image corner moves inwards by {@code |N(0, σ)| mod 0.32} of the side, σ drawn
 * from {@code scale}, and the homography that takes the moved quadrilateral onto the frame is applied. Albumentations'
 * {@code Perspective} (2.0.8): scale (0.05, 0.1) (a scalar x means (0, x)), keep_size true, fit_output false,
 * interpolation 1, mask_interpolation 0, border_mode 0 (constant; 1.3: pad_mode), fill / fill_mask 0 (1.3: pad_val / mask_pad_val),
 * p = 0.5. Recorded as Albumentations does: {@code matrix} (row-major 3 × 3), {@code max_height}, {@code max_width}.
 *
 * <p>Output size: with keep_size, the input size — the resize back is composed into the homography, so it is one
 * warpPerspective (as 2.0.8); without it, {@code max_width × max_height}, the longer opposite sides of the quadrilateral
 * (with fit_output: the canvas holding the whole warped frame). Targets: image, mask, bboxes (the four corners, in
 * pixel-edge coordinates), keypoints (angle and scale follow the local Jacobian of the map).
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as files of 1.x releases) warps
 * masks with the image's pad_val (its mask_pad_val is unused), and a one-number pad_val reaches OpenCV as
 * {@code Scalar(v)}, so it fills only the first channel ({@link ScalarFill}).
 */
public final class Perspective extends SpatialTransform<Perspective.Homography> {
    /** The sampled homography (before the keep_size resize) and the warped canvas size. */
    public record Homography(double[] matrix, int maxHeight, int maxWidth) {}

    private final Range scale;
    private final boolean keepSize;
    private final boolean fitOutput;
    private final Resampling declared; // as given; the warp uses the release's (see #warpFills)
    private final Semantics semantics;

    /**
     * @param scale      {@code scale}: range of σ, the corner shift's standard deviation as a fraction of the side
     * @param keepSize   {@code keep_size}: whether the output keeps the input size
     * @param fitOutput  {@code fit_output}: whether the canvas grows to hold the whole warped frame (without {@code keepSize})
     * @param resampling {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                   {@code fill_mask}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public Perspective(Range scale, boolean keepSize, boolean fitOutput, Resampling resampling, double p) {
        this(scale, keepSize, fitOutput, resampling, p, Semantics.ALBUMENTATIONS_2);
    }

    private Perspective(Range scale, boolean keepSize, boolean fitOutput, Resampling resampling, double p, Semantics semantics) {
        super(p, warpFills(resampling, semantics));
        this.declared = resampling;
        this.semantics = semantics;
        this.scale = Check.range(name(), "scale", scale, 0, 1e6);
        this.keepSize = keepSize;
        this.fitOutput = fitOutput;
    }

    /** Albumentations' defaults. */
    public Perspective() {
        this(Range.of(0.05, 0.1), true, false, Resampling.defaults(), 0.5);
    }

    static Perspective fromDict(Params r) {
        Range scale = r.range("scale", Range.of(0.05, 0.1), Params.Scalar.UPPER, 0);
        Resampling rs = r.resampling(1, 0);
        int padMode = r.integer("pad_mode", -1);
        Fill padVal = r.fill(null, "pad_val"), maskPadVal = r.fill(null, "mask_pad_val");
        int border = r.has("border_mode") || r.has("mode") || padMode < 0 ? rs.borderMode() : padMode;
        rs = new Resampling(rs.interpolation(), rs.maskInterpolation(), border,
                r.has("fill") || padVal == null ? rs.fill() : padVal, r.has("fill_mask") || maskPadVal == null ? rs.fillMask() : maskPadVal);
        return new Perspective(scale, r.bool("keep_size", true), r.bool("fit_output", false), rs, r.p(0.5));
    }

    /**
     * The fills the warp uses. 1.3.1 warps masks with the image's {@code apply}, so they get pad_val (mask_pad_val is
     * unused), and hands a one-number pad_val to OpenCV as is ({@link ScalarFill#FIRST_CHANNEL}).
     */
    private static Resampling warpFills(Resampling declared, Semantics semantics) {
        if (semantics != Semantics.ALBUMENTATIONS_1_3) return declared;
        return ScalarFill.FIRST_CHANNEL.apply(declared.withFill(declared.fill(), declared.fill()));
    }

    /** This Perspective with the given release's fills (see {@link #warpFills}). */
    @Override
    public Perspective withSemantics(Semantics semantics) {
        Semantics s = semantics == Semantics.ALBUMENTATIONS_1_3 ? semantics : Semantics.ALBUMENTATIONS_2;
        return s == this.semantics ? this : new Perspective(scale, keepSize, fitOutput, declared, probability(), s);
    }

    @Override
    public Homography sampleParams(Sample s, RandomGenerator rng) {
        int w = s.width(), h = s.height();
        double sigma = scale.uniform(rng);
        double[][] quad = Homographies.order(Homographies.jitteredCorners(w, h, sigma, rng));
        Matrix m = Homographies.rectify(quad, w, h);
        int[] size = Homographies.size(quad);
        if (fitOutput) {
            Homographies.Expanded e = Homographies.expand(m, w, h);
            return new Homography(e.matrix().values(), e.height(), e.width());
        }
        return new Homography(m.values(), size[1], size[0]);
    }

    @Override
    protected Geometry geometry(Sample s, Homography p) {
        Check.that(p.matrix().length == 9 && p.maxWidth() > 0 && p.maxHeight() > 0, name(),
                "matrix must have 9 values and max_width, max_height be > 0, got " + p);
        Matrix m = Matrix.of(p.matrix());
        if (!keepSize) return new ProjectiveGeometry(m, p.maxWidth(), p.maxHeight());
        int w = s.width(), h = s.height();
        return new ProjectiveGeometry(m.then(Matrix.scale((double) w / p.maxWidth(), (double) h / p.maxHeight())), w, h);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("keep_size", keepSize);
        m.put("fit_output", fitOutput);
        declared.putArgs(m);
        return m;
    }
}
