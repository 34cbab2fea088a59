package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Sharpens with an unsharp mask, leaving low-contrast detail alone. Albumentations' {@code UnsharpMask}:
 * {@code blur_limit} the Gaussian kernel size, a range of integers {@code >= 3} (a scalar {@code x} means {@code [3, x]};
 * default {@code [3, 7]}; odd sizes drawn), or {@code [0, 0]} to size the kernel from sigma; {@code sigma_limit} a range
 * {@code >= 0} (a scalar {@code x} means {@code [0, x]}; default {@code [0, 0]}: OpenCV's sigma for the size);
 * {@code alpha} within [0, 1] (default {@code [0.2, 0.5]}); {@code threshold} in [0, 255] (default 10), p = 0.5.
 * Targets: image (uint8 or float32, any channel count).
 *
 * <p>In float32 [0, 1] (uint8 divided by 255), as Albumentations computes it: {@code residual = img − blur(img)};
 * {@code sharp = clip(img + alpha · residual, 0, 1)}; {@code mask = |residual| · 255 > threshold}; with the soft mask
 * {@code soft = blur(mask)}, {@code out = soft · sharp + (1 − soft) · img}, every step rounded to float32.
 *
 * <p>Where the releases differ ({@link #withSemantics}): 2.x clips {@code out} to [0, 1] and rounds uint8 results
 * ({@code rint(out · 255)}); 1.x truncates them ({@code (out · 255).astype(uint8)}) and returns float32 results
 * unclipped.
 */
public final class UnsharpMask extends PixelTransform<UnsharpMask.Amount> {
    /** The sampled kernel size (0: from sigma), sigma and blend factor. */
    public record Amount(int ksize, double sigma, double alpha) {}

    private final Range blurLimit;
    private final Range sigmaLimit;
    private final Range alpha;
    private final int threshold;
    private final FromFloat fromFloat;

    /**
     * @param blurLimit  {@code blur_limit}: Gaussian kernel sizes in pixels, integers {@code >= 3} (odd sizes drawn), or [0, 0] to
     *                   size the kernel from sigma
     * @param sigmaLimit {@code sigma_limit}: Gaussian sigma in pixels, {@code >= 0} (0: OpenCV's sigma for the size); must be
     *                   {@code > 0} when {@code blurLimit} is [0, 0]
     * @param alpha      {@code alpha}: visibility of the sharpened image, within [0, 1]
     * @param threshold  {@code threshold}: smallest residual, in uint8 levels [0, 255], that is sharpened
     * @param p          probability of applying the transform, in [0, 1]
     */
    public UnsharpMask(Range blurLimit, Range sigmaLimit, Range alpha, int threshold, double p) {
        this(blurLimit, sigmaLimit, alpha, threshold, FromFloat.ROUND, p);
    }

    private UnsharpMask(Range blurLimit, Range sigmaLimit, Range alpha, int threshold, FromFloat fromFloat, double p) {
        super(p);
        this.sigmaLimit = Check.range(name(), "sigma_limit", sigmaLimit, 0, Double.MAX_VALUE);
        if (blurLimit.min() == 0 && blurLimit.max() == 0) {
            Check.that(sigmaLimit.min() > 0, name(), "blur_limit [0, 0] sizes the kernel from sigma, so sigma_limit must be > 0, got " + sigmaLimit);
            this.blurLimit = blurLimit;
        } else {
            this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 3);
        }
        this.alpha = Check.range(name(), "alpha", alpha, 0, 1);
        this.threshold = (int) Check.between(name(), "threshold", threshold, 0, 255);
        this.fromFloat = fromFloat;
    }

    /**
     * With Albumentations' defaults: blur_limit [3, 7], sigma_limit [0, 0], alpha [0.2, 0.5], threshold 10, p = 0.5.
     */
    public UnsharpMask() {
        this(Range.of(3, 7), Range.fixed(0), Range.of(0.2, 0.5), 10, 0.5);
    }

    static UnsharpMask fromDict(Params r) {
        return new UnsharpMask(r.range("blur_limit", Range.of(3, 7), Params.Scalar.UPPER, 3), r.range("sigma_limit", Range.fixed(0), Params.Scalar.UPPER, 0),
                r.range("alpha", Range.of(0.2, 0.5), Params.Scalar.FIXED), r.integer("threshold", 10), r.p(0.5));
    }

    @Override
    public Amount sampleParams(Sample sample, RandomGenerator rng) {
        int k = blurLimit.max() == 0 ? 0 : Blur.sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max());
        double s = sigmaLimit.uniform(rng);
        return new Amount(k, s, alpha.uniform(rng));
    }

    @Override
    public UnsharpMask withSemantics(Semantics semantics) {
        FromFloat f = FromFloat.of(semantics);
        return f == fromFloat ? this : new UnsharpMask(blurLimit, sigmaLimit, alpha, threshold, f, probability());
    }

    @Override
    protected Mat applyToImage(Mat image, Amount a) {
        int rows = image.rows(), cols = image.cols(), channels = image.channels();
        float[] img, blurred, soft;
        try (Mat f = BlurKernels.toFloat(image); Mat blur = blur(f, a)) {
            img = Mats.toFloats(f);
            blurred = Mats.toFloats(blur);
        }
        float[] mask = new float[img.length];
        for (int i = 0; i < img.length; i++) mask[i] = Math.abs(img[i] - blurred[i]) * 255f > threshold ? 1f : 0f;
        try (Mat m = Mats.fromFloats(mask, rows, cols, channels); Mat s = blur(m, a)) {
            soft = Mats.toFloats(s);
        }
        float alpha = (float) a.alpha();
        float[] out = mask; // reused: each value is read before it is overwritten
        for (int i = 0; i < img.length; i++) {
            float sharp = Math.min(1f, Math.max(0f, img[i] + alpha * (img[i] - blurred[i])));
            out[i] = soft[i] * sharp + (1f - soft[i]) * img[i];
        }
        try (Mat result = Mats.fromFloats(out, rows, cols, channels)) {
            return fromFloat.apply(result, image);
        }
    }

    /** The Gaussian blur of the sampled size and sigma ({@code cv2.GaussianBlur(m, (k, k), sigmaX=sigma)}). */
    private static Mat blur(Mat m, Amount a) {
        Mat out = new Mat();
        try (Size k = new Size(a.ksize(), a.ksize())) {
            GaussianBlur(m, out, k, a.sigma(), a.sigma(), BORDER_DEFAULT, 0);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        m.put("sigma_limit", sigmaLimit);
        m.put("alpha", alpha);
        m.put("threshold", threshold);
        return m;
    }
}
