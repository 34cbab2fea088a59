package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.pow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Gamma correction {@code v ↦ max·(v / max)^gamma}. Albumentations' {@code RandomGamma}: {@code gamma_limit} the range
 * of {@code 100·gamma}, in percent (default {@code [80, 120]}; a scalar {@code x} means {@code [-x, x]} as
 * Albumentations reads it, which must still end up positive), p = 0.5. Targets: image. 1.3's {@code eps} is accepted
 * only as null.
 *
 * <p>uint8: Albumentations' table {@code (arange(0, 256/255, 1/255) ** gamma) · 255}, truncated. float32:
 * {@code v ** gamma}. Any channel count; the alpha channel of a 4-channel image is kept.
 */
public final class RandomGamma extends PixelTransform<RandomGamma.Gamma> {
    /** The sampled exponent (gamma_limit / 100). */
    public record Gamma(double gamma) {}

    private final Range gammaLimit;

    /**
     * @param gammaLimit {@code gamma_limit}: range of {@code 100·gamma} (percent), {@code > 0}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomGamma(Range gammaLimit, double p) {
        super(p);
        this.gammaLimit = Check.range(name(), "gamma_limit", gammaLimit, Double.MIN_VALUE, Double.MAX_VALUE);
    }

    /** With Albumentations' defaults: gamma_limit [80, 120], p = 0.5. */
    public RandomGamma() {
        this(Range.of(80, 120), 0.5);
    }

    static RandomGamma fromDict(Params r) {
        if (r.raw("eps") != null) throw r.error("eps", "is not supported (Albumentations 1.3 deprecated it); only null");
        return new RandomGamma(r.range("gamma_limit", Range.of(80, 120), Params.Scalar.SYMMETRIC), r.p(0.5));
    }

    @Override
    public Gamma sampleParams(Sample sample, RandomGenerator rng) {
        return new Gamma(gammaLimit.uniform(rng) / 100);
    }

    @Override
    protected Mat applyToImage(Mat image, Gamma g) {
        return ColorKernels.keepingAlpha(image, img -> gamma(img, g.gamma()));
    }

    /** The gamma kernel: a table for uint8, {@code pow} for float32. */
    static Mat gamma(Mat image, double gamma) {
        if (Mats.isFloat(image)) {
            Mat out = new Mat();
            pow(image, gamma, out);
            return out;
        }
        return PixelKernels.lut(image, gammaTable(gamma));
    }

    /** {@code ((i · (1/255)) ** gamma) · 255} truncated, as numpy computes Albumentations' table. */
    static byte[] gammaTable(double gamma) {
        byte[] t = new byte[256];
        double step = 1.0 / 255;
        for (int i = 0; i < 256; i++) t[i] = ColorKernels.clipToByte(Math.pow(i * step, gamma) * 255);
        return t;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gamma_limit", gammaLimit);
        return m;
    }
}
