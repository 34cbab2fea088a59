package org.augment4j.transform.blur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Motion blur along a random line. Albumentations' {@code MotionBlur} (2.x): {@code blur_limit} a range of integers
 * {@code >= 3} (a scalar {@code x} means {@code [3, x]}; default {@code [3, 7]}; the kernel size is an odd number drawn
 * from it), {@code allow_shifted} (default true: the line may be moved off centre by up to a quarter of the kernel),
 * {@code angle_range} in degrees within [0, 360] (default {@code [0, 360]}), {@code direction_range} within [-1, 1]
 * (default {@code [-1, 1]}), p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>The kernel marks the pixels {@code rint(c + (cos a, sin a) · t + shift)} (clipped to the kernel) for
 * {@code 2k} values of {@code t} evenly spaced over {@code [−k/2, k/2]}, stretched by {@code 1 + |direction|} (and
 * reversed when the direction is negative), as Albumentations' {@code create_motion_kernel}; it is normalised to sum 1 and
 * applied with {@code filter2D} (border {@code BORDER_REFLECT_101}).
 */
public final class MotionBlur extends PixelTransform<MotionBlur.Motion> {
    /** The sampled kernel size, angle (degrees), direction and line shift (pixels). */
    public record Motion(int ksize, double angle, double direction, double shiftX, double shiftY) {}

    private final Range blurLimit;
    private final boolean allowShifted;
    private final Range angleRange;
    private final Range directionRange;

    /**
     * @param blurLimit      {@code blur_limit}: kernel sizes in pixels, integers {@code >= 3}; odd sizes are drawn
     * @param allowShifted   {@code allow_shifted}: whether the line may be moved off centre by up to a quarter of the kernel
     * @param angleRange     {@code angle_range}: line angle in degrees, within [0, 360]
     * @param directionRange {@code direction_range}: blur direction bias, within [-1, 1] (0 symmetric, &#177;1 one-sided)
     * @param p              probability of applying the transform, in [0, 1]
     */
    public MotionBlur(Range blurLimit, boolean allowShifted, Range angleRange, Range directionRange, double p) {
        super(p);
        this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 3);
        this.allowShifted = allowShifted;
        this.angleRange = Check.range(name(), "angle_range", angleRange, 0, 360);
        this.directionRange = Check.range(name(), "direction_range", directionRange, -1, 1);
    }

    /**
     * With Albumentations 2.x defaults: blur_limit [3, 7], allow_shifted true, angle_range [0, 360], direction_range [-1, 1],
     * p = 0.5.
     */
    public MotionBlur() {
        this(Range.of(3, 7), true, Range.of(0, 360), Range.of(-1, 1), 0.5);
    }

    static MotionBlur fromDict(Params r) {
        return new MotionBlur(r.range("blur_limit", Range.of(3, 7), Params.Scalar.UPPER, 3), r.bool("allow_shifted", true),
                r.range("angle_range", Range.of(0, 360), Params.Scalar.FIXED), r.range("direction_range", Range.of(-1, 1), Params.Scalar.FIXED),
                r.p(0.5));
    }

    @Override
    public Motion sampleParams(Sample sample, RandomGenerator rng) {
        int k = Blur.sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max());
        double angle = angleRange.uniform(rng);
        double direction = directionRange.uniform(rng);
        double sx = 0, sy = 0;
        if (allowShifted) {
            double half = (k / 2) / 2.0;
            sx = (2 * rng.nextDouble() - 1) * half;
            sy = (2 * rng.nextDouble() - 1) * half;
        }
        return new Motion(k, angle, direction, sx, sy);
    }

    @Override
    protected Mat applyToImage(Mat image, Motion m) {
        return BlurKernels.convolve(image, m.ksize(), kernel(m));
    }

    /** The normalised line kernel, row-major. */
    static float[] kernel(Motion m) {
        int k = m.ksize(), center = k / 2, n = 2 * k;
        double rad = Math.toRadians(m.angle()), dx = Math.cos(rad), dy = Math.sin(rad);
        double stretch = m.direction() == 0 ? 1 : (1 + Math.abs(m.direction())) * (m.direction() < 0 ? -1 : 1);
        boolean[] on = new boolean[k * k];
        for (int i = 0; i < n; i++) {
            double t = (-(k / 2) + (double) (k / 2) * 2 * i / (n - 1)) * stretch;
            int x = (int) Math.min(k - 1, Math.max(0, Math.rint(center + dx * t + m.shiftX())));
            int y = (int) Math.min(k - 1, Math.max(0, Math.rint(center + dy * t + m.shiftY())));
            on[y * k + x] = true;
        }
        int count = 0;
        for (boolean b : on) if (b) count++;
        float[] out = new float[k * k];
        for (int i = 0; i < on.length; i++) if (on[i]) out[i] = 1f / count;
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        m.put("allow_shifted", allowShifted);
        m.put("angle_range", angleRange);
        m.put("direction_range", directionRange);
        return m;
    }
}
