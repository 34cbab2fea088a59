package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.AffineGeometry;
import org.augment4j.geometry.BoxMethod;
import org.augment4j.geometry.Geometry;
import org.augment4j.geometry.KeypointRule;
import org.augment4j.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Scales, translates, rotates and shears about the image centre in one warp. Albumentations' {@code Affine}:
 * scale (default 1), translate_percent or translate_px (default none), rotate (default 0, degrees), shear (default 0,
 * degrees; x and y), each a number, a [min, max] range or {x, y}; interpolation 1, mask_interpolation 0, fill / fill_mask
 * 0 (1.3: cval / cval_mask), border_mode 0 (1.3: mode), fit_output false, keep_ratio false,
 * rotate_method "largest_box", p = 0.5. Targets: image, mask, bboxes, keypoints (angle + θ, scale × max(sx, sy)).
 * The matrix is Albumentations': shear-y, then scale/rotate/shear-x/translate, about the centre
 * ({@code w/2 − 0.5, h/2 − 0.5}).
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

    public Affine(AxisRanges scale, AxisRanges translatePercent, AxisRanges translatePx, Range rotate, AxisRanges shear,
                  Resampling resampling, boolean fitOutput, boolean keepRatio, BoxMethod rotateMethod, double p) {
        super(p, resampling);
        Check.that(scale.x().min() > 0 && scale.y().min() > 0, name(), "scale must be > 0, got " + scale);
        Check.that(translatePercent == null || translatePx == null, name(), "give translate_percent or translate_px, not both");
        this.scale = scale;
        this.translatePercent = translatePx == null && translatePercent == null ? AxisRanges.both(Range.fixed(0)) : translatePercent;
        this.translatePx = translatePx;
        this.rotate = rotate;
        this.shear = shear;
        this.fitOutput = fitOutput;
        this.keepRatio = keepRatio;
        this.rotateMethod = rotateMethod;
    }

    public static Affine fromDict(Params r) {
        r.ignore("balanced_scale");
        return new Affine(AxisRanges.read(r, "scale", AxisRanges.both(Range.fixed(1))),
                AxisRanges.read(r, "translate_percent", null), AxisRanges.read(r, "translate_px", null),
                r.range("rotate", Range.fixed(0), Params.Scalar.FIXED), AxisRanges.read(r, "shear", AxisRanges.both(Range.fixed(0))),
                r.resampling(1, 0), r.bool("fit_output", false), r.bool("keep_ratio", false),
                BoxMethod.of(r.string("rotate_method", "largest_box")), r.p(0.5));
    }

    @Override
    public Sampled sampleParams(Sample s, RandomGenerator rng) {
        double tx, ty;
        if (translatePx != null) {
            tx = translatePx.x().randint(rng);
            ty = translatePx.y().randint(rng);
        } else {
            tx = translatePercent.x().uniform(rng) * s.width();
            ty = translatePercent.y().uniform(rng) * s.height();
        }
        double shx = shear.x().uniform(rng), shy = shear.y().uniform(rng);
        double sx = scale.x().uniform(rng), sy = scale.y().uniform(rng);
        if (keepRatio) sy = sx;
        return new Sampled(sx, sy, tx, ty, rotate.uniform(rng), shx, shy);
    }

    @Override
    protected Geometry geometry(Sample s, Sampled p) {
        int w = s.width(), h = s.height();
        Matrix m = matrix(p, w, h);
        int ow = w, oh = h;
        if (fitOutput) {
            double[][] corners = {m.apply(0, 0), m.apply(0, h - 1), m.apply(w - 1, h - 1), m.apply(w - 1, 0)};
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (double[] c : corners) {
                minX = Math.min(minX, c[0]);
                minY = Math.min(minY, c[1]);
                maxX = Math.max(maxX, c[0]);
                maxY = Math.max(maxY, c[1]);
            }
            m = m.then(Matrix.translation(-minX, -minY));
            ow = (int) Math.ceil(maxX - minX + 1);
            oh = (int) Math.ceil(maxY - minY + 1);
        }
        // Albumentations reads the keypoint rotation off the matrix and maps box corners with the centre matrix itself.
        KeypointRule rule = KeypointRule.rotate(Math.atan2(-m.get(1, 0), m.get(0, 0)), Math.max(p.scaleX(), p.scaleY()));
        return AffineGeometry.of(m, rule, ow, oh).withBoxMatrix(m).withBoxMethod(rotateMethod);
    }

    /** Albumentations' Affine matrix (skimage conventions; the user's rotation and shears are negated, as there). */
    static Matrix matrix(Sampled p, int w, int h) {
        double cx = w / 2.0 - 0.5, cy = h / 2.0 - 0.5;
        double rot = Math.toRadians(-p.rotate());
        Matrix shearY = skimage(1, 1, -Math.PI / 2, 0, 0, 0)
                .then(skimage(1, 1, 0, Math.toRadians(-p.shearY()), 0, 0))
                .then(skimage(1, 1, Math.PI / 2, 0, 0, 0));
        Matrix main = skimage(p.scaleX(), p.scaleY(), rot, Math.toRadians(-p.shearX()), p.translateX(), p.translateY());
        return Matrix.translation(-cx, -cy).then(shearY).then(main).then(Matrix.translation(cx, cy));
    }

    /** skimage's {@code AffineTransform(scale, rotation, shear, translation)} matrix. */
    private static Matrix skimage(double sx, double sy, double rotation, double shear, double tx, double ty) {
        return Matrix.affine(sx * Math.cos(rotation), -sy * Math.sin(rotation + shear), tx,
                sx * Math.sin(rotation), sy * Math.cos(rotation + shear), ty);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale.toJson());
        m.put("translate_percent", translatePx == null ? translatePercent.toJson() : null);
        m.put("translate_px", translatePx == null ? null : translatePx.toJson());
        m.put("rotate", rotate);
        m.put("shear", shear.toJson());
        resampling.putArgs(m);
        m.put("fit_output", fitOutput);
        m.put("keep_ratio", keepRatio);
        m.put("rotate_method", rotateMethod.id());
        return m;
    }
}
