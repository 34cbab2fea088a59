package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_imgproc.blur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Box blur with a random odd kernel size. Albumentations' {@code Blur}: {@code blur_limit} a range of integers
 * {@code >= 3} (a scalar {@code x} means {@code [3, x]}; default {@code [3, 7]}), p = 0.5. Targets: image (uint8 or
 * float32, any channel count).
 *
 * <p>The kernel size is drawn uniformly among the odd values of the range, as Albumentations 2.x
 * {@code sample_odd_from_range}: an even bound is first raised to the next odd number. The blur is OpenCV's
 * {@code blur} (normalised box filter, border {@code BORDER_REFLECT_101}).
 */
public final class Blur extends PixelTransform<Blur.Kernel> {
    /** The sampled (odd) kernel size in pixels. */
    public record Kernel(int ksize) {}

    private final Range blurLimit;

    /**
     * @param blurLimit {@code blur_limit}: box kernel sizes in pixels, integers {@code >= 3} with min &lt;= max; odd sizes are drawn
     * @param p         probability of applying the transform, in [0, 1]
     */
    public Blur(Range blurLimit, double p) {
        super(p);
        Allowed.atLeast(3).checkRange(name(), "blur_limit", blurLimit);
        Check.that(blurLimit.min() >= 3 && blurLimit.min() <= blurLimit.max() && isInt(blurLimit.min()) && isInt(blurLimit.max())
                        && blurLimit.max() <= Integer.MAX_VALUE - 1,
                name(), "blur_limit must be a range of integers >= 3 with min <= max, got " + blurLimit);
        this.blurLimit = blurLimit;
    }

    /** With Albumentations' defaults: blur_limit [3, 7], p = 0.5. */
    public Blur() {
        this(Range.of(3, 7), 0.5);
    }

    private static boolean isInt(double v) {
        return v == Math.rint(v);
    }

    static Blur fromDict(Params r) {
        return new Blur(r.range("blur_limit", Range.of(3, 7), Params.Scalar.UPPER, 3), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        return new Kernel(sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max()));
    }

    /** An odd number from {@code [low, high]}, even bounds raised to the next odd one, at least 3. */
    static int sampleOdd(RandomGenerator rng, int low, int high) {
        int lo = Math.max(3, low % 2 == 0 ? low + 1 : low);
        int hi = Math.max(lo, Math.max(3, high % 2 == 0 ? high + 1 : high));
        if (lo == hi) return lo;
        return lo + 2 * rng.nextInt((hi - lo) / 2 + 1);
    }

    @Override
    protected Mat applyToImage(Mat image, Kernel k) {
        Check.that(k.ksize() >= 1, name(), "ksize must be >= 1, got " + k.ksize());
        Mat out = new Mat();
        try (Size size = new Size(k.ksize(), k.ksize())) {
            blur(image, out, size);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        return m;
    }
}
