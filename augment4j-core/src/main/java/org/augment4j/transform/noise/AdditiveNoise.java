package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_core.add;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Adds noise from a chosen distribution. Albumentations' {@code AdditiveNoise}: {@code noise_type} {@code "uniform"}
 * (default), {@code "gaussian"}, {@code "laplace"} or {@code "beta"}; {@code spatial_mode} {@code "constant"} (default:
 * one value per channel), {@code "per_pixel"} (a value per pixel and channel) or {@code "shared"} (a value per pixel,
 * the same in every channel); {@code noise_params} the distribution's ranges as fractions of the maximum value, null
 * for the defaults ({@link NoiseSpec}); {@code approximation} in (0, 1] (default 1; below 1 per-pixel and shared noise
 * is drawn at that fraction of the size and resized up bilinearly), p = 0.5. Targets: image (uint8 or float32, any
 * number of channels).
 *
 * <p>The distribution's own parameters (mean, deviation, ...) are sampled once per image, then the noise; uint8 output
 * is clipped and truncated, float32 clipped to [0, 1]. Per-pixel noise comes from OpenCV's {@code RNG} (uniform,
 * gaussian) or a tight loop over a generator (laplace, beta), all seeded by {@code seed}.
 */
public final class AdditiveNoise extends PixelTransform<AdditiveNoise.Draw> {
    /** The sampled distribution parameters ({@link NoiseSpec#sample}), per-channel values in constant mode, and the seed. */
    public record Draw(List<Double> distribution, List<Double> constant, long seed) {
        /** Copies both lists into unmodifiable lists. */
        public Draw {
            distribution = List.copyOf(distribution);
            constant = List.copyOf(constant);
        }
    }

    private final NoiseSpec spec;
    private final String spatialMode;
    private final boolean defaultParams;
    private final double approximation;

    /** @param noiseParams the Albumentations {@code noise_params} map for {@code noiseType}, or null for its defaults */
    public AdditiveNoise(String noiseType, String spatialMode, Map<String, ?> noiseParams, double approximation, double p) {
        super(p);
        this.spec = NoiseSpec.of(name(), noiseType, noiseParams);
        Allowed.oneOf("constant", "per_pixel", "shared").check(name(), "spatial_mode", spatialMode);
        Allowed.interval(0, true, 1, false).check(name(), "approximation", approximation);
        this.spatialMode = spatialMode;
        this.defaultParams = noiseParams == null;
        this.approximation = approximation;
    }

    /**
     * With Albumentations' defaults: noise_type "uniform", spatial_mode "constant", noise_params null, approximation 1,
     * p = 0.5.
     */
    public AdditiveNoise() {
        this("uniform", "constant", null, 1, 0.5);
    }

    @SuppressWarnings("unchecked")
    static AdditiveNoise fromDict(Params r) {
        double p = r.p(0.5);
        String type = r.string("noise_type", "uniform");
        String mode = r.string("spatial_mode", "constant");
        Object np = r.raw("noise_params");
        if (np != null && !(np instanceof Map)) throw r.error("noise_params", "must be a map of the distribution's ranges, got " + np);
        return new AdditiveNoise(type, mode, (Map<String, ?>) np, r.dbl("approximation", 1), p);
    }

    @Override
    public Draw sampleParams(Sample sample, RandomGenerator rng) {
        List<Double> dist = spec.sample(rng);
        List<Double> constant = new ArrayList<>();
        long seed = rng.nextLong();
        if (spatialMode.equals("constant")) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int c = 0; c < sample.image().channels(); c++) constant.add(spec.draw(dist, c, r));
        }
        return new Draw(dist, constant, seed);
    }

    @Override
    protected Mat applyToImage(Mat image, Draw d) {
        double max = Mats.maxValue(image);
        int c = image.channels();
        try (Mat f = new Mat()) {
            image.convertTo(f, CV_32F);
            if (spatialMode.equals("constant")) {
                Check.that(d.constant().size() >= Math.min(c, 4), name(), "has " + d.constant().size() + " constant values for " + c + " channel(s)");
                double[] v = new double[4];
                for (int i = 0; i < Math.min(c, 4); i++) v[i] = d.constant().get(i) * max;
                try (Mat s = Mats.scalarMat(v)) {
                    add(f, s, f);
                }
            } else {
                try (Mat noise = field(image.rows(), image.cols(), c, d)) {
                    noise.convertTo(noise, CV_32F, max, 0);
                    add(f, noise, f);
                }
            }
            if (!Mats.isFloat(image)) return PixelKernels.truncateToUint8(f);
            PixelKernels.clipInPlace(f, 0, 1);
            return f.clone();
        }
    }

    /** Per-pixel (or shared) noise in fractions of the maximum value, drawn at the approximated size and resized up. */
    private Mat field(int rows, int cols, int channels, Draw d) {
        int planes = spatialMode.equals("shared") ? 1 : channels;
        int h = approximation == 1 ? rows : Math.max(1, (int) (rows * approximation));
        int w = approximation == 1 ? cols : Math.max(1, (int) (cols * approximation));
        Mat raw = new Mat(h, w, CV_MAKETYPE(CV_32F, planes));
        spec.fill(raw, d.distribution(), d.seed());
        return NoiseKernels.fitToImage(raw, rows, cols, channels);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noise_type", spec.type());
        m.put("spatial_mode", spatialMode);
        m.put("noise_params", defaultParams ? null : spec.toJson());
        m.put("approximation", approximation);
        return m;
    }

    /** Used by {@link NoiseSpec#fill}: an OpenCV fill of a whole matrix. */
    static void opencvFill(Mat m, int distribution, double a, double b, long seed) {
        try (RNG rng = new RNG(seed); Mat pa = NoiseKernels.one(a); Mat pb = NoiseKernels.one(b)) {
            rng._fill(m, distribution, pa, pb);
        }
    }
}
