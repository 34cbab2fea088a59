package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Changes brightness and contrast: {@code v·alpha + beta·m}. Albumentations' {@code RandomBrightnessContrast}:
 * {@code brightness_limit} the range of {@code beta} (default {@code [-0.2, 0.2]}; a scalar {@code x} means
 * {@code [-x, x]}), {@code contrast_limit} the range of {@code alpha − 1} (default {@code [-0.2, 0.2]}),
 * {@code brightness_by_max} (default true: {@code m} is the image's maximum value, 255 or 1; false: the mean of the
 * image), {@code ensure_safe_range} (default false: when true, Albumentations' {@code get_safe_brightness_contrast_params}
 * adjusts alpha and beta so that 0 and the maximum stay inside the range), p = 0.5. Targets: image.
 *
 * <p>uint8 through a 256-entry table, truncated like numpy; float32 clipped to [0, 1]. Any channel count; the alpha
 * channel of a 4-channel image is kept.
 */
public final class RandomBrightnessContrast extends PixelTransform<RandomBrightnessContrast.AlphaBeta> {
    /** The sampled contrast factor {@code alpha} and brightness factor {@code beta}. */
    public record AlphaBeta(double alpha, double beta) {}

    private final Range brightnessLimit;
    private final Range contrastLimit;
    private final boolean brightnessByMax;
    private final boolean ensureSafeRange;

    public RandomBrightnessContrast(Range brightnessLimit, Range contrastLimit, boolean brightnessByMax, boolean ensureSafeRange, double p) {
        super(p);
        this.brightnessLimit = Check.range(name(), "brightness_limit", brightnessLimit, -1, 1);
        this.contrastLimit = Check.range(name(), "contrast_limit", contrastLimit, -1, 1);
        this.brightnessByMax = brightnessByMax;
        this.ensureSafeRange = ensureSafeRange;
    }

    public RandomBrightnessContrast() {
        this(Range.symmetric(0.2), Range.symmetric(0.2), true, false, 0.5);
    }

    public static RandomBrightnessContrast fromDict(Params r) {
        Range def = Range.symmetric(0.2);
        return new RandomBrightnessContrast(r.range("brightness_limit", def, Params.Scalar.SYMMETRIC), r.range("contrast_limit", def, Params.Scalar.SYMMETRIC),
                r.bool("brightness_by_max", true), r.bool("ensure_safe_range", false), r.p(0.5));
    }

    @Override
    public AlphaBeta sampleParams(Sample sample, RandomGenerator rng) {
        double alpha = 1 + contrastLimit.uniform(rng);
        double beta = brightnessLimit.uniform(rng);
        return ensureSafeRange ? safe(alpha, beta, Mats.maxValue(sample.image())) : new AlphaBeta(alpha, beta);
    }

    /** Albumentations' {@code get_safe_brightness_contrast_params}, as written there. */
    static AlphaBeta safe(double alpha, double beta, double maxValue) {
        if (alpha > 0) {
            double b = Math.min(maxValue, Math.max(0, beta));
            return new AlphaBeta(Math.min(alpha, (maxValue - b) / maxValue), b);
        }
        double b = Math.min(beta, maxValue);
        return new AlphaBeta(Math.max(alpha, -b / maxValue), b);
    }

    @Override
    protected Mat applyToImage(Mat image, AlphaBeta ab) {
        return apply(image, ab.alpha(), ab.beta(), brightnessByMax);
    }

    /** Albumentations' {@code brightness_contrast_adjust}: {@code v·alpha + beta·(max or mean)}, clipped. */
    static Mat apply(Mat image, double alpha, double beta, boolean byMax) {
        return ColorKernels.keepingAlpha(image, rgb -> {
            double value = beta * (byMax ? Mats.maxValue(rgb) : ColorKernels.mean(rgb));
            return ColorKernels.multiplyAdd(rgb, alpha, value);
        });
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brightness_limit", brightnessLimit);
        m.put("contrast_limit", contrastLimit);
        m.put("brightness_by_max", brightnessByMax);
        m.put("ensure_safe_range", ensureSafeRange);
        return m;
    }
}
