package org.augment4j.transform.blur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Gaussian blur with a random sigma and kernel size. Albumentations' {@code GaussianBlur} (2.x): {@code blur_limit} a
 * range of integers {@code >= 0} for the kernel size (a scalar {@code x} means {@code [0, x]}; default {@code [0, 0]}:
 * the size follows from sigma as {@code int(sigma · 3.5) · 2 + 1}, as PIL does; an even size is raised by one),
 * {@code sigma_limit} a range {@code >= 0} (a scalar {@code x} means {@code [0, x]}; default {@code [0.5, 3]}), p = 0.5;
 * a 1.x file that leaves them out gets 1.3.1's defaults, blur_limit {@code [3, 7]} and sigma_limit {@code [0, 0]}.
 * Targets: image (uint8 or float32, any channel count).
 *
 * <p>The kernel size is drawn with {@code randint(blur_limit)}, sigma uniformly. The kernel is the normalised 1-D
 * Gaussian over {@code -(k/2) .. k/2}, applied along rows and columns (border {@code BORDER_REFLECT_101}): uint8 by
 * OpenCV's fixed-point {@code GaussianBlur}, float32 by {@code sepFilter2D}. A sigma of 0 (Albumentations 1.3's default {@code sigma_limit}) takes OpenCV's sigma for
 * the kernel size, {@code 0.3 · ((k − 1) / 2 − 1) + 0.8}, as 1.3's {@code cv2.GaussianBlur} did.
 */
public final class GaussianBlur extends PixelTransform<GaussianBlur.Kernel> {
    /** The sampled kernel size (0: from sigma) and standard deviation in pixels. */
    public record Kernel(int ksize, double sigma) {}

    private final Range blurLimit;
    private final Range sigmaLimit;

    /**
     * @param blurLimit  {@code blur_limit}: kernel sizes in pixels, integers {@code >= 0}; 0 derives the size from sigma
     * @param sigmaLimit {@code sigma_limit}: standard deviation in pixels, {@code >= 0}; 0 takes OpenCV's sigma for the size
     * @param p          probability of applying the transform, in [0, 1]
     */
    public GaussianBlur(Range blurLimit, Range sigmaLimit, double p) {
        super(p);
        this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 0);
        this.sigmaLimit = Check.range(name(), "sigma_limit", sigmaLimit, 0, Double.MAX_VALUE);
    }

    /** With Albumentations 2.x defaults: blur_limit [0, 0] (size from sigma), sigma_limit [0.5, 3], p = 0.5. */
    public GaussianBlur() {
        this(Range.fixed(0), Range.of(0.5, 3.0), 0.5);
    }

    static GaussianBlur fromDict(Params r) {
        return new GaussianBlur(r.range("blur_limit", r.byRelease(Range.of(3, 7), Range.fixed(0)), Params.Scalar.UPPER, 0),
                r.range("sigma_limit", r.byRelease(Range.fixed(0), Range.of(0.5, 3.0)), Params.Scalar.UPPER, 0), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        double sigma = sigmaLimit.uniform(rng);
        return new Kernel(blurLimit.randint(rng), sigma);
    }

    @Override
    protected Mat applyToImage(Mat image, Kernel k) {
        float[] kernel = kernel1d(k.sigma(), k.ksize());
        if (Mats.isFloat(image)) return BlurKernels.separable(image, kernel);
        // uint8: OpenCV's bit-exact fixed-point Gaussian (what Albumentations calls), twice as fast as a float filter
        Mat out = new Mat();
        try (org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(kernel.length, kernel.length)) {
            org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur(image, out, size, k.sigma(), k.sigma(), org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101, 0);
        }
        return out;
    }

    /** The normalised 1-D Gaussian: size {@code ksize} (0: {@code int(sigma · 3.5) · 2 + 1}; even sizes raised by one). */
    static float[] kernel1d(double sigma, int ksize) {
        int size = ksize == 0 ? (int) (sigma * 3.5) * 2 + 1 : ksize;
        if (size % 2 == 0) size++;
        double s = sigma > 0 ? sigma : 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
        double[] v = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double x = i - size / 2;
            v[i] = Math.exp(-0.5 * (x / s) * (x / s));
            sum += v[i];
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) out[i] = (float) (v[i] / sum);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        m.put("sigma_limit", sigmaLimit);
        return m;
    }
}
