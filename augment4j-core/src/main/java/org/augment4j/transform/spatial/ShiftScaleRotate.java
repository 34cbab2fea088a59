package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Shifts, scales and rotates in one affine warp about the image centre. Albumentations' {@code ShiftScaleRotate}:
 * shift_limit (-0.0625, 0.0625) as fractions of the size (shift_limit_x / shift_limit_y override it per axis),
 * scale_limit (-0.1, 0.1) added to 1, rotate_limit (-45, 45) degrees (scalars mean ±x), interpolation 1,
 * mask_interpolation 0, border_mode 0 (constant), fill / fill_mask 0 (1.3: value / mask_value),
 * rotate_method "largest_box", p = 0.5. Targets: image, mask, bboxes, keypoints. Limits may be any finite numbers (a
 * scale fixed at 0 is refused).
 *
 * <p>Albumentations 2.0.8 (the default) runs it as an {@link Affine}: x and y scales drawn independently, shifts
 * truncated to whole pixels, boxes through 2.0.8's box matrix about {@code (w/2, h/2)}, keypoints angle + θ and scale ×
 * max(sx, sy).
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}): one scale for both axes and
 * fractional shifts; the matrix is OpenCV's {@code getRotationMatrix2D((w/2 − 0.5, h/2 − 0.5), angle, scale)} with
 * {@code dx·w, dy·h} added to its translation, for images, masks and keypoints (angle + θ, scale × s); boxes follow the
 * same map about {@code (w/2, h/2)} in pixel-edge coordinates (corners, or the inscribed ellipse for "ellipse"). A
 * one-number value / mask_value reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel. A 1.x file
 * that leaves border_mode out gets 1.3.1's default 4 (reflect_101).
 */
public final class ShiftScaleRotate extends SpatialTransform<Affine.Sampled> {
    private final Range shiftX;
    private final Range shiftY;
    private final Range scale;
    private final Range rotate;
    private final BoxMethod rotateMethod;
    private final Convention convention;
    private final Resampling declared; // as given; the warp uses the convention's

    /** Where Albumentations 1.3.1 and 2.0.8 differ: sampling, and the map of labels. */
    private enum Convention {
        /** 2.0.8, an {@link Affine}: x and y scales drawn apart, shifts truncated to whole pixels. */
        ALBUMENTATIONS_2 {
            @Override
            Affine.Sampled sample(ShiftScaleRotate t, int w, int h, RandomGenerator rng) {
                double tx = (int) (t.shiftX.uniform(rng) * w), ty = (int) (t.shiftY.uniform(rng) * h);
                double sx = t.scale.uniform(rng), sy = t.scale.uniform(rng);
                return new Affine.Sampled(sx, sy, tx, ty, t.rotate.uniform(rng), 0, 0);
            }

            @Override
            AffineGeometry geometry(Affine.Sampled p, int w, int h, BoxMethod method) {
                return Affine.geometry(p, w, h, false, method, true);
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared;
            }
        },
        /**
         * 1.3.1: one scale, fractional shifts; OpenCV's rotation matrix about {@code (w/2 − 0.5, h/2 − 0.5)} plus the
         * shift for images, masks and keypoints (angle + θ, scale × s), the same map in pixel-edge coordinates (about
         * {@code (w/2, h/2)}) for boxes.
         */
        ALBUMENTATIONS_1_3 {
            @Override
            Affine.Sampled sample(ShiftScaleRotate t, int w, int h, RandomGenerator rng) {
                double angle = t.rotate.uniform(rng), s = t.scale.uniform(rng);
                double dx = t.shiftX.uniform(rng), dy = t.shiftY.uniform(rng);
                return new Affine.Sampled(s, s, dx * w, dy * h, angle, 0, 0);
            }

            @Override
            AffineGeometry geometry(Affine.Sampled p, int w, int h, BoxMethod method) {
                Matrix m = Matrix.rotation(w / 2.0 - 0.5, h / 2.0 - 0.5, p.rotate(), p.scaleX()).then(Matrix.translation(p.translateX(), p.translateY()));
                return AffineGeometry.of(m, KeypointRule.rotate(Math.toRadians(p.rotate()), p.scaleX()), w, h).withBoxMethod(method);
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared.withFirstChannelFills();
            }
        };

        abstract Affine.Sampled sample(ShiftScaleRotate t, int w, int h, RandomGenerator rng);

        abstract AffineGeometry geometry(Affine.Sampled p, int w, int h, BoxMethod method);

        /** The resampling the warp uses: 1.3.1 hands a one-number fill to OpenCV as is (first channel only). */
        abstract Resampling resampling(Resampling declared);

        static Convention of(Semantics s) {
            return s == Semantics.ALBUMENTATIONS_1_3 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
        }
    }

    /**
     * @param shiftX       {@code shift_limit_x}: range of the x shift as a fraction of the width
     * @param shiftY       {@code shift_limit_y}: range of the y shift as a fraction of the height
     * @param scaleLimit   {@code scale_limit}: range added to 1 to give the scale factor; not fixed at -1
     * @param rotateLimit  {@code rotate_limit}: range of the angle in degrees
     * @param resampling   {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                     {@code fill_mask}
     * @param rotateMethod {@code rotate_method}: how boxes are carried through the rotation
     * @param p            probability of applying the transform, in [0, 1]
     */
    public ShiftScaleRotate(Range shiftX, Range shiftY, Range scaleLimit, Range rotateLimit, Resampling resampling, BoxMethod rotateMethod, double p) {
        this(shiftX, shiftY, Range.of(scaleLimit.min() + 1, scaleLimit.max() + 1), rotateLimit, resampling, rotateMethod, p, Convention.ALBUMENTATIONS_2);
    }

    private ShiftScaleRotate(Range shiftX, Range shiftY, Range scale, Range rotate, Resampling resampling, BoxMethod rotateMethod, double p,
                             Convention convention) {
        super(p, convention.resampling(resampling));
        this.shiftX = Check.finite(name(), "shift_limit_x", shiftX);
        this.shiftY = Check.finite(name(), "shift_limit_y", shiftY);
        Check.that(Double.isFinite(scale.min()) && Double.isFinite(scale.max()) && (scale.min() != 0 || scale.max() != 0), name(),
                "scale_limit must be finite numbers, not fixed at -1 (a scale of 0 collapses the image to a point), got "
                        + Range.of(scale.min() - 1, scale.max() - 1));
        this.scale = scale;
        this.rotate = Check.finite(name(), "rotate_limit", rotate);
        this.rotateMethod = rotateMethod;
        this.convention = convention;
        this.declared = resampling;
    }

    /** Albumentations' defaults. */
    public ShiftScaleRotate() {
        this(Range.symmetric(0.0625), Range.symmetric(0.0625), Range.symmetric(0.1), Range.symmetric(45), Resampling.defaults(), BoxMethod.LARGEST_BOX, 0.5);
    }

    static ShiftScaleRotate fromDict(Params r) {
        Range shift = r.range("shift_limit", Range.symmetric(0.0625), Params.Scalar.SYMMETRIC);
        Range sx = r.range("shift_limit_x", shift, Params.Scalar.SYMMETRIC);
        Range sy = r.range("shift_limit_y", shift, Params.Scalar.SYMMETRIC);
        Range scale = r.range("scale_limit", Range.symmetric(0.1), Params.Scalar.SYMMETRIC);
        Range rot = r.range("rotate_limit", Range.symmetric(45), Params.Scalar.SYMMETRIC);
        return new ShiftScaleRotate(sx, sy, scale, rot, r.resampling(1, r.byRelease(4, 0)), BoxMethod.read(r), r.p(0.5));
    }

    @Override
    public Affine.Sampled sampleParams(Sample s, RandomGenerator rng) {
        return convention.sample(this, s.width(), s.height(), rng);
    }

    @Override
    protected Geometry geometry(Sample s, Affine.Sampled p) {
        return convention.geometry(p, s.width(), s.height(), rotateMethod);
    }

    /** This ShiftScaleRotate with the sampling and label maps of the given release. */
    @Override
    public ShiftScaleRotate withSemantics(Semantics semantics) {
        Convention c = Convention.of(semantics);
        return c == convention ? this : new ShiftScaleRotate(shiftX, shiftY, scale, rotate, declared, rotateMethod, probability(), c);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shift_limit_x", shiftX);
        m.put("shift_limit_y", shiftY);
        m.put("scale_limit", Range.of(scale.min() - 1, scale.max() - 1));
        m.put("rotate_limit", rotate);
        declared.putArgs(m);
        m.put("rotate_method", rotateMethod.id());
        return m;
    }
}
