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
 * Ringing and overshoot artefacts from an ideal low-pass (2-D sinc) filter. Albumentations' {@code RingingOvershoot}:
 * {@code blur_limit} a range of integers {@code >= 3} (a scalar {@code x} means {@code [3, x]}; default
 * {@code [7, 15]}; odd sizes drawn), {@code cutoff} in radians within [0, π] (a scalar {@code x} means {@code [x, x]};
 * default {@code [π/4, π/2]}), p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>The kernel is {@code ω · J₁(ω r) / (2π r)} at distance {@code r} from the centre ({@code ω²/(4π)} at the centre),
 * normalised to sum 1 and applied with {@code filter2D} (uint8 saturated, float clipped to [0, 1]).
 */
public final class RingingOvershoot extends PixelTransform<RingingOvershoot.Kernel> {
    /** The sampled kernel size and cutoff frequency (radians). */
    public record Kernel(int ksize, double cutoff) {}

    private final Range blurLimit;
    private final Range cutoff;

    /**
     * @param blurLimit {@code blur_limit}: sinc kernel sizes in pixels, integers {@code >= 3}; odd sizes are drawn
     * @param cutoff    {@code cutoff}: cutoff frequency in radians, within [0, π]
     * @param p         probability of applying the transform, in [0, 1]
     */
    public RingingOvershoot(Range blurLimit, Range cutoff, double p) {
        super(p);
        this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 3);
        this.cutoff = Check.range(name(), "cutoff", cutoff, 0, Math.PI);
    }

    /** With Albumentations' defaults: blur_limit [7, 15], cutoff [π/4, π/2], p = 0.5. */
    public RingingOvershoot() {
        this(Range.of(7, 15), Range.of(Math.PI / 4, Math.PI / 2), 0.5);
    }

    static RingingOvershoot fromDict(Params r) {
        return new RingingOvershoot(r.range("blur_limit", Range.of(7, 15), Params.Scalar.UPPER, 3),
                r.range("cutoff", Range.of(Math.PI / 4, Math.PI / 2), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        int k = Blur.sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max());
        return new Kernel(k, cutoff.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Kernel k) {
        return BlurKernels.convolve(image, k.ksize(), kernel(k.ksize(), k.cutoff()));
    }

    /** The normalised sinc kernel, row-major. */
    static float[] kernel(int k, double w) {
        double[] v = new double[k * k];
        double c = (k - 1) / 2.0, sum = 0;
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < k; x++) {
                double r = Math.hypot(x - c, y - c);
                v[y * k + x] = r == 0 ? w * w / (4 * Math.PI) : w * besselJ1(w * r) / (2 * Math.PI * r);
                sum += v[y * k + x];
            }
        }
        float[] out = new float[k * k];
        for (int i = 0; i < out.length; i++) out[i] = (float) (v[i] / sum);
        return out;
    }

    /**
     * The Bessel function of the first kind of order 1, from {@code J₁(x) = (1/2π) ∫₀^{2π} cos(t − x sin t) dt} by the
     * trapezoidal rule over {@code 2|x| + 64} (at least 128) points, which converges exponentially for this periodic
     * integrand (the error is of the order of {@code J_n(x)} for n points).
     */
    static double besselJ1(double x) {
        int n = Math.max(128, 2 * (int) Math.ceil(Math.abs(x)) + 64);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            s += Math.cos(t - x * Math.sin(t));
        }
        return s / n;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        m.put("cutoff", cutoff);
        return m;
    }
}
