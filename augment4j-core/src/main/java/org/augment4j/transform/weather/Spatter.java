package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Rain drops or mud on the lens. Albumentations' {@code Spatter} (2.x): {@code mean_range} and {@code std_range} of the
 * Gaussian liquid layer, within [0, 1] (defaults {@code [0.65, 0.65]}, {@code [0.3, 0.3]}), {@code gauss_sigma_range}
 * its blur σ ≥ 0 (default {@code [2, 2]}), {@code cutout_threshold_range} below which the layer is dry, within [0, 1]
 * (default {@code [0.68, 0.68]}), {@code intensity_range} within [0, 1] (default {@code [0.6, 0.6]}), {@code mode}
 * {@code "rain"} or {@code "mud"} (default {@code "rain"}), {@code color} uint8 RGB or null for the mode's default
 * ({@code [238, 238, 175]} rain, {@code [20, 42, 63]} mud), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>Works in float32 like Albumentations ({@code float32_io}); see {@link SpatterKernels}. 1.3's {@code mean}, {@code std},
 * {@code gauss_sigma}, {@code cutout_threshold} and {@code intensity} (numbers or pairs) are read too, and so are 1.3's
 * {@code mode} as a list (its {@code to_dict} wrote {@code ["rain"]}; a list of several modes, drawn from per image by
 * 1.3, is refused) and {@code color} as a colour per mode ({@code {"rain": [238, 238, 175], "mud": [20, 42, 63]}}).
 */
public final class Spatter extends PixelTransform<Spatter.Splash> {
    /** The sampled layer statistics, blur, threshold, intensity, and the seed of the liquid layer. */
    public record Splash(double mean, double std, double gaussSigma, double cutoutThreshold, double intensity, long seed) {}

    private static final List<String> MODES = List.of("rain", "mud");

    private final Range meanRange;
    private final Range stdRange;
    private final Range gaussSigmaRange;
    private final Range cutoutThresholdRange;
    private final Range intensityRange;
    private final String mode;
    private final double[] color;

    public Spatter(Range meanRange, Range stdRange, Range gaussSigmaRange, Range cutoutThresholdRange, Range intensityRange, String mode,
                   double[] color, double p) {
        super(p);
        this.meanRange = Check.range(name(), "mean_range", meanRange, 0, 1);
        this.stdRange = Check.range(name(), "std_range", stdRange, 0, 1);
        this.gaussSigmaRange = Check.range(name(), "gauss_sigma_range", gaussSigmaRange, 0, Double.MAX_VALUE);
        this.cutoutThresholdRange = Check.range(name(), "cutout_threshold_range", cutoutThresholdRange, 0, 1);
        this.intensityRange = Check.range(name(), "intensity_range", intensityRange, 0, 1);
        Check.that(MODES.contains(mode), name(), "mode must be one of " + MODES + ", got '" + mode + "'");
        this.mode = mode;
        double[] c = color != null ? color : mode.equals("rain") ? new double[] {238, 238, 175} : new double[] {20, 42, 63};
        Check.that(c.length == 3 && Arrays.stream(c).allMatch(v -> v >= 0 && v <= 255 && v == Math.rint(v)), name(),
                "color must be 3 integers in [0, 255], got " + Arrays.toString(c));
        this.color = c.clone();
    }

    public Spatter() {
        this(Range.fixed(0.65), Range.fixed(0.3), Range.fixed(2), Range.fixed(0.68), Range.fixed(0.6), "rain", null, 0.5);
    }

    public static Spatter fromDict(Params r) {
        return new Spatter(WeatherKernels.renamedRange(r, "mean_range", "mean", Range.fixed(0.65)),
                WeatherKernels.renamedRange(r, "std_range", "std", Range.fixed(0.3)),
                WeatherKernels.renamedRange(r, "gauss_sigma_range", "gauss_sigma", Range.fixed(2)),
                WeatherKernels.renamedRange(r, "cutout_threshold_range", "cutout_threshold", Range.fixed(0.68)),
                WeatherKernels.renamedRange(r, "intensity_range", "intensity", Range.fixed(0.6)),
                mode(r), color(r), r.p(0.5));
    }

    /** 2.x's one mode, or 1.3's list of modes (its {@code to_dict} always wrote a list) holding one. */
    private static String mode(Params r) {
        if (!(r.raw("mode") instanceof List<?> modes)) return r.string("mode", "rain");
        if (modes.size() == 1 && modes.get(0) instanceof String m) return m;
        throw r.error("mode", "must be one mode, \"rain\" or \"mud\" (augment4j does not draw among several modes as Albumentations 1.3 did), got " + modes);
    }

    /** An RGB colour, null, or 1.3's colour per mode ({@code {"rain": [...], "mud": [...]}}), of which the mode's is taken. */
    private static double[] color(Params r) {
        if (!(r.raw("color") instanceof Map<?, ?> byMode)) return r.numbers("color", null);
        Object c = byMode.get(mode(r));
        if (!(c instanceof List<?> l) || l.size() != 3 || !l.stream().allMatch(v -> v instanceof Number)) {
            throw r.error("color", "must give 3 numbers for mode '" + mode(r) + "', got " + byMode);
        }
        return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    @Override
    public Splash sampleParams(Sample sample, RandomGenerator rng) {
        double mean = meanRange.uniform(rng), std = stdRange.uniform(rng), cutout = cutoutThresholdRange.uniform(rng);
        double sigma = gaussSigmaRange.uniform(rng), intensity = intensityRange.uniform(rng);
        return new Splash(mean, std, sigma, cutout, intensity, rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Splash s) {
        return WeatherKernels.onRgb(name(), image, f -> {
            try (Mat liquid = liquidLayer(f.rows(), f.cols(), s)) {
                double[] c = {color[0] / 255, color[1] / 255, color[2] / 255};
                return mode.equals("rain") ? SpatterKernels.rain(f, liquid, c, s.intensity())
                        : SpatterKernels.mud(f, liquid, c, s.cutoutThreshold(), s.gaussSigma(), s.intensity(), s.seed());
            }
        }, true);
    }

    /** N(mean, std²) blurred with σ (kernel {@code 2·round(3σ) + 1}, replicated border), zero below the threshold. */
    static Mat liquidLayer(int rows, int cols, Splash s) {
        Mat liquid = new Mat(rows, cols, CV_32F);
        try (RNG rng = new RNG(s.seed()); Mat m = one(s.mean()); Mat sd = one(s.std())) {
            rng._fill(liquid, RNG.NORMAL, m, sd);
        }
        int k = 2 * (int) Math.rint(3 * s.gaussSigma()) + 1;
        try (Size size = new Size(k, k)) {
            GaussianBlur(liquid, liquid, size, s.gaussSigma(), s.gaussSigma(), BORDER_REPLICATE, 0);
        }
        threshold(liquid, liquid, s.cutoutThreshold(), 0, THRESH_TOZERO);
        return liquid;
    }

    static Mat one(double v) {
        Mat m = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F);
        ((java.nio.DoubleBuffer) m.createBuffer()).put(0, v);
        return m;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_range", meanRange);
        m.put("std_range", stdRange);
        m.put("gauss_sigma_range", gaussSigmaRange);
        m.put("cutout_threshold_range", cutoutThresholdRange);
        m.put("intensity_range", intensityRange);
        m.put("mode", mode);
        m.put("color", Arrays.stream(color).mapToObj(v -> (Object) (long) v).toList());
        return m;
    }
}
