package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_core.add;

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
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Adds Gaussian noise. Albumentations' {@code GaussNoise} (2.x): {@code std_range} the noise standard deviation as a
 * fraction of the image's maximum value (255 for uint8, 1 for float32) within [0, 1] (default {@code [0.2, 0.44]}),
 * {@code mean_range} the noise mean as such a fraction within [-1, 1] (default {@code [0, 0]}), {@code per_channel}
 * (default true; false shares one noise plane between channels), {@code noise_scale_factor} in (0, 1] (default 1;
 * below 1 the noise is drawn at that fraction of the size and resized up bilinearly), p = 0.5. Targets: image.
 *
 * <p>Albumentations 1.3 parameters are accepted too: {@code var_limit}, the variance in uint8 pixel units² (a scalar
 * {@code v} means {@code [0, v]}; 1.3 default {@code [10, 50]}), sampled uniformly with {@code sigma = sqrt(variance)},
 * and {@code mean} in uint8 pixel units; such a transform is written back with those names. A 1.x file giving neither
 * the 1.3 nor the 2.x names gets 1.3.1's default, var_limit {@code [10, 50]} and mean 0.
 *
 * <p>uint8 output is clipped and truncated (as Albumentations' {@code clip(...).astype(uint8)}); at full noise scale
 * the integer part of the noise is drawn directly by {@link DiscreteGaussianNoise} (no float image in between), seeded
 * from the sample's generator. Float32 images and coarse noise ({@code noise_scale_factor < 1}) use OpenCV's
 * {@code RNG}; float32 output is clipped to [0, 1].
 */
public final class GaussNoise extends PixelTransform<GaussNoise.Noise> {
    /** The sampled standard deviation and mean (fractions of the maximum value) and the seed of the noise. */
    public record Noise(double sigma, double mean, long seed) {}

    private final Range stdRange;
    private final Range meanRange;
    private final Range varLimit; // non-null: a 1.3 transform, written back as var_limit/mean
    private final double mean13;
    private final boolean perChannel;
    private final double noiseScaleFactor;

    private GaussNoise(Range stdRange, Range meanRange, Range varLimit, double mean13, boolean perChannel, double noiseScaleFactor, double p) {
        super(p);
        this.stdRange = stdRange;
        this.meanRange = meanRange;
        this.varLimit = varLimit;
        this.mean13 = mean13;
        this.perChannel = perChannel;
        this.noiseScaleFactor = noiseScaleFactor;
        if (varLimit == null) {
            Check.range(name(), "std_range", stdRange, 0, 1);
            Check.range(name(), "mean_range", meanRange, -1, 1);
        } else {
            Allowed.atLeast(0).checkRange(name(), "var_limit", varLimit);
            Check.that(varLimit.min() >= 0 && varLimit.min() <= varLimit.max() && Double.isFinite(varLimit.max()), name(),
                    "var_limit must be a range (min <= max) of variances >= 0, got " + varLimit);
            Check.between(name(), "mean", mean13, -255, 255);
        }
        Allowed.interval(0, true, 1, false).check(name(), "noise_scale_factor", noiseScaleFactor);
    }

    /** Albumentations 2.x parameters. */
    public GaussNoise(Range stdRange, Range meanRange, boolean perChannel, double noiseScaleFactor, double p) {
        this(stdRange, meanRange, null, 0, perChannel, noiseScaleFactor, p);
    }

    /**
     * With Albumentations 2.x defaults: std_range [0.2, 0.44], mean_range [0, 0], per_channel true, noise_scale_factor 1,
     * p = 0.5.
     */
    public GaussNoise() {
        this(Range.of(0.2, 0.44), Range.fixed(0), true, 1, 0.5);
    }

    /** Albumentations 1.3 parameters: variance range and mean in uint8 pixel units. */
    public static GaussNoise ofVariance(Range varLimit, double mean, boolean perChannel, double noiseScaleFactor, double p) {
        return new GaussNoise(null, null, varLimit, mean, perChannel, noiseScaleFactor, p);
    }

    static GaussNoise fromDict(Params r) {
        double p = r.p(0.5);
        boolean perChannel = r.bool("per_channel", true);
        double factor = r.dbl("noise_scale_factor", 1);
        boolean legacy = r.has("var_limit") || r.has("mean") // or a 1.3.1 map giving neither: 1.3.1's var_limit (10, 50)
                || r.byRelease(true, false) && !r.has("std_range") && !r.has("mean_range");
        if (legacy && (r.has("std_range") || r.has("mean_range"))) {
            throw r.error(r.has("var_limit") ? "var_limit" : "mean", "is an Albumentations 1.3 parameter; give either var_limit/mean (1.3) or std_range/mean_range (2.x), not both");
        }
        if (legacy) {
            return ofVariance(r.range("var_limit", Range.of(10, 50), Params.Scalar.UPPER, 0), r.dbl("mean", 0), perChannel, factor, p);
        }
        return new GaussNoise(r.range("std_range", Range.of(0.2, 0.44), Params.Scalar.FIXED), r.range("mean_range", Range.fixed(0), Params.Scalar.FIXED),
                perChannel, factor, p);
    }

    @Override
    public Noise sampleParams(Sample sample, RandomGenerator rng) {
        double sigma, mean;
        if (varLimit != null) {
            sigma = Math.sqrt(varLimit.uniform(rng)) / 255;
            mean = mean13 / 255;
        } else {
            sigma = stdRange.uniform(rng);
            mean = meanRange.uniform(rng);
        }
        return new Noise(sigma, mean, rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Noise n) {
        double max = Mats.maxValue(image);
        if (!Mats.isFloat(image) && noiseScaleFactor == 1) return DiscreteGaussianNoise.add(image, n.mean() * max, n.sigma() * max, perChannel, n.seed());
        try (Mat noise = noise(image.rows(), image.cols(), image.channels(), n.sigma() * max, n.mean() * max, n.seed())) {
            if (Mats.isFloat(image)) {
                Mat out = new Mat();
                add(image, noise, out);
                PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
            try (Mat f = new Mat()) {
                image.convertTo(f, CV_32F);
                add(f, noise, f);
                return PixelKernels.truncateToUint8(f);
            }
        }
    }

    /** A float32 noise image of the given shape, N(mean, sigma²) in pixel units, shared across channels unless per_channel. */
    private Mat noise(int rows, int cols, int channels, double sigma, double mean, long seed) {
        int planes = perChannel ? channels : 1;
        int h = Math.max(1, (int) (rows * noiseScaleFactor));
        int w = Math.max(1, (int) (cols * noiseScaleFactor));
        Mat raw = new Mat(h, w, CV_MAKETYPE(CV_32F, planes));
        try (RNG rng = new RNG(seed); Mat m = param(mean); Mat s = param(sigma)) {
            rng._fill(raw, RNG.NORMAL, m, s);
        }
        return NoiseKernels.fitToImage(raw, rows, cols, channels);
    }

    private static Mat param(double v) {
        Mat m = new Mat(1, 1, CV_64F);
        ((java.nio.DoubleBuffer) m.createBuffer()).put(0, v);
        return m;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (varLimit != null) {
            m.put("var_limit", varLimit);
            m.put("per_channel", perChannel);
            m.put("mean", mean13);
            if (noiseScaleFactor != 1) m.put("noise_scale_factor", noiseScaleFactor);
        } else {
            m.put("std_range", stdRange);
            m.put("mean_range", meanRange);
            m.put("per_channel", perChannel);
            m.put("noise_scale_factor", noiseScaleFactor);
        }
        return m;
    }
}
