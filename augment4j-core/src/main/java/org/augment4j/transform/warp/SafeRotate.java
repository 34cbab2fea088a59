package org.augment4j.transform.warp;

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
 * Rotates by an angle drawn from {@code limit} (degrees, counter-clockwise on screen) about the centre and scales the
 * result so the whole rotated image fits the original frame: nothing is cut, and the output size equals the input size.
 * Albumentations' {@code SafeRotate} (2.0.8): limit (-90, 90) (a scalar x means (-x, x)), interpolation 1,
 * mask_interpolation 0, border_mode 0 (constant), fill / fill_mask 0 (1.3: value / mask_value), rotate_method
 * "largest_box" or "ellipse", p = 0.5. Targets: image, mask, bboxes, keypoints (angle + the matrix rotation, scale ×
 * max(sx, sy)).
 *
 * <p>As 2.0.8: the rotated image's bounding canvas is {@code int(h·|sin| + w·|cos|) × int(h·|cos| + w·|sin|)}, and it is
 * squeezed back to {@code w × h} with separate x and y factors (so a non-square image is slightly distorted). Images,
 * masks and keypoints use the map about {@code (w/2 − 0.5, h/2 − 0.5)}, boxes the same map about {@code (w/2, h/2)};
 * 2.0.8 moves the pixel-centre map into the canvas as if it were the edge one, so images and keypoints sit half a
 * (squeezed) pixel right of and below the boxes — at angle 0 they move by (0.5, 0.5). Kept for pixel parity.
 */
public final class SafeRotate extends SpatialTransform<SafeRotate.Angle> {
    /** The sampled angle in degrees. */
    public record Angle(double angle) {}

    private final Range limit;
    private final BoxMethod rotateMethod;

    public SafeRotate(Range limit, Resampling resampling, BoxMethod rotateMethod, double p) {
        super(p, resampling);
        this.limit = Check.range(name(), "limit", limit, -360, 360);
        this.rotateMethod = rotateMethod;
    }

    /** Rotations within ±limit degrees, linear, constant zero border. */
    public SafeRotate(double limit, double p) {
        this(Range.symmetric(limit), Resampling.defaults(), BoxMethod.LARGEST_BOX, p);
    }

    public static SafeRotate fromDict(Params r) {
        return new SafeRotate(r.range("limit", Range.of(-90, 90), Params.Scalar.SYMMETRIC), r.resampling(1, 0),
                BoxMethod.of(r.string("rotate_method", "largest_box")), r.p(0.5));
    }

    @Override
    public Angle sampleParams(Sample sample, RandomGenerator rng) {
        return new Angle(limit.uniform(rng));
    }

    @Override
    protected Geometry geometry(Sample s, Angle p) {
        int w = s.width(), h = s.height();
        Matrix m = matrix(p.angle(), w / 2.0 - 0.5, h / 2.0 - 0.5, w, h);
        Matrix b = matrix(p.angle(), w / 2.0, h / 2.0, w, h);
        double[] scale = scales(p.angle(), w, h);
        KeypointRule rule = KeypointRule.rotate(Math.atan2(-m.get(1, 0), m.get(0, 0)), Math.max(scale[0], scale[1]));
        return AffineGeometry.of(m, rule, w, h).withBoxMatrix(b).withBoxMethod(rotateMethod);
    }

    /** Rotation about {@code (cx, cy)}, moved into the rotated canvas, squeezed back to {@code w × h}. */
    static Matrix matrix(double degrees, double cx, double cy, int w, int h) {
        int[] canvas = canvas(degrees, w, h);
        return Matrix.rotation(cx, cy, degrees, 1.0)
                .then(Matrix.translation(canvas[0] / 2.0 - cx, canvas[1] / 2.0 - cy))
                .then(Matrix.scale((double) w / canvas[0], (double) h / canvas[1]));
    }

    /** The rotated image's canvas, {width, height}, truncated to whole pixels as 2.0.8 does. */
    static int[] canvas(double degrees, int w, int h) {
        Matrix r = Matrix.rotation(0, 0, degrees, 1.0);
        double cos = Math.abs(r.get(0, 0)), sin = Math.abs(r.get(0, 1));
        return new int[] {Math.max(1, (int) (h * sin + w * cos)), Math.max(1, (int) (h * cos + w * sin))};
    }

    /** The x and y squeeze factors. */
    static double[] scales(double degrees, int w, int h) {
        int[] c = canvas(degrees, w, h);
        return new double[] {(double) w / c[0], (double) h / c[1]};
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", limit);
        resampling.putArgs(m);
        m.put("rotate_method", rotateMethod.id());
        return m;
    }
}
