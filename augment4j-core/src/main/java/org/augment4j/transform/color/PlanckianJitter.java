package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Shifts the colour temperature along the Planckian locus. Albumentations' {@code PlanckianJitter}: {@code mode}
 * {@code "blackbody"} (default) or {@code "cied"}; {@code temperature_limit} in kelvin, within [3000, 15000] for
 * blackbody and [4000, 15000] for cied and containing 6000 (default, or null: the whole range of the mode);
 * {@code sampling_method} {@code "uniform"} (default) or {@code "gaussian"}, p = 0.5. Targets: image.
 *
 * <p>Sampling as Albumentations: with probability 0.4 below 6000 K, else above (uniform on that side, or 6000 ± |N(0,
 * side / 3)|), clipped to the limit and truncated to whole kelvin. The kernel multiplies red by {@code r/g} and blue by
 * {@code b/g} of the tabulated (and linearly interpolated, 500 K steps) coefficients; uint8 through tables, truncated;
 * float32 clipped to [0, 1]. Needs RGB; a 4-channel image keeps its alpha.
 */
public final class PlanckianJitter extends PixelTransform<PlanckianJitter.Temperature> {
    /** The sampled temperature in kelvin. */
    public record Temperature(int temperature) {}

    private static final int WHITE = 6000;
    private static final double LEFT_PROBABILITY = 0.4;

    private final String mode;
    private final Range temperatureLimit;
    private final String samplingMethod;

    /**
     * @param mode             {@code mode}: {@code "blackbody"} or {@code "cied"}
     * @param temperatureLimit {@code temperature_limit}: colour temperature in kelvin, containing 6000 and within [3000, 15000]
     *                         (blackbody) or [4000, 15000] (cied); null for the mode's whole range
     * @param samplingMethod   {@code sampling_method}: {@code "uniform"} or {@code "gaussian"}
     * @param p                probability of applying the transform, in [0, 1]
     */
    public PlanckianJitter(String mode, Range temperatureLimit, String samplingMethod, double p) {
        super(p);
        Allowed.oneOf("blackbody", "cied").check(name(), "mode", mode);
        Allowed.oneOf("uniform", "gaussian").check(name(), "sampling_method", samplingMethod);
        this.mode = mode;
        Range limit = temperatureLimit == null ? Range.of(PlanckianCoefficients.min(mode), PlanckianCoefficients.MAX) : temperatureLimit;
        this.temperatureLimit = Check.range(name(), "temperature_limit", limit, PlanckianCoefficients.min(mode), PlanckianCoefficients.MAX);
        Check.that(limit.min() <= WHITE && WHITE <= limit.max(), name(), "temperature_limit must contain " + WHITE + " K, got " + limit);
        this.samplingMethod = samplingMethod;
    }

    /**
     * With Albumentations' defaults: mode "blackbody", temperature_limit null (the mode's whole range), sampling_method
     * "uniform", p = 0.5.
     */
    public PlanckianJitter() {
        this("blackbody", null, "uniform", 0.5);
    }

    static PlanckianJitter fromDict(Params r) {
        String mode = r.string("mode", "blackbody");
        Range limit = r.range("temperature_limit", null, Params.Scalar.FIXED);
        return new PlanckianJitter(mode, limit, r.string("sampling_method", "uniform"), r.p(0.5));
    }

    @Override
    public Temperature sampleParams(Sample sample, RandomGenerator rng) {
        double lo = temperatureLimit.min(), hi = temperatureLimit.max(), t;
        boolean left = rng.nextDouble() < LEFT_PROBABILITY;
        if (samplingMethod.equals("uniform")) {
            t = left ? Range.of(lo, WHITE).uniform(rng) : Range.of(WHITE, hi).uniform(rng);
        } else {
            t = left ? WHITE - Math.abs(rng.nextGaussian() * Math.abs(WHITE - lo) / 3) : WHITE + Math.abs(rng.nextGaussian() * Math.abs(hi - WHITE) / 3);
        }
        return new Temperature((int) Math.min(hi, Math.max(lo, t)));
    }

    @Override
    protected Mat applyToImage(Mat image, Temperature t) {
        double[] c = PlanckianCoefficients.at(mode, t.temperature());
        return ColorKernels.onRgb(name(), image, rgb -> ColorKernels.scaleChannels(rgb, c[0] / c[1], 1, c[2] / c[1]));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("temperature_limit", temperatureLimit);
        m.put("sampling_method", samplingMethod);
        return m;
    }
}
