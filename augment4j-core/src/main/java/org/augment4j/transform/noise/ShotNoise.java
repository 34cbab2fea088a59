package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.pow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Photon (shot) noise in linear light. Albumentations' {@code ShotNoise}: {@code scale_range} the range of the noise
 * scale, {@code > 0} with min &lt;= max (default {@code [0.1, 0.3]}; larger is noisier), p = 0.5. Targets: image (uint8 or
 * float32, any number of channels, each value on its own).
 *
 * <p>As Albumentations: in [0, 1] floats, {@code lin = v^2.2}, {@code out = clip(Poisson(lin/scale + 1e-6)·scale, 0,
 * 1)^(1/2.2)}; uint8 goes in divided by 255 and comes back as {@code rint(out·255)}. The Poisson draws come from a
 * generator seeded by {@code seed} (a tight loop: OpenCV has no Poisson sampler).
 */
public final class ShotNoise extends PixelTransform<ShotNoise.Shot> {
    /** The sampled scale and the seed of the Poisson draws. */
    public record Shot(double scale, long seed) {}

    private final Range scaleRange;

    /**
     * @param scaleRange {@code scale_range}: range of the noise scale, {@code > 0} and finite (larger is noisier)
     * @param p          probability of applying the transform, in [0, 1]
     */
    public ShotNoise(Range scaleRange, double p) {
        super(p);
        Allowed.above(0).checkRange(name(), "scale_range", scaleRange);
        Check.that(scaleRange.min() > 0 && scaleRange.min() <= scaleRange.max() && Double.isFinite(scaleRange.max()), name(),
                "scale_range must be a range (min <= max) of numbers > 0, got " + scaleRange);
        this.scaleRange = scaleRange;
    }

    /** With Albumentations' defaults: scale_range [0.1, 0.3], p = 0.5. */
    public ShotNoise() {
        this(Range.of(0.1, 0.3), 0.5);
    }

    static ShotNoise fromDict(Params r) {
        return new ShotNoise(r.range("scale_range", Range.of(0.1, 0.3), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Shot sampleParams(Sample sample, RandomGenerator rng) {
        return new Shot(scaleRange.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Shot s) {
        try (Mat f = new Mat()) {
            image.convertTo(f, CV_32F, Mats.isFloat(image) ? 1 : 1 / 255.0, 0);
            pow(f, 2.2, f);
            f.convertTo(f, CV_32F, 1 / s.scale(), 1e-6);
            NoiseKernels.poissonInPlace(f, s.scale(), new SplittableRandom(s.seed()));
            PixelKernels.clipInPlace(f, 0, 1);
            pow(f, 1 / 2.2, f);
            Mat out = new Mat();
            if (Mats.isFloat(image)) f.copyTo(out);
            else f.convertTo(out, CV_8U, 255, 0);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale_range", scaleRange);
        return m;
    }
}
