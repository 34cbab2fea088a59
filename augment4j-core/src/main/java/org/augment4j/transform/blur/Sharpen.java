package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Sharpens the image and blends the result with the original. Albumentations' {@code Sharpen} (2.x): {@code alpha} the
 * visibility of the sharpened image, a range within [0, 1] (default {@code [0.2, 0.5]}), {@code lightness} a range
 * {@code >= 0} (default {@code [0.5, 1]}), {@code method} {@code "kernel"} (default) or {@code "gaussian"},
 * {@code kernel_size} odd {@code >= 1} (default 5) and {@code sigma} {@code >= 0} (default 1) for the gaussian method,
 * p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>{@code kernel}: the 3x3 matrix {@code (1 − alpha) · I + alpha · [[-1,-1,-1],[-1,8+lightness,-1],[-1,-1,-1]]}
 * applied with {@code filter2D} (uint8 rounded and saturated). {@code gaussian}: {@code img + alpha · (img − blur)} with
 * {@code blur} OpenCV's {@code GaussianBlur(kernel_size, sigma)}, computed in float and clipped (uint8 truncated, as
 * Albumentations' {@code clipped}); lightness is not used by this method.
 */
public final class Sharpen extends PixelTransform<Sharpen.Amount> {
    /** The sampled blend factor and lightness. */
    public record Amount(double alpha, double lightness) {}

    private final Range alpha;
    private final Range lightness;
    private final String method;
    private final int kernelSize;
    private final double sigma;

    /**
     * @param alpha      {@code alpha}: visibility of the sharpened image, within [0, 1]
     * @param lightness  {@code lightness}: lightness of the sharpened image, {@code >= 0} (kernel method only)
     * @param method     {@code method}: {@code "kernel"} or {@code "gaussian"}
     * @param kernelSize {@code kernel_size}: Gaussian kernel size in pixels, odd {@code >= 1} (gaussian method only)
     * @param sigma      {@code sigma}: Gaussian standard deviation in pixels, {@code >= 0} (gaussian method only)
     * @param p          probability of applying the transform, in [0, 1]
     */
    public Sharpen(Range alpha, Range lightness, String method, int kernelSize, double sigma, double p) {
        super(p);
        this.alpha = Check.range(name(), "alpha", alpha, 0, 1);
        this.lightness = Check.range(name(), "lightness", lightness, 0, Double.MAX_VALUE);
        Allowed.oneOf("kernel", "gaussian").check(name(), "method", method);
        this.method = method;
        Allowed.atLeast(1).check(name(), "kernel_size", kernelSize);
        Check.that(kernelSize % 2 == 1, name(), "kernel_size must be an odd integer >= 1, got " + kernelSize);
        this.kernelSize = kernelSize;
        this.sigma = Check.between(name(), "sigma", sigma, 0, Double.MAX_VALUE);
    }

    /**
     * With Albumentations' defaults: alpha [0.2, 0.5], lightness [0.5, 1], method "kernel", kernel_size 5, sigma 1, p = 0.5.
     */
    public Sharpen() {
        this(Range.of(0.2, 0.5), Range.of(0.5, 1.0), "kernel", 5, 1.0, 0.5);
    }

    static Sharpen fromDict(Params r) {
        return new Sharpen(r.range("alpha", Range.of(0.2, 0.5), Params.Scalar.FIXED), r.range("lightness", Range.of(0.5, 1.0), Params.Scalar.FIXED),
                r.string("method", "kernel"), r.integer("kernel_size", 5), r.dbl("sigma", 1.0), r.p(0.5));
    }

    @Override
    public Amount sampleParams(Sample sample, RandomGenerator rng) {
        double a = alpha.uniform(rng);
        return new Amount(a, lightness.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Amount a) {
        if ("kernel".equals(method)) return BlurKernels.convolve(image, 3, matrix(a.alpha(), a.lightness()));
        try (Mat blurred = new Mat(); Mat f = new Mat(); Mat fb = new Mat(); Mat sharp = new Mat(); Size k = new Size(kernelSize, kernelSize)) {
            GaussianBlur(image, blurred, k, sigma, sigma, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT, 0);
            image.convertTo(f, CV_32F);
            blurred.convertTo(fb, CV_32F);
            addWeighted(f, 1 + a.alpha(), fb, -a.alpha(), 0, sharp);
            if (!Mats.isFloat(image)) return PixelKernels.truncateToUint8(sharp);
            PixelKernels.clipInPlace(sharp, 0, 1);
            return sharp.clone();
        }
    }

    /** The 3x3 sharpening matrix, row-major. */
    static float[] matrix(double alpha, double lightness) {
        float l = (float) lightness;
        return BlurKernels.blendWithIdentity(new float[] {-1, -1, -1, -1, 8 + l, -1, -1, -1, -1}, alpha);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        m.put("lightness", lightness);
        m.put("method", method);
        m.put("kernel_size", kernelSize);
        m.put("sigma", sigma);
        return m;
    }
}
