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
 * Embosses the image and blends the result with the original. Albumentations' {@code Emboss}: {@code alpha} the
 * visibility of the embossed image, a range within [0, 1] (default {@code [0.2, 0.5]}), {@code strength} a range
 * {@code >= 0} (default {@code [0.2, 0.7]}), p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>The 3x3 matrix {@code (1 − alpha) · I + alpha · [[-1-s, -s, 0], [-s, 1, s], [0, s, 1+s]]} is built in float32
 * arithmetic as Albumentations builds it (the effect's entries rounded to float32, then each product and sum), and
 * applied with {@code filter2D} (border {@code BORDER_REFLECT_101}; uint8 rounded and saturated).
 */
public final class Emboss extends PixelTransform<Emboss.Amount> {
    /** The sampled blend factor and strength. */
    public record Amount(double alpha, double strength) {}

    private final Range alpha;
    private final Range strength;

    /**
     * @param alpha    {@code alpha}: visibility of the embossed image, within [0, 1]
     * @param strength {@code strength}: emboss strength, {@code >= 0}
     * @param p        probability of applying the transform, in [0, 1]
     */
    public Emboss(Range alpha, Range strength, double p) {
        super(p);
        this.alpha = Check.range(name(), "alpha", alpha, 0, 1);
        this.strength = Check.range(name(), "strength", strength, 0, Double.MAX_VALUE);
    }

    /** With Albumentations' defaults: alpha [0.2, 0.5], strength [0.2, 0.7], p = 0.5. */
    public Emboss() {
        this(Range.of(0.2, 0.5), Range.of(0.2, 0.7), 0.5);
    }

    static Emboss fromDict(Params r) {
        return new Emboss(r.range("alpha", Range.of(0.2, 0.5), Params.Scalar.FIXED), r.range("strength", Range.of(0.2, 0.7), Params.Scalar.FIXED),
                r.p(0.5));
    }

    @Override
    public Amount sampleParams(Sample sample, RandomGenerator rng) {
        double a = alpha.uniform(rng);
        return new Amount(a, strength.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Amount a) {
        return BlurKernels.convolve(image, 3, matrix(a.alpha(), a.strength()));
    }

    /** The 3x3 emboss matrix, row-major. */
    static float[] matrix(double alpha, double strength) {
        float s = (float) strength, minus = (float) -strength, lo = (float) (-1 - strength), hi = (float) (1 + strength);
        return BlurKernels.blendWithIdentity(new float[] {lo, minus, 0, minus, 1, s, 0, s, hi}, alpha);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        m.put("strength", strength);
        return m;
    }
}
