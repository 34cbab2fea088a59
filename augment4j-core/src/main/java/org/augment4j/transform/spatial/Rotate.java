package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.List;
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
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;

/**
 * Rotates by an angle drawn from {@code limit} (degrees, counter-clockwise on screen) about the image centre.
 * Albumentations' {@code Rotate}: limit (-90, 90) (a scalar x means (-x, x)), interpolation 1, border_mode 0
 * (constant, as 2.x), fill / fill_mask 0 (1.3: value / mask_value), rotate_method "largest_box", crop_border false,
 * mask_interpolation 0 (nearest), p = 0.5. Targets: image, mask, bboxes, keypoints (angle + θ). With crop_border, the
 * result is cropped to the largest upright rectangle free of border pixels: as in Albumentations, the whole frame is
 * rotated and then sliced (so its pixels equal Albumentations' exactly, which a warp straight into the rectangle would
 * not: OpenCV rounds its fixed-point coordinates from the output origin).
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as files of 1.x releases): a
 * one-number value / mask_value reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel
 * ({@link ScalarFill}); a file that leaves border_mode out gets 1.3.1's default 4 (reflect_101).
 */
public final class Rotate extends SpatialTransform<Rotate.Angle> {
    /** The sampled angle in degrees. */
    public record Angle(double angle) {}

    private final Range limit;
    private final BoxMethod rotateMethod;
    private final boolean cropBorder;
    private final Resampling declared; // as given; the warp uses scalarFill's
    private final ScalarFill scalarFill;

    /**
     * @param limit        {@code limit}: range of the angle in degrees, within [-360, 360]
     * @param resampling   {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                     {@code fill_mask}
     * @param rotateMethod {@code rotate_method}: how boxes are carried through the rotation
     * @param cropBorder   {@code crop_border}: whether the result is cropped to the largest rectangle free of border pixels
     * @param p            probability of applying the transform, in [0, 1]
     */
    public Rotate(Range limit, Resampling resampling, BoxMethod rotateMethod, boolean cropBorder, double p) {
        this(limit, resampling, rotateMethod, cropBorder, p, ScalarFill.EVERY_CHANNEL);
    }

    private Rotate(Range limit, Resampling resampling, BoxMethod rotateMethod, boolean cropBorder, double p, ScalarFill scalarFill) {
        super(p, scalarFill.apply(resampling));
        this.limit = Check.range(name(), "limit", limit, -360, 360);
        this.rotateMethod = rotateMethod;
        this.cropBorder = cropBorder;
        this.declared = resampling;
        this.scalarFill = scalarFill;
    }

    /**
     * Angles in {@code [-|limit|, |limit|]} degrees with the default resampling (linear, constant zero border), largest-box
     * boxes and no border crop.
     *
     * @param limit largest angle in degrees, at most 360
     * @param p     probability of applying the transform, in [0, 1]
     */
    public Rotate(double limit, double p) {
        this(Range.symmetric(limit), Resampling.defaults(), BoxMethod.LARGEST_BOX, false, p);
    }

    static Rotate fromDict(Params r) {
        return new Rotate(r.range("limit", Range.of(-90, 90), Params.Scalar.SYMMETRIC), r.resampling(1, r.byRelease(4, 0)),
                BoxMethod.read(r), r.bool("crop_border", false), r.p(0.5));
    }

    /** This Rotate with the given release's one-number fills ({@link ScalarFill}). */
    @Override
    public Rotate withSemantics(Semantics semantics) {
        ScalarFill f = ScalarFill.of(semantics);
        return f == scalarFill ? this : new Rotate(limit, declared, rotateMethod, cropBorder, probability(), f);
    }

    @Override
    public Angle sampleParams(Sample sample, RandomGenerator rng) {
        return new Angle(limit.uniform(rng));
    }

    @Override
    protected Geometry geometry(Sample s, Angle p) {
        List<Geometry> steps = geometrySteps(s, p);
        return steps.size() == 1 ? steps.get(0) : ((AffineGeometry) steps.get(0)).then((AffineGeometry) steps.get(1));
    }

    /** The rotation, and with crop_border the crop of its full frame, resampled in turn as Albumentations does. */
    @Override
    protected List<Geometry> geometrySteps(Sample s, Angle p) {
        int w = s.width(), h = s.height();
        AffineGeometry g = rotation(w, h, p.angle(), rotateMethod);
        if (!cropBorder) return List.of(g);
        int[] c = largestInscribedRect(w, h, p.angle());
        return List.of(g, AffineGeometry.crop(c[0], c[1], c[2], c[3]));
    }

    /** A rotation about the image centre, as Albumentations' Rotate: keypoint angles gain θ. */
    static AffineGeometry rotation(int w, int h, double degrees, BoxMethod method) {
        Matrix m = Matrix.rotation((w - 1) / 2.0, (h - 1) / 2.0, degrees, 1.0);
        return AffineGeometry.of(m, KeypointRule.rotate(Math.toRadians(degrees), 1), w, h).withBoxMethod(method);
    }

    /** The largest upright rectangle inside a {@code w × h} image rotated by {@code degrees}, centred: {x1, y1, x2, y2}. */
    static int[] largestInscribedRect(int w, int h, double degrees) {
        double a = Math.toRadians(degrees);
        boolean wide = w >= h;
        double longSide = wide ? w : h, shortSide = wide ? h : w;
        double sin = Math.abs(Math.sin(a)), cos = Math.abs(Math.cos(a));
        double wr, hr;
        if (shortSide <= 2.0 * sin * cos * longSide || Math.abs(sin - cos) < 1e-10) {
            double x = 0.5 * shortSide;
            wr = wide ? x / sin : x / cos;
            hr = wide ? x / cos : x / sin;
        } else {
            double cos2a = cos * cos - sin * sin;
            wr = (w * cos - h * sin) / cos2a;
            hr = (h * cos - w * sin) / cos2a;
        }
        int x1 = Math.max(0, (int) (w / 2.0 - wr / 2)), x2 = Math.min(w, (int) (w / 2.0 + wr / 2));
        int y1 = Math.max(0, (int) (h / 2.0 - hr / 2)), y2 = Math.min(h, (int) (h / 2.0 + hr / 2));
        return new int[] {x1, y1, Math.max(x1 + 1, x2), Math.max(y1 + 1, y2)};
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", limit);
        declared.putArgs(m);
        m.put("rotate_method", rotateMethod.id());
        m.put("crop_border", cropBorder);
        return m;
    }
}
