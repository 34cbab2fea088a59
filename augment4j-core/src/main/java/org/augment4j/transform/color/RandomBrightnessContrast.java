package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
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
 * channel of a 4-channel image is kept. Limits may be any finite numbers, as Albumentations accepts (AutoAlbument
 * policies use contrast limits up to 4.7; a range may run from high to low).
 *
 * <p>With {@code brightness_by_max=false}, Albumentations 2.0.8 (the default) adds {@code beta·mean}; Albumentations
 * 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}) adds {@code alpha·beta·mean} (the mean of the
 * image already multiplied by alpha). With {@code brightness_by_max=true} both add {@code beta·max}.
 */
public final class RandomBrightnessContrast extends PixelTransform<RandomBrightnessContrast.AlphaBeta> {
    /** The sampled contrast factor {@code alpha} and brightness factor {@code beta}. */
    public record AlphaBeta(double alpha, double beta) {}

    private final Range brightnessLimit;
    private final Range contrastLimit;
    private final boolean brightnessByMax;
    private final boolean ensureSafeRange;
    private final Convention convention;

    /** Where Albumentations 1.3.1 and 2.0.8 differ: the brightness term added to {@code v·alpha}. */
    private enum Convention {
        /** 2.0.8: {@code beta·m}, m the maximum or the mean. */
        ALBUMENTATIONS_2 {
            @Override
            double offset(double alpha, double beta, double m, boolean byMax) {
                return beta * m;
            }
        },
        /** 1.3.1: {@code beta·max}, but {@code alpha·beta·mean} (the mean of the image already multiplied by alpha). */
        ALBUMENTATIONS_1_3 {
            @Override
            double offset(double alpha, double beta, double m, boolean byMax) {
                return byMax ? beta * m : alpha * beta * m;
            }
        };

        abstract double offset(double alpha, double beta, double m, boolean byMax);

        static Convention of(Semantics s) {
            return s == Semantics.ALBUMENTATIONS_1_3 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
        }
    }

    /** Limits are any finite numbers, as Albumentations accepts (a range may even run from high to low). */
    public RandomBrightnessContrast(Range brightnessLimit, Range contrastLimit, boolean brightnessByMax, boolean ensureSafeRange, double p) {
        this(brightnessLimit, contrastLimit, brightnessByMax, ensureSafeRange, p, Convention.ALBUMENTATIONS_2);
    }

    private RandomBrightnessContrast(Range brightnessLimit, Range contrastLimit, boolean brightnessByMax, boolean ensureSafeRange, double p,
                                     Convention convention) {
        super(p);
        this.brightnessLimit = Check.finite(name(), "brightness_limit", brightnessLimit);
        this.contrastLimit = Check.finite(name(), "contrast_limit", contrastLimit);
        this.brightnessByMax = brightnessByMax;
        this.ensureSafeRange = ensureSafeRange;
        this.convention = convention;
    }


    /**
     * With Albumentations' defaults: brightness_limit and contrast_limit [-0.2, 0.2], brightness_by_max true,
     * ensure_safe_range false, p = 0.5.
     */
    public RandomBrightnessContrast() {
        this(Range.symmetric(0.2), Range.symmetric(0.2), true, false, 0.5);
    }

    static RandomBrightnessContrast fromDict(Params r) {
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
        return apply(image, ab.alpha(), ab.beta(), brightnessByMax, convention);
    }

    /** This RandomBrightnessContrast with the brightness term of the given release. */
    @Override
    public RandomBrightnessContrast withSemantics(Semantics semantics) {
        Convention c = Convention.of(semantics);
        return c == convention ? this : new RandomBrightnessContrast(brightnessLimit, contrastLimit, brightnessByMax, ensureSafeRange, probability(), c);
    }

    /** Albumentations 2.0.8's {@code brightness_contrast_adjust}: {@code v·alpha + beta·(max or mean)}, clipped. */
    static Mat apply(Mat image, double alpha, double beta, boolean byMax) {
        return apply(image, alpha, beta, byMax, Convention.ALBUMENTATIONS_2);
    }

    private static Mat apply(Mat image, double alpha, double beta, boolean byMax, Convention convention) {
        return ColorKernels.keepingAlpha(image, rgb -> {
            double value = convention.offset(alpha, beta, byMax ? Mats.maxValue(rgb) : ColorKernels.mean(rgb), byMax);
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
