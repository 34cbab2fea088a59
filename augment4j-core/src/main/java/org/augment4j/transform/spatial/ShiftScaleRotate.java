package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.BoxMethod;
import org.augment4j.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Shifts, scales and rotates in one affine warp about the image centre. Albumentations' {@code ShiftScaleRotate}, which
 * 2.0.8 runs as an {@link Affine}: shift_limit (-0.0625, 0.0625) as fractions of the size (shift_limit_x /
 * shift_limit_y override it per axis; shifts are truncated to whole pixels), scale_limit (-0.1, 0.1) added to 1 (x and
 * y are drawn independently, as 2.0.8 does), rotate_limit (-45, 45) degrees (scalars mean ±x), interpolation 1,
 * mask_interpolation 0, border_mode 0 (constant), fill / fill_mask 0 (1.3: value / mask_value),
 * rotate_method "largest_box", p = 0.5. Targets: image, mask, bboxes (2.0.8's box matrix about (w/2, h/2)),
 * keypoints (angle + θ, scale × max(sx, sy)).
 */
public final class ShiftScaleRotate extends SpatialTransform<Affine.Sampled> {
    private final Range shiftX;
    private final Range shiftY;
    private final Range scale;
    private final Range rotate;
    private final BoxMethod rotateMethod;

    public ShiftScaleRotate(Range shiftX, Range shiftY, Range scaleLimit, Range rotateLimit, Resampling resampling, BoxMethod rotateMethod, double p) {
        super(p, resampling);
        this.shiftX = Check.range(name(), "shift_limit_x", shiftX, -1, 1);
        this.shiftY = Check.range(name(), "shift_limit_y", shiftY, -1, 1);
        this.scale = Check.range(name(), "scale_limit", Range.of(scaleLimit.min() + 1, scaleLimit.max() + 1), 1e-6, 1e6);
        this.rotate = Check.range(name(), "rotate_limit", rotateLimit, -360, 360);
        this.rotateMethod = rotateMethod;
    }

    /** Albumentations' defaults. */
    public ShiftScaleRotate() {
        this(Range.symmetric(0.0625), Range.symmetric(0.0625), Range.symmetric(0.1), Range.symmetric(45), Resampling.defaults(), BoxMethod.LARGEST_BOX, 0.5);
    }

    public static ShiftScaleRotate fromDict(Params r) {
        Range shift = r.range("shift_limit", Range.symmetric(0.0625), Params.Scalar.SYMMETRIC);
        Range sx = r.range("shift_limit_x", shift, Params.Scalar.SYMMETRIC);
        Range sy = r.range("shift_limit_y", shift, Params.Scalar.SYMMETRIC);
        Range scale = r.range("scale_limit", Range.symmetric(0.1), Params.Scalar.SYMMETRIC);
        Range rot = r.range("rotate_limit", Range.symmetric(45), Params.Scalar.SYMMETRIC);
        return new ShiftScaleRotate(sx, sy, scale, rot, r.resampling(1, 0), BoxMethod.of(r.string("rotate_method", "largest_box")), r.p(0.5));
    }

    @Override
    public Affine.Sampled sampleParams(Sample s, RandomGenerator rng) {
        double tx = (int) (shiftX.uniform(rng) * s.width()), ty = (int) (shiftY.uniform(rng) * s.height());
        double sx = scale.uniform(rng), sy = scale.uniform(rng);
        return new Affine.Sampled(sx, sy, tx, ty, rotate.uniform(rng), 0, 0);
    }

    @Override
    protected Geometry geometry(Sample s, Affine.Sampled p) {
        return Affine.geometry(p, s.width(), s.height(), false, rotateMethod, true);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shift_limit_x", shiftX);
        m.put("shift_limit_y", shiftY);
        m.put("scale_limit", Range.of(scale.min() - 1, scale.max() - 1));
        m.put("rotate_limit", rotate);
        resampling.putArgs(m);
        m.put("rotate_method", rotateMethod.id());
        return m;
    }
}
