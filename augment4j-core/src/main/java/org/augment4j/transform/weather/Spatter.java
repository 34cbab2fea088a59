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
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
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
 * <p>As in 1.x, {@code mode} may also be a list of modes, one drawn per application, and {@code color} a map from
 * mode to RGB (required when the list has both modes); 1.3.1's {@code to_dict} writes {@code mode: ["rain"]} and
 * {@code color: {"rain": […], "mud": […]}}.
 *
 * <p>Works in float32 like Albumentations ({@code float32_io}); see {@link SpatterKernels}. 1.3's {@code mean}, {@code std},
 * {@code gauss_sigma}, {@code cutout_threshold} and {@code intensity} (numbers or pairs) are read too.
 */
public final class Spatter extends PixelTransform<Spatter.Splash> {
    /** The sampled layer statistics, blur, threshold, intensity, and the seed of the liquid layer. */
    public record Splash(double mean, double std, double gaussSigma, double cutoutThreshold, double intensity, String mode, long seed) {}

    private static final List<String> MODES = List.of("rain", "mud");

    private final Range meanRange;
    private final Range stdRange;
    private final Range gaussSigmaRange;
    private final Range cutoutThresholdRange;
    private final Range intensityRange;
    private final List<String> modes;
    /** The colour of each mode, RGB in [0, 255]; a mode missing here has its default colour. */
    private final Map<String, double[]> colors;

    /**
     * @param meanRange            {@code mean_range}: range of the liquid layer's mean, within [0, 1]
     * @param stdRange             {@code std_range}: range of the liquid layer's standard deviation, within [0, 1]
     * @param gaussSigmaRange      {@code gauss_sigma_range}: range of the layer's blur sigma in pixels, {@code >= 0}
     * @param cutoutThresholdRange {@code cutout_threshold_range}: range of the level below which the layer is dry, within [0, 1]
     * @param intensityRange       {@code intensity_range}: range of the effect's strength, within [0, 1]
     * @param mode                 {@code mode}: {@code "rain"} or {@code "mud"}
     * @param color                {@code color}: RGB colour in uint8 units, or null for the mode's default
     * @param p                    probability of applying the transform, in [0, 1]
     */
    public Spatter(Range meanRange, Range stdRange, Range gaussSigmaRange, Range cutoutThresholdRange, Range intensityRange, String mode,
                   double[] color, double p) {
        this(meanRange, stdRange, gaussSigmaRange, cutoutThresholdRange, intensityRange, List.of(mode),
                color == null ? Map.of() : Map.of(mode, color), p);
    }

    /**
     * @param modes  the modes one is drawn from per application ({@code "rain"}, {@code "mud"})
     * @param colors RGB per mode; a mode not in it gets its default colour
     */
    public Spatter(Range meanRange, Range stdRange, Range gaussSigmaRange, Range cutoutThresholdRange, Range intensityRange, List<String> modes,
                   Map<String, double[]> colors, double p) {
        super(p);
        this.meanRange = Check.range(name(), "mean_range", meanRange, 0, 1);
        this.stdRange = Check.range(name(), "std_range", stdRange, 0, 1);
        this.gaussSigmaRange = Check.range(name(), "gauss_sigma_range", gaussSigmaRange, 0, Double.MAX_VALUE);
        this.cutoutThresholdRange = Check.range(name(), "cutout_threshold_range", cutoutThresholdRange, 0, 1);
        this.intensityRange = Check.range(name(), "intensity_range", intensityRange, 0, 1);
        Check.that(!modes.isEmpty() && MODES.containsAll(modes), name(), "mode must be one of " + MODES + " or a list of them, got " + modes);
        Allowed.record(name(), "mode", Allowed.oneOf(MODES));   // the choices of the check above (a list of them is allowed too)
        this.modes = List.copyOf(modes);
        Map<String, double[]> c = new LinkedHashMap<>();
        for (String m : MODES) {
            double[] rgb = colors.getOrDefault(m, m.equals("rain") ? new double[] {238, 238, 175} : new double[] {20, 42, 63});
            Check.that(rgb.length == 3 && Arrays.stream(rgb).allMatch(v -> v >= 0 && v <= 255 && v == Math.rint(v)), name(),
                    "color must be 3 integers in [0, 255], got " + Arrays.toString(rgb));
            c.put(m, rgb.clone());
        }
        this.colors = c;
    }

    /**
     * With Albumentations' defaults: mean_range [0.65, 0.65], std_range [0.3, 0.3], gauss_sigma_range [2, 2],
     * cutout_threshold_range [0.68, 0.68], intensity_range [0.6, 0.6], mode "rain", color null, p = 0.5.
     */
    public Spatter() {
        this(Range.fixed(0.65), Range.fixed(0.3), Range.fixed(2), Range.fixed(0.68), Range.fixed(0.6), "rain", null, 0.5);
    }

    static Spatter fromDict(Params r) {
        return new Spatter(WeatherKernels.renamedRange(r, "mean_range", "mean", Range.fixed(0.65)),
                WeatherKernels.renamedRange(r, "std_range", "std", Range.fixed(0.3)),
                WeatherKernels.renamedRange(r, "gauss_sigma_range", "gauss_sigma", Range.fixed(2)),
                WeatherKernels.renamedRange(r, "cutout_threshold_range", "cutout_threshold", Range.fixed(0.68)),
                WeatherKernels.renamedRange(r, "intensity_range", "intensity", Range.fixed(0.6)),
                modes(r), colors(r), r.p(0.5));
    }

    /** {@code mode}: a mode, or (1.x) a list of them. */
    private static List<String> modes(Params r) {
        Object v = r.raw("mode");
        if (v == null) return List.of("rain");
        if (v instanceof String m) return List.of(m);
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof String)) return l.stream().map(o -> (String) o).toList();
        throw r.error("mode", "must be 'rain', 'mud' or a list of them, got " + v);
    }

    /** {@code color}: RGB for the (single) mode, or (1.x) a map from mode to RGB, or null for the defaults. */
    private static Map<String, double[]> colors(Params r) {
        Object v = r.raw("color");
        if (v == null) return Map.of();
        if (v instanceof Map<?, ?> m) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), rgb(r, e.getValue()));
            return out;
        }
        List<String> modes = modes(r);
        if (modes.size() > 1) throw r.error("color", "must map each mode to its RGB colour when mode lists several, got " + v);
        return Map.of(modes.get(0), rgb(r, v));
    }

    private static double[] rgb(Params r, Object v) {
        if (v instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number)) return l.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        throw r.error("color", "must be an RGB triple, got " + v);
    }

    @Override
    public Splash sampleParams(Sample sample, RandomGenerator rng) {
        double mean = meanRange.uniform(rng), std = stdRange.uniform(rng), cutout = cutoutThresholdRange.uniform(rng);
        double sigma = gaussSigmaRange.uniform(rng), intensity = intensityRange.uniform(rng);
        String mode = modes.size() == 1 ? modes.get(0) : modes.get(rng.nextInt(modes.size()));
        return new Splash(mean, std, sigma, cutout, intensity, mode, rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Splash s) {
        return WeatherKernels.onRgb(name(), image, f -> {
            try (Mat liquid = liquidLayer(f.rows(), f.cols(), s)) {
                double[] color = colors.get(s.mode());
                double[] c = {color[0] / 255, color[1] / 255, color[2] / 255};
                return s.mode().equals("rain") ? SpatterKernels.rain(f, liquid, c, s.intensity())
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

    private static List<Object> rgbJson(double[] rgb) {
        return Arrays.stream(rgb).mapToObj(v -> (Object) (long) v).toList();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_range", meanRange);
        m.put("std_range", stdRange);
        m.put("gauss_sigma_range", gaussSigmaRange);
        m.put("cutout_threshold_range", cutoutThresholdRange);
        m.put("intensity_range", intensityRange);
        m.put("mode", modes.size() == 1 ? modes.get(0) : modes);
        if (modes.size() == 1) {
            m.put("color", rgbJson(colors.get(modes.get(0))));
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            for (String mode : modes) c.put(mode, rgbJson(colors.get(mode)));
            m.put("color", c);
        }
        return m;
    }
}
