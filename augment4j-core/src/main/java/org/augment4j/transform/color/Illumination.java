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
 * Multiplies the image by a lighting pattern. Albumentations' {@code Illumination}: {@code mode} {@code "linear"}
 * (default; a directional gradient), {@code "corner"} (falling off from a random corner) or {@code "gaussian"} (a
 * spotlight); {@code intensity_range} within [0.01, 0.2] (default {@code [0.01, 0.2]}); {@code effect_type}
 * {@code "brighten"}, {@code "darken"} or {@code "both"} (default; the sign is drawn with probability 1/2);
 * {@code angle_range} in degrees within [0, 360] (default {@code [0, 360]}, linear only); {@code center_range} within
 * [0, 1] (default {@code [0.1, 0.9]}, gaussian only; x and y drawn separately); {@code sigma_range} within [0.2, 1]
 * (default {@code [0.2, 1]}, gaussian only), p = 0.5. Targets: image.
 *
 * <p>The patterns are {@link IlluminationKernels}' (as in Albumentations 2.0.8, the corner pattern is
 * {@code 1 − i·d/diagonal}: 1 at the corner, so a positive intensity darkens away from it); results are clipped, uint8
 * rounded back. Any channel count (the same
 * pattern on every channel; the alpha of a 4-channel image is kept).
 */
public final class Illumination extends PixelTransform<Illumination.Light> {
    /** The signed intensity and the mode's sampled geometry (angle in degrees; corner 0..3; center as fractions). */
    public record Light(double intensity, double angle, int corner, double[] center, double sigma) {}

    private static final Allowed MODES = Allowed.oneOf("linear", "corner", "gaussian");
    private static final Allowed EFFECTS = Allowed.oneOf("brighten", "darken", "both");

    private final String mode;
    private final Range intensityRange;
    private final String effectType;
    private final Range angleRange;
    private final Range centerRange;
    private final Range sigmaRange;

    /**
     * @param mode           {@code mode}: {@code "linear"}, {@code "corner"} or {@code "gaussian"}
     * @param intensityRange {@code intensity_range}: range of the effect's strength, within [0.01, 0.2]
     * @param effectType     {@code effect_type}: {@code "brighten"}, {@code "darken"} or {@code "both"} (sign drawn)
     * @param angleRange     {@code angle_range}: gradient direction in degrees, within [0, 360] (linear mode)
     * @param centerRange    {@code center_range}: spotlight centre as fractions of width and height, within [0, 1] (gaussian mode)
     * @param sigmaRange     {@code sigma_range}: spotlight spread as a fraction of the image size, within [0.2, 1] (gaussian mode)
     * @param p              probability of applying the transform, in [0, 1]
     */
    public Illumination(String mode, Range intensityRange, String effectType, Range angleRange, Range centerRange, Range sigmaRange, double p) {
        super(p);
        MODES.check(name(), "mode", mode);
        EFFECTS.check(name(), "effect_type", effectType);
        this.mode = mode;
        this.intensityRange = Check.range(name(), "intensity_range", intensityRange, 0.01, 0.2);
        this.effectType = effectType;
        this.angleRange = Check.range(name(), "angle_range", angleRange, 0, 360);
        this.centerRange = Check.range(name(), "center_range", centerRange, 0, 1);
        this.sigmaRange = Check.range(name(), "sigma_range", sigmaRange, 0.2, 1);
    }

    /**
     * With Albumentations' defaults: mode "linear", intensity_range [0.01, 0.2], effect_type "both", angle_range [0, 360],
     * center_range [0.1, 0.9], sigma_range [0.2, 1], p = 0.5.
     */
    public Illumination() {
        this("linear", Range.of(0.01, 0.2), "both", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 0.5);
    }

    static Illumination fromDict(Params r) {
        return new Illumination(r.string("mode", "linear"), r.range("intensity_range", Range.of(0.01, 0.2), Params.Scalar.FIXED),
                r.string("effect_type", "both"), r.range("angle_range", Range.of(0, 360), Params.Scalar.FIXED),
                r.range("center_range", Range.of(0.1, 0.9), Params.Scalar.FIXED), r.range("sigma_range", Range.of(0.2, 1), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Light sampleParams(Sample sample, RandomGenerator rng) {
        double intensity = intensityRange.uniform(rng);
        int sign = switch (effectType) {
            case "both" -> rng.nextDouble() > 0.5 ? 1 : -1;
            case "darken" -> -1;
            default -> 1;
        };
        intensity *= sign;
        return switch (mode) {
            case "linear" -> new Light(intensity, angleRange.uniform(rng), 0, new double[] {0.5, 0.5}, 0);
            case "corner" -> new Light(intensity, 0, rng.nextInt(4), new double[] {0.5, 0.5}, 0);
            default -> {
                double x = centerRange.uniform(rng), y = centerRange.uniform(rng);
                yield new Light(intensity, 0, 0, new double[] {x, y}, sigmaRange.uniform(rng));
            }
        };
    }

    @Override
    protected Mat applyToImage(Mat image, Light l) {
        int rows = image.rows(), cols = image.cols();
        try (Mat pattern = switch (mode) {
            case "linear" -> IlluminationKernels.linear(rows, cols, l.intensity(), l.angle());
            case "corner" -> IlluminationKernels.corner(rows, cols, l.intensity(), l.corner());
            default -> IlluminationKernels.gaussian(rows, cols, l.intensity(), l.center()[0], l.center()[1], l.sigma());
        }) {
            return ColorKernels.keepingAlpha(image, img -> IlluminationKernels.apply(img, pattern));
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("intensity_range", intensityRange);
        m.put("effect_type", effectType);
        m.put("angle_range", angleRange);
        m.put("center_range", centerRange);
        m.put("sigma_range", sigmaRange);
        return m;
    }
}
