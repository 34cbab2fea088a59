package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelKernels;
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
 * <p>In float [0, 1]: {@code residual = img − blur(img)}; {@code sharp = clip(img + alpha · residual, 0, 1)};
 * {@code mask = |residual| · 255 > threshold}; the soft mask {@code blur(mask)} blends {@code sharp} over {@code img}.
 * uint8 results are {@code rint(x · 255)}.
 */
public final class UnsharpMask extends PixelTransform<UnsharpMask.Amount> {
    /** The sampled kernel size (0: from sigma), sigma and blend factor. */
    public record Amount(int ksize, double sigma, double alpha) {}

    private final Range blurLimit;
    private final Range sigmaLimit;
    private final Range alpha;
    private final int threshold;

    public UnsharpMask(Range blurLimit, Range sigmaLimit, Range alpha, int threshold, double p) {
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
    }

    public UnsharpMask() {
        this(Range.of(3, 7), Range.fixed(0), Range.of(0.2, 0.5), 10, 0.5);
    }

    public static UnsharpMask fromDict(Params r) {
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
    protected Mat applyToImage(Mat image, Amount a) {
        try (Mat f = BlurKernels.toFloat(image); Mat blur = new Mat(); Mat residual = new Mat(); Mat sharp = new Mat(); Mat absRes = new Mat();
             Mat mask8 = new Mat(); Mat mask = new Mat(); Mat soft = new Mat(); Mat diff = new Mat(); Mat out = new Mat();
             Mat zero = Mats.scalarMat(0); Mat thr = Mats.scalarMat(threshold / 255.0); Size k = new Size(a.ksize(), a.ksize())) {
            GaussianBlur(f, blur, k, a.sigma(), a.sigma(), BORDER_DEFAULT, 0);
            subtract(f, blur, residual);
            addWeighted(f, 1, residual, a.alpha(), 0, sharp);
            PixelKernels.clipInPlace(sharp, 0, 1);
            absdiff(residual, zero, absRes);
            compare(absRes, thr, mask8, CMP_GT);
            mask8.convertTo(mask, CV_32F, 1 / 255.0, 0);
            GaussianBlur(mask, soft, k, a.sigma(), a.sigma(), BORDER_DEFAULT, 0);
            subtract(sharp, f, diff);
            multiply(diff, soft, diff);
            add(f, diff, out);
            return BlurKernels.fromFloat(out, image);
        }
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
