package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.multiply;

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

/**
 * Darkens the image along a plasma fractal P in [0, 1] ({@link PlasmaKernels}): {@code v·(1 − i·P)}. Albumentations'
 * {@code PlasmaShadow}: {@code shadow_intensity_range} the range of {@code i} within [0, 1] (default
 * {@code [0.3, 0.7]}), {@code plasma_size} ≥ 1 (default 256; kept for files, the pattern is sized to the image as in
 * Albumentations 2.0.8), {@code roughness} > 0 (default 3), p = 0.5. Targets: image. uint8 results are truncated; any
 * channel count (the same pattern for every channel).
 */
public final class PlasmaShadow extends PixelTransform<PlasmaShadow.Shadow> {
    /** The sampled intensity and the seed of the plasma pattern. */
    public record Shadow(double intensity, long plasmaSeed) {}

    private final Range shadowIntensityRange;
    private final int plasmaSize;
    private final double roughness;

    /**
     * @param shadowIntensityRange {@code shadow_intensity_range}: range of the shadow's darkness, within [0, 1]
     * @param plasmaSize           {@code plasma_size}: {@code >= 1}; kept for pipeline files, the pattern is sized to the image
     * @param roughness            {@code roughness}: roughness of the plasma pattern, {@code > 0}
     * @param p                    probability of applying the transform, in [0, 1]
     */
    public PlasmaShadow(Range shadowIntensityRange, int plasmaSize, double roughness, double p) {
        super(p);
        this.shadowIntensityRange = Check.range(name(), "shadow_intensity_range", shadowIntensityRange, 0, 1);
        this.plasmaSize = Check.positive(name(), "plasma_size", plasmaSize);
        Allowed.above(0).check(name(), "roughness", roughness);
        this.roughness = roughness;
    }

    /** With Albumentations' defaults: shadow_intensity_range [0.3, 0.7], plasma_size 256, roughness 3, p = 0.5. */
    public PlasmaShadow() {
        this(Range.of(0.3, 0.7), 256, 3, 0.5);
    }

    static PlasmaShadow fromDict(Params r) {
        return new PlasmaShadow(r.range("shadow_intensity_range", Range.of(0.3, 0.7), Params.Scalar.FIXED), r.integer("plasma_size", 256),
                r.dbl("roughness", 3), r.p(0.5));
    }

    @Override
    public Shadow sampleParams(Sample sample, RandomGenerator rng) {
        return new Shadow(shadowIntensityRange.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Shadow s) {
        try (Mat plane = PlasmaKernels.pattern(image.rows(), image.cols(), roughness, s.plasmaSeed()); Mat factor = new Mat();
             Mat v = new Mat()) {
            plane.convertTo(factor, CV_32F, -s.intensity(), 1);
            try (Mat f = PixelKernels.replicate(factor, image.channels())) {
                image.convertTo(v, CV_32F);
                multiply(v, f, v);
            }
            if (Mats.isFloat(image)) {
                PixelKernels.clipInPlace(v, 0, 1);
                return v.clone();
            }
            return PixelKernels.truncateToUint8(v);
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shadow_intensity_range", shadowIntensityRange);
        m.put("plasma_size", plasmaSize);
        m.put("roughness", roughness);
        return m;
    }
}
