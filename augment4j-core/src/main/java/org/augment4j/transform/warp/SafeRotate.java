package org.augment4j.transform.warp;

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
 * Rotates by an angle drawn from {@code limit} (degrees, counter-clockwise on screen) about the centre and scales the
 * result so the whole rotated image fits the original frame: nothing is cut, and the output size equals the input size.
 * Albumentations' {@code SafeRotate} (2.0.8): limit (-90, 90) (a scalar x means (-x, x)), interpolation 1,
 * mask_interpolation 0, border_mode 0 (constant), fill / fill_mask 0 (1.3: value / mask_value), rotate_method
 * "largest_box" or "ellipse", p = 0.5. Targets: image, mask, bboxes, keypoints (angle + the matrix rotation, scale ×
 * max(sx, sy)). The limit may be any finite numbers.
 *
 * <p>Albumentations 2.0.8 (the default): the rotated image's bounding canvas is
 * {@code int(h·|sin| + w·|cos|) × int(h·|cos| + w·|sin|)}, and it is squeezed back to {@code w × h} with separate x and
 * y factors (so a non-square image is slightly distorted). Images, masks and keypoints use the map about
 * {@code (w/2 − 0.5, h/2 − 0.5)}, boxes the same map about {@code (w/2, h/2)}; 2.0.8 moves the pixel-centre map into
 * the canvas as if it were the edge one, so images and keypoints sit half a (squeezed) pixel right of and below the
 * boxes — at angle 0 they move by (0.5, 0.5). Kept for pixel parity.
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}): the canvas is rounded up
 * ({@code ceil}), and one map — rotation about {@code (w/2, h/2)}, moved into the canvas, squeezed back — serves
 * images, masks, box corners and keypoints. Mapped keypoints are clipped to {@code [0, w − 1] × [0, h − 1]} (so one that
 * lands just outside is kept on the edge), their angle gains the rotation's value in degrees taken as radians (1.3.1
 * adds {@code angle} in degrees to the angle in radians) and their scale × max(sx, sy). 1.3.1's shifting of boxes that
 * leave the frame is not made: mapped boxes stay inside it up to rounding, which the pipeline's clipping removes. A
 * one-number value / mask_value reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel. A 1.x file
 * that leaves border_mode out gets 1.3.1's default 4 (reflect_101).
 */
public final class SafeRotate extends SpatialTransform<SafeRotate.Angle> {
    /** The sampled angle in degrees. */
    public record Angle(double angle) {}

    private final Range limit;
    private final BoxMethod rotateMethod;
    private final Convention convention;
    private final Resampling declared; // as given; the warp uses the convention's

    /** Where Albumentations 1.3.1 and 2.0.8 differ: the canvas, the centre, and how labels follow. */
    private enum Convention {
        /** 2.0.8: canvas truncated; images and keypoints about the pixel centre, boxes about {@code (w/2, h/2)}. */
        ALBUMENTATIONS_2 {
            @Override
            AffineGeometry geometry(double degrees, int w, int h, BoxMethod method) {
                int[] canvas = canvas(degrees, w, h, false);
                Matrix m = matrix(degrees, w / 2.0 - 0.5, h / 2.0 - 0.5, w, h, canvas);
                Matrix b = matrix(degrees, w / 2.0, h / 2.0, w, h, canvas);
                KeypointRule rule = KeypointRule.rotate(Math.atan2(-m.get(1, 0), m.get(0, 0)), squeeze(w, h, canvas));
                return AffineGeometry.of(m, rule, w, h).withBoxMatrix(b).withBoxMethod(method);
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared;
            }
        },
        /**
         * 1.3.1: canvas by ceil; one map about {@code (w/2, h/2)} for images, masks, box corners and keypoints, which
         * are then clipped to {@code [0, w − 1] × [0, h − 1]}; keypoint angles gain the angle's value in degrees taken as
         * radians (1.3.1 adds the degrees to the radian angle), scales × max(sx, sy).
         */
        ALBUMENTATIONS_1_3 {
            @Override
            AffineGeometry geometry(double degrees, int w, int h, BoxMethod method) {
                int[] canvas = canvas(degrees, w, h, true);
                Matrix m = matrix(degrees, w / 2.0, h / 2.0, w, h, canvas);
                KeypointRule rule = KeypointRule.rotate(degrees, squeeze(w, h, canvas));
                return new AffineGeometry(m, m, m, rule, method, w, h).withKeypointsClamped();
            }

            @Override
            Resampling resampling(Resampling declared) {
                return declared.withFirstChannelFills();
            }
        };

        abstract AffineGeometry geometry(double degrees, int w, int h, BoxMethod method);

        /** The resampling the warp uses: 1.3.1 hands a one-number fill to OpenCV as is (first channel only). */
        abstract Resampling resampling(Resampling declared);

        static Convention of(Semantics s) {
            return s == Semantics.ALBUMENTATIONS_1_3 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
        }
    }

    /**
     * @param limit        {@code limit}: range of the angle in degrees, finite
     * @param resampling   {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                     {@code fill_mask}
     * @param rotateMethod {@code rotate_method}: how boxes are carried through the rotation
     * @param p            probability of applying the transform, in [0, 1]
     */
    public SafeRotate(Range limit, Resampling resampling, BoxMethod rotateMethod, double p) {
        this(limit, resampling, rotateMethod, p, Convention.ALBUMENTATIONS_2);
    }

    private SafeRotate(Range limit, Resampling resampling, BoxMethod rotateMethod, double p, Convention convention) {
        super(p, convention.resampling(resampling));
        this.limit = Check.finite(name(), "limit", limit);
        this.rotateMethod = rotateMethod;
        this.convention = convention;
        this.declared = resampling;
    }

    /** Rotations within ±limit degrees, linear, constant zero border. */
    public SafeRotate(double limit, double p) {
        this(Range.symmetric(limit), Resampling.defaults(), BoxMethod.LARGEST_BOX, p);
    }

    static SafeRotate fromDict(Params r) {
        return new SafeRotate(r.range("limit", Range.of(-90, 90), Params.Scalar.SYMMETRIC), r.resampling(1, r.byRelease(4, 0)),
                BoxMethod.read(r), r.p(0.5));
    }

    @Override
    public Angle sampleParams(Sample sample, RandomGenerator rng) {
        return new Angle(limit.uniform(rng));
    }

    @Override
    protected Geometry geometry(Sample s, Angle p) {
        return convention.geometry(p.angle(), s.width(), s.height(), rotateMethod);
    }

    /** This SafeRotate with the canvas, centre and label maps of the given release. */
    @Override
    public SafeRotate withSemantics(Semantics semantics) {
        Convention c = Convention.of(semantics);
        return c == convention ? this : new SafeRotate(limit, declared, rotateMethod, probability(), c);
    }

    /** Rotation about {@code (cx, cy)}, moved into the rotated {@code canvas}, squeezed back to {@code w × h}. */
    static Matrix matrix(double degrees, double cx, double cy, int w, int h, int[] canvas) {
        return Matrix.rotation(cx, cy, degrees, 1.0)
                .then(Matrix.translation(canvas[0] / 2.0 - cx, canvas[1] / 2.0 - cy))
                .then(Matrix.scale((double) w / canvas[0], (double) h / canvas[1]));
    }

    /** The rotated image's canvas, {width, height}: rounded up (1.3.1) or truncated (2.0.8) to whole pixels. */
    static int[] canvas(double degrees, int w, int h, boolean ceil) {
        Matrix r = Matrix.rotation(0, 0, degrees, 1.0);
        double cos = Math.abs(r.get(0, 0)), sin = Math.abs(r.get(0, 1));
        double cw = h * sin + w * cos, ch = h * cos + w * sin;
        return new int[] {Math.max(1, (int) (ceil ? Math.ceil(cw) : cw)), Math.max(1, (int) (ceil ? Math.ceil(ch) : ch))};
    }

    /** The keypoint scale factor: the larger of the x and y squeeze factors. */
    private static double squeeze(int w, int h, int[] canvas) {
        return Math.max((double) w / canvas[0], (double) h / canvas[1]);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", limit);
        declared.putArgs(m);
        m.put("rotate_method", rotateMethod.id());
        return m;
    }
}
