package org.augment4j.transform.blur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Blur with a rotated, anisotropic generalized-Gaussian kernel with multiplicative noise. Albumentations'
 * {@code AdvancedBlur}: {@code blur_limit} a range of integers {@code >= 3} (a scalar {@code x} means {@code [3, x]};
 * default {@code [3, 7]}; odd sizes drawn), {@code sigma_x_limit} and {@code sigma_y_limit} ranges {@code >= 0} (a
 * scalar {@code x} means {@code [0, x]}; default {@code [0.2, 1]}; not both starting at 0), {@code rotate_limit} in
 * degrees (a scalar {@code x} means {@code [-x, x]}; default {@code [-90, 90]}), {@code beta_limit} a range {@code >= 0}
 * that must contain 1 strictly inside (a scalar {@code x} means {@code [0, x]}; default {@code [0.5, 8]}),
 * {@code noise_limit} a range {@code >= 0} (a scalar {@code x} means {@code [0, x]}; default {@code [0.9, 1.1]}), p = 0.5.
 * Targets: image (uint8 or float32, any channel count). Albumentations 1.3 wrote the sigmas as {@code sigmaX_limit} and
 * {@code sigmaY_limit}; those names are read too.
 *
 * <p>Beta is drawn from {@code [beta_min, 1]} or {@code [1, beta_max]} with equal chance. On the grid
 * {@code -(k/2) .. k/2}, the kernel is {@code exp(-0.5 · (vᵀ Σ⁻¹ v)^beta)} with {@code Σ = R diag(σx², σy²) Rᵀ}, times a
 * uniform noise in {@code noise_limit} per cell (drawn from the recorded seed), normalised to sum 1, applied with
 * {@code filter2D}.
 */
public final class AdvancedBlur extends PixelTransform<AdvancedBlur.Kernel> {
    /** The sampled kernel size, sigmas (pixels), rotation (degrees), shape and the seed of the kernel noise. */
    public record Kernel(int ksize, double sigmaX, double sigmaY, double angle, double beta, long noiseSeed) {}

    private final Range blurLimit;
    private final Range sigmaXLimit;
    private final Range sigmaYLimit;
    private final Range rotateLimit;
    private final Range betaLimit;
    private final Range noiseLimit;

    /**
     * @param blurLimit   {@code blur_limit}: kernel sizes in pixels, integers {@code >= 3}; odd sizes are drawn
     * @param sigmaXLimit {@code sigma_x_limit}: kernel sigma along x in pixels, {@code >= 0}
     * @param sigmaYLimit {@code sigma_y_limit}: kernel sigma along y in pixels, {@code >= 0}; not both sigma ranges may start at 0
     * @param rotateLimit {@code rotate_limit}: kernel rotation in degrees, within [-360, 360]
     * @param betaLimit   {@code beta_limit}: kernel shape exponent, {@code >= 0} with {@code min < 1 < max}
     * @param noiseLimit  {@code noise_limit}: multiplicative kernel noise, {@code >= 0}
     * @param p           probability of applying the transform, in [0, 1]
     */
    public AdvancedBlur(Range blurLimit, Range sigmaXLimit, Range sigmaYLimit, Range rotateLimit, Range betaLimit, Range noiseLimit, double p) {
        super(p);
        this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 3);
        this.sigmaXLimit = Check.range(name(), "sigma_x_limit", sigmaXLimit, 0, Double.MAX_VALUE);
        this.sigmaYLimit = Check.range(name(), "sigma_y_limit", sigmaYLimit, 0, Double.MAX_VALUE);
        Check.that(sigmaXLimit.min() > 0 || sigmaYLimit.min() > 0, name(), "sigma_x_limit and sigma_y_limit cannot both start at 0, got "
                + sigmaXLimit + " and " + sigmaYLimit);
        this.rotateLimit = Check.range(name(), "rotate_limit", rotateLimit, -360, 360);
        this.betaLimit = Check.range(name(), "beta_limit", betaLimit, 0, Double.MAX_VALUE);
        Check.that(betaLimit.min() < 1 && betaLimit.max() > 1, name(), "beta_limit must contain 1 (min < 1 < max), got " + betaLimit);
        this.noiseLimit = Check.range(name(), "noise_limit", noiseLimit, 0, Double.MAX_VALUE);
    }

    /**
     * With Albumentations' defaults: blur_limit [3, 7], sigma_x_limit and sigma_y_limit [0.2, 1], rotate_limit [-90, 90],
     * beta_limit [0.5, 8], noise_limit [0.9, 1.1], p = 0.5.
     */
    public AdvancedBlur() {
        this(Range.of(3, 7), Range.of(0.2, 1), Range.of(0.2, 1), Range.of(-90, 90), Range.of(0.5, 8), Range.of(0.9, 1.1), 0.5);
    }

    static AdvancedBlur fromDict(Params r) {
        return new AdvancedBlur(r.range("blur_limit", Range.of(3, 7), Params.Scalar.UPPER, 3),
                r.range(r.renamed("sigma_x_limit", "sigmaX_limit"), Range.of(0.2, 1), Params.Scalar.UPPER, 0),
                r.range(r.renamed("sigma_y_limit", "sigmaY_limit"), Range.of(0.2, 1), Params.Scalar.UPPER, 0),
                r.range("rotate_limit", Range.of(-90, 90), Params.Scalar.SYMMETRIC), r.range("beta_limit", Range.of(0.5, 8), Params.Scalar.UPPER, 0),
                r.range("noise_limit", Range.of(0.9, 1.1), Params.Scalar.UPPER, 0), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        int k = Blur.sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max());
        double sx = sigmaXLimit.uniform(rng), sy = sigmaYLimit.uniform(rng), angle = rotateLimit.uniform(rng);
        double beta = rng.nextDouble() < 0.5 ? Range.of(betaLimit.min(), 1).uniform(rng) : Range.of(1, betaLimit.max()).uniform(rng);
        return new Kernel(k, sx, sy, angle, beta, rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Kernel k) {
        return BlurKernels.convolve(image, k.ksize(), kernel(k, noiseLimit));
    }

    /** The normalised kernel, row-major. */
    static float[] kernel(Kernel p, Range noise) {
        int k = p.ksize();
        double a = Math.toRadians(p.angle()), c = Math.cos(a), s = Math.sin(a);
        double vx = p.sigmaX() * p.sigmaX(), vy = p.sigmaY() * p.sigmaY();
        // Σ = R diag(vx, vy) Rᵀ and its inverse
        double s00 = c * c * vx + s * s * vy, s01 = c * s * (vx - vy), s11 = s * s * vx + c * c * vy;
        double det = s00 * s11 - s01 * s01;
        double i00 = s11 / det, i01 = -s01 / det, i11 = s00 / det;
        SplittableRandom rng = new SplittableRandom(p.noiseSeed());
        double[] v = new double[k * k];
        double sum = 0;
        for (int row = 0; row < k; row++) {
            for (int col = 0; col < k; col++) {
                double x = col - k / 2, y = row - k / 2;
                double q = x * x * i00 + 2 * x * y * i01 + y * y * i11;
                v[row * k + col] = Math.exp(-0.5 * Math.pow(q, p.beta())) * noise.uniform(rng);
                sum += v[row * k + col];
            }
        }
        float[] out = new float[k * k];
        for (int i = 0; i < out.length; i++) out[i] = (float) (v[i] / sum);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        m.put("sigma_x_limit", sigmaXLimit);
        m.put("sigma_y_limit", sigmaYLimit);
        m.put("rotate_limit", rotateLimit);
        m.put("beta_limit", betaLimit);
        m.put("noise_limit", noiseLimit);
        return m;
    }
}
