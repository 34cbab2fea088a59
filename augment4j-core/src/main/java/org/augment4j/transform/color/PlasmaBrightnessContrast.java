package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
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
 * Brightness and contrast that vary over the image along a plasma fractal P in [0, 1] ({@link PlasmaKernels}).
 * Albumentations' {@code PlasmaBrightnessContrast}: {@code brightness_range} and {@code contrast_range} within [-1, 1]
 * (default {@code [-0.3, 0.3]} each), {@code plasma_size} ≥ 1 (default 256; kept for files, the pattern is sized to the
 * image as in Albumentations 2.0.8), {@code roughness} > 0 (default 3), p = 0.5. Targets: image.
 *
 * <p>On the image as float in [0, 1]: {@code v + b·P}; then with {@code w = 1 + c·P} and m the mean of that result,
 * {@code v·w + m·(1 − w)}; clipped, and uint8 rounded back. Any channel count (the same pattern for every channel).
 */
public final class PlasmaBrightnessContrast extends PixelTransform<PlasmaBrightnessContrast.Factors> {
    /** The sampled factors and the seed of the plasma pattern. */
    public record Factors(double brightnessFactor, double contrastFactor, long plasmaSeed) {}

    private final Range brightnessRange;
    private final Range contrastRange;
    private final int plasmaSize;
    private final double roughness;

    /**
     * @param brightnessRange {@code brightness_range}: range of the brightness factor, within [-1, 1]
     * @param contrastRange   {@code contrast_range}: range of the contrast factor, within [-1, 1]
     * @param plasmaSize      {@code plasma_size}: {@code >= 1}; kept for pipeline files, the pattern is sized to the image
     * @param roughness       {@code roughness}: roughness of the plasma pattern, {@code > 0}
     * @param p               probability of applying the transform, in [0, 1]
     */
    public PlasmaBrightnessContrast(Range brightnessRange, Range contrastRange, int plasmaSize, double roughness, double p) {
        super(p);
        this.brightnessRange = Check.range(name(), "brightness_range", brightnessRange, -1, 1);
        this.contrastRange = Check.range(name(), "contrast_range", contrastRange, -1, 1);
        this.plasmaSize = Check.positive(name(), "plasma_size", plasmaSize);
        Allowed.above(0).check(name(), "roughness", roughness);
        this.roughness = roughness;
    }

    /**
     * With Albumentations' defaults: brightness_range and contrast_range [-0.3, 0.3], plasma_size 256, roughness 3, p = 0.5.
     */
    public PlasmaBrightnessContrast() {
        this(Range.symmetric(0.3), Range.symmetric(0.3), 256, 3, 0.5);
    }

    static PlasmaBrightnessContrast fromDict(Params r) {
        return new PlasmaBrightnessContrast(r.range("brightness_range", Range.symmetric(0.3), Params.Scalar.SYMMETRIC),
                r.range("contrast_range", Range.symmetric(0.3), Params.Scalar.SYMMETRIC), r.integer("plasma_size", 256), r.dbl("roughness", 3), r.p(0.5));
    }

    @Override
    public Factors sampleParams(Sample sample, RandomGenerator rng) {
        return new Factors(brightnessRange.uniform(rng), contrastRange.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Factors f) {
        if (f.brightnessFactor() == 0 && f.contrastFactor() == 0) return image.clone();
        boolean isFloat = Mats.isFloat(image);
        try (Mat plane = PlasmaKernels.pattern(image.rows(), image.cols(), roughness, f.plasmaSeed());
             Mat pattern = PixelKernels.replicate(plane, image.channels()); Mat v = new Mat(); Mat t = new Mat()) {
            image.convertTo(v, CV_32F, isFloat ? 1 : 1 / 255.0, 0);
            if (f.brightnessFactor() != 0) {
                pattern.convertTo(t, CV_32F, f.brightnessFactor(), 0);
                add(v, t, v);
            }
            if (f.contrastFactor() != 0) {
                double mean = ColorKernels.mean(v);
                try (Mat w = new Mat()) {
                    pattern.convertTo(w, CV_32F, f.contrastFactor(), 1);
                    multiply(v, w, v);
                    w.convertTo(t, CV_32F, -mean, mean);   // m·(1 − w)
                    add(v, t, v);
                }
            }
            PixelKernels.clipInPlace(v, 0, 1);
            Mat out = new Mat();
            if (isFloat) v.copyTo(out);
            else v.convertTo(out, image.type(), 255, 0);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brightness_range", brightnessRange);
        m.put("contrast_range", contrastRange);
        m.put("plasma_size", plasmaSize);
        m.put("roughness", roughness);
        return m;
    }
}
