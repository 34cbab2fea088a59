package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.LabelGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Scales, translates, rotates and shears about the image centre in one warp. Albumentations' {@code Affine} (2.0.8):
 * scale (default 1), translate_percent or translate_px (default none: no translation), rotate (default 0, degrees),
 * shear (default 0, degrees), each a number, a [min, max] range or {x, y} (an axis missing from {x, y} is 1.0 for scale
 * and — as 2.0.8 does — for shear, 0 for translations); interpolation 1, mask_interpolation 0, fill / fill_mask 0
 * (1.3: cval / cval_mask), border_mode 0 (1.3: mode), fit_output false, keep_ratio false (true needs equal x and y
 * scale ranges), rotate_method "largest_box", balanced_scale false (true: each axis' scale is drawn from [min, 1] or
 * [1, max] with equal odds), p = 0.5. Targets: image, mask, bboxes, keypoints (angle + θ, scale × max(sx, sy)). Values
 * may be any finite numbers, as Albumentations accepts (a scale fixed at 0, which collapses the image, is refused).
 *
 * <p>Albumentations 2.0.8 (the default): the matrix is about the centre {@code (w/2 − 0.5, h/2 − 0.5)}, scale, then
 * rotate, then shear ({@code [[1, tan(−shx)], [tan(−shy), 1]]}), then translate (translate_percent × size truncated to
 * whole pixels). fit_output grows the canvas to hold the warped image edges (floor / ceil + 1) and moves it in. Boxes
 * follow that centre matrix applied to pixel-edge corners, as 1.3.1 does; 2.0.8 uses the same map about
 * {@code (w/2, h/2)}, a sub-pixel difference. 2.0.8's extra reflected copies of labels under reflecting border modes are
 * not made.
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as pipeline files of 1.x
 * releases get; {@code SkimageAffine}): the matrix is scikit-image's {@code AffineTransform(scale, rotation, shear,
 * translation)} with rotation and x-shear negated, after a separate y-shear step (rotate −90°, shear, rotate +90°);
 * translate_percent × size stays fractional; fit_output maps the corner pixel centres, sizes the canvas
 * {@code ceil(max − min + 1)} and moves the (float) minimum to 0; a matrix within numpy's {@code allclose} of the
 * identity leaves every target as it is. Boxes map their pixel-edge corners through the matrix (an ellipse is centred
 * half a pixel up and left first); keypoints follow the matrix (angle + its rotation, scale × max(sx, sy)). A one-number
 * cval / cval_mask reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel. Parameters are sampled alike
 * (x and y scales apart; {@code keep_ratio} makes them equal). A 1.x file giving none of scale, translate_percent,
 * translate_px, rotate and shear gets 1.3.1's mild random affine: scale (0.9, 1.1), translate_percent (-0.1, 0.1),
 * rotate (-15, 15), shear (-10, 10) (any one given: the others are the identity, as in 2.x).
 */
public final class Affine extends SpatialTransform<Affine.Sampled> {
    /** The sampled parameters: scales, translation in pixels, rotation and shears in degrees. */
    public record Sampled(double scaleX, double scaleY, double translateX, double translateY, double rotate, double shearX, double shearY) {}

    private final AxisRanges scale;
    private final AxisRanges translatePercent;
    private final AxisRanges translatePx;
    private final Range rotate;
    private final AxisRanges shear;
    private final boolean fitOutput;
    private final boolean keepRatio;
    private final BoxMethod rotateMethod;
    private final boolean balancedScale;
    private final Convention convention;
    private final Resampling declared; // as given; the warp uses the convention's (see Convention#resampling)

    /** Where Albumentations 1.3.1 and 2.0.8 differ: how translate_percent becomes pixels, and the map. */
    private enum Convention {
        /** 2.0.8: translate_percent × size truncated to whole pixels; {@link Affine#geometry(Sampled, int, int, boolean, BoxMethod, boolean)}. */
        ALBUMENTATIONS_2 {
            @Override
            double pixels(double fraction, int size) {
                return (int) (fraction * size);
            }

            @Override
            AffineGeometry geometry(Sampled p, int w, int h, boolean fitOutput, BoxMethod method) {
                return Affine.geometry(p, w, h, fitOutput, method, false);
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared;
            }
        },
        /** 1.3.1: translate_percent × size kept fractional; {@link SkimageAffine}. */
        ALBUMENTATIONS_1_3 {
            @Override
            double pixels(double fraction, int size) {
                return fraction * size;
            }

            @Override
            AffineGeometry geometry(Sampled p, int w, int h, boolean fitOutput, BoxMethod method) {
                return SkimageAffine.geometry(p, w, h, fitOutput, method);
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared.withFirstChannelFills();
            }
        };

        abstract double pixels(double fraction, int size);

        /** The resampling the warp uses: 1.3.1 hands a one-number fill to OpenCV as is (first channel only). */
        abstract Resampling resampling(Resampling declared);

        abstract AffineGeometry geometry(Sampled p, int w, int h, boolean fitOutput, BoxMethod method);

        static Convention of(Semantics s) {
            return s == Semantics.ALBUMENTATIONS_1_3 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
        }
    }

    /**
     * @param scale            {@code scale}: scale factors per axis (1 keeps the size); not fixed at 0
     * @param translatePercent {@code translate_percent}: shift per axis as fractions of the image size, or null
     * @param translatePx      {@code translate_px}: shift per axis in pixels, or null; at most one of the two translations
     *                         may be given (neither: no translation)
     * @param rotate           {@code rotate}: rotation angle in degrees
     * @param shear            {@code shear}: shear angles per axis in degrees
     * @param resampling       {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                         {@code fill_mask}
     * @param fitOutput        {@code fit_output}: whether the canvas grows to hold the whole warped image
     * @param keepRatio        {@code keep_ratio}: whether x and y use one drawn scale (needs equal x and y scale ranges)
     * @param rotateMethod     {@code rotate_method}: how boxes are carried through the rotation
     * @param balancedScale    {@code balanced_scale}: whether each scale is drawn from [min, 1] or [1, max] with equal odds
     * @param p                probability of applying the transform, in [0, 1]
     */
    public Affine(AxisRanges scale, AxisRanges translatePercent, AxisRanges translatePx, Range rotate, AxisRanges shear,
                  Resampling resampling, boolean fitOutput, boolean keepRatio, BoxMethod rotateMethod, boolean balancedScale, double p) {
        this(scale, translatePercent, translatePx, rotate, shear, resampling, fitOutput, keepRatio, rotateMethod, balancedScale, p, Convention.ALBUMENTATIONS_2);
    }

    private Affine(AxisRanges scale, AxisRanges translatePercent, AxisRanges translatePx, Range rotate, AxisRanges shear,
                   Resampling resampling, boolean fitOutput, boolean keepRatio, BoxMethod rotateMethod, boolean balancedScale, double p,
                   Convention convention) {
        super(p, convention.resampling(resampling));
        finite("scale", scale);
        Check.that(!zero(scale.x()) && !zero(scale.y()), name(), "scale must not be fixed at 0 (that collapses the image to a point), got " + scale);
        if (translatePercent != null) finite("translate_percent", translatePercent);
        if (translatePx != null) finite("translate_px", translatePx);
        Check.finite(name(), "rotate", rotate);
        finite("shear", shear);
        Check.that(translatePercent == null || translatePx == null, name(), "give translate_percent or translate_px, not both");
        Check.that(!keepRatio || scale.same(), name(), "keep_ratio needs identical x and y scale ranges, got " + scale);
        this.scale = scale;
        this.translatePercent = translatePercent;
        this.translatePx = translatePx == null && translatePercent == null ? AxisRanges.both(Range.fixed(0)) : translatePx;
        this.rotate = rotate;
        this.shear = shear;
        this.fitOutput = fitOutput;
        this.keepRatio = keepRatio;
        this.rotateMethod = rotateMethod;
        this.balancedScale = balancedScale;
        this.convention = convention;
        this.declared = resampling;
    }

    private static boolean zero(Range r) {
        return r.min() == 0 && r.max() == 0;
    }

    private void finite(String param, AxisRanges r) {
        Check.finite(name(), param + ".x", r.x());
        Check.finite(name(), param + ".y", r.y());
    }

    /**
     * As the full constructor with {@code balanced_scale} false.
     *
     * @param scale            {@code scale}: scale factors per axis (1 keeps the size); not fixed at 0
     * @param translatePercent {@code translate_percent}: shift per axis as fractions of the image size, or null
     * @param translatePx      {@code translate_px}: shift per axis in pixels, or null (not both translations)
     * @param rotate           {@code rotate}: rotation angle in degrees
     * @param shear            {@code shear}: shear angles per axis in degrees
     * @param resampling       interpolations, border mode and fills
     * @param fitOutput        {@code fit_output}: whether the canvas grows to hold the whole warped image
     * @param keepRatio        {@code keep_ratio}: whether x and y use one drawn scale
     * @param rotateMethod     {@code rotate_method}: how boxes are carried through the rotation
     * @param p                probability of applying the transform, in [0, 1]
     */
    public Affine(AxisRanges scale, AxisRanges translatePercent, AxisRanges translatePx, Range rotate, AxisRanges shear,
                  Resampling resampling, boolean fitOutput, boolean keepRatio, BoxMethod rotateMethod, double p) {
        this(scale, translatePercent, translatePx, rotate, shear, resampling, fitOutput, keepRatio, rotateMethod, false, p);
    }

    static Affine fromDict(Params r) {
        // 1.3.1: a map giving none of the five geometry parameters gets a random mild affine instead of the identity
        boolean mild = r.byRelease(true, false) && Stream.of("scale", "translate_percent", "translate_px", "rotate", "shear").noneMatch(r::has);
        return new Affine(AxisRanges.read(r, "scale", AxisRanges.both(mild ? Range.of(0.9, 1.1) : Range.fixed(1)), 1.0),
                AxisRanges.read(r, "translate_percent", mild ? AxisRanges.both(Range.of(-0.1, 0.1)) : null, 0.0), AxisRanges.read(r, "translate_px", null, 0.0),
                r.range("rotate", mild ? Range.of(-15, 15) : Range.fixed(0), Params.Scalar.FIXED),
                AxisRanges.read(r, "shear", AxisRanges.both(mild ? Range.of(-10, 10) : Range.fixed(0)), 1.0),
                r.resampling(1, 0), r.bool("fit_output", false), r.bool("keep_ratio", false),
                BoxMethod.read(r), r.bool("balanced_scale", false), r.p(0.5));
    }

    @Override
    public Sampled sampleParams(Sample s, RandomGenerator rng) {
        double tx, ty;
        if (translatePx != null) {
            tx = Range.of((int) translatePx.x().min(), (int) translatePx.x().max()).randint(rng);
            ty = Range.of((int) translatePx.y().min(), (int) translatePx.y().max()).randint(rng);
        } else {
            tx = convention.pixels(translatePercent.x().uniform(rng), s.width());
            ty = convention.pixels(translatePercent.y().uniform(rng), s.height());
        }
        double shx = shear.x().uniform(rng), shy = shear.y().uniform(rng);
        double sx = scale(scale.x(), rng), sy = scale(scale.y(), rng);
        if (keepRatio) sy = sx;
        return new Sampled(sx, sy, tx, ty, rotate.uniform(rng), shx, shy);
    }

    /** One axis' scale; balanced: first a fair choice between [min, 1] and [1, max] where both exist. */
    private double scale(Range r, RandomGenerator rng) {
        if (!balancedScale) return r.uniform(rng);
        boolean below = r.min() < 1, above = r.max() > 1;
        if (below && above) return rng.nextBoolean() ? Range.of(r.min(), 1).uniform(rng) : Range.of(1, r.max()).uniform(rng);
        if (below) return Range.of(r.min(), 1).uniform(rng);
        if (above) return Range.of(1, r.max()).uniform(rng);
        return 1.0;
    }

    @Override
    protected Geometry geometry(Sample s, Sampled p) {
        return convention.geometry(p, s.width(), s.height(), fitOutput, rotateMethod);
    }

    /** This Affine with the map and translation rounding of the given release. */
    @Override
    public Affine withSemantics(Semantics semantics) {
        Convention c = Convention.of(semantics);
        return c == convention ? this
                : new Affine(scale, translatePercent, translatePx, rotate, shear, declared, fitOutput, keepRatio, rotateMethod, balancedScale, probability(), c);
    }

    /**
     * The geometry of sampled parameters on a {@code w × h} image. Boxes follow the centre matrix ({@code edgeBoxes}
     * false, as 1.3.1) or 2.0.8's box matrix about {@code (w/2, h/2)} (true). Keypoint angles gain the matrix rotation.
     */
    static AffineGeometry geometry(Sampled p, int w, int h, boolean fitOutput, BoxMethod method, boolean edgeBoxes) {
        Matrix m = matrix(p, w / 2.0 - 0.5, h / 2.0 - 0.5);
        Matrix b = edgeBoxes ? matrix(p, w / 2.0, h / 2.0) : m;
        int ow = w, oh = h;
        if (fitOutput) {
            double[] f = fit(m, w, h);
            m = m.then(Matrix.translation(-f[0], -f[1]));
            ow = (int) f[2];
            oh = (int) f[3];
            double[] fb = edgeBoxes ? fit(b, w, h) : f;
            b = edgeBoxes ? b.then(Matrix.translation(-fb[0], -fb[1])) : m;
        }
        KeypointRule rule = KeypointRule.rotate(Math.atan2(-m.get(1, 0), m.get(0, 0)), Math.max(p.scaleX(), p.scaleY()));
        return AffineGeometry.of(m, rule, ow, oh).withBoxMatrix(b).withBoxMethod(method);
    }

    /** 2.0.8's matrix: about {@code (cx, cy)}, scale, rotate, shear, translate. */
    static Matrix matrix(Sampled p, double cx, double cy) {
        double r = Math.toRadians(p.rotate() % 360);
        Matrix rot = Matrix.affine(Math.cos(r), Math.sin(r), 0, -Math.sin(r), Math.cos(r), 0);
        Matrix shear = Matrix.affine(1, Math.tan(Math.toRadians(-p.shearX())), 0, Math.tan(Math.toRadians(-p.shearY())), 1, 0);
        return Matrix.translation(-cx, -cy).then(Matrix.scale(p.scaleX(), p.scaleY())).then(rot).then(shear)
                .then(Matrix.translation(p.translateX(), p.translateY())).then(Matrix.translation(cx, cy));
    }

    /** {minX, minY, width, height} of the canvas holding the warped image edges (floor / ceil, + 1 as 2.0.8). */
    private static double[] fit(Matrix m, int w, int h) {
        double[] b = LabelGeometry.bounds(new double[][] {m.apply(0, 0), m.apply(w, 0), m.apply(w, h), m.apply(0, h)});
        double x0 = Math.floor(b[0]), y0 = Math.floor(b[1]);
        return new double[] {x0, y0, Math.ceil(b[2]) - x0 + 1, Math.ceil(b[3]) - y0 + 1};
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale.toJson());
        m.put("translate_percent", translatePercent == null ? null : translatePercent.toJson());
        m.put("translate_px", translatePx == null ? null : translatePx.toJson());
        m.put("rotate", rotate);
        m.put("shear", shear.toJson());
        declared.putArgs(m);
        m.put("fit_output", fitOutput);
        m.put("keep_ratio", keepRatio);
        m.put("rotate_method", rotateMethod.id());
        m.put("balanced_scale", balancedScale);
        return m;
    }
}
