package org.augment4j.transform.weather;

import java.util.ArrayList;
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

/**
 * A sun with lens-flare circles. Albumentations' {@code RandomSunFlare} (2.x): {@code flare_roi} the normalised region
 * {@code [x_min, y_min, x_max, y_max]} of the sun's centre (default {@code [0, 0, 1, 0.5]}), {@code angle_range} the
 * flare line's direction as a fraction of 2π within [0, 1] (default {@code [0, 1]}), {@code num_flare_circles_range}
 * (≥ 1, default {@code [6, 10]}), {@code src_radius} the sun's radius in pixels &gt; 1 (default 400), {@code src_color}
 * uint8 RGB (default {@code [255, 255, 255]}), {@code method} {@code "overlay"} or {@code "physics_based"} (default
 * {@code "overlay"}), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>Each circle lies on the flare line (sampled every 1% of the diagonal), radius {@code rad³} for rad in
 * {@code [1, max(2, int(h · 0.01))]}, alpha in [0.05, 0.2], each colour channel within 20% of the brightest source
 * channel below the source colour. See {@link SunFlareKernels} for the renderings. float32 images go through uint8.
 * 1.3's {@code angle_lower}/{@code angle_upper} and {@code num_flare_circles_lower}/{@code num_flare_circles_upper} are read too.
 */
public final class RandomSunFlare extends PixelTransform<RandomSunFlare.Flare> {
    /** The sun centre {@code [x, y]}, and per circle its alpha and {@code [x, y, radius, r, g, b]}. */
    public record Flare(int[] flareCenter, double[] circleAlphas, int[][] circles) {}

    private static final Allowed METHODS = Allowed.oneOf("overlay", "physics_based");

    private final double[] flareRoi;
    private final Range angleRange;
    private final Range numFlareCirclesRange;
    private final int srcRadius;
    private final double[] srcColor;
    private final String method;

    /**
     * @param flareRoi             {@code flare_roi}: normalised region {@code [x_min, y_min, x_max, y_max]} of the sun's centre
     * @param angleRange           {@code angle_range}: flare line direction as a fraction of 2π, within [0, 1]
     * @param numFlareCirclesRange {@code num_flare_circles_range}: range of the number of flare circles, {@code >= 1}
     * @param srcRadius            {@code src_radius}: sun radius in pixels, {@code > 1}
     * @param srcColor             {@code src_color}: RGB colour, three integers in [0, 255]
     * @param method               {@code method}: {@code "overlay"} or {@code "physics_based"}
     * @param p                    probability of applying the transform, in [0, 1]
     */
    public RandomSunFlare(double[] flareRoi, Range angleRange, Range numFlareCirclesRange, int srcRadius, double[] srcColor, String method, double p) {
        super(p);
        this.flareRoi = WeatherKernels.roi(name(), "flare_roi", flareRoi, true);
        this.angleRange = Check.range(name(), "angle_range", angleRange, 0, 1);
        this.numFlareCirclesRange = Check.range(name(), "num_flare_circles_range", numFlareCirclesRange, 1, Integer.MAX_VALUE);
        Allowed.above(1).check(name(), "src_radius", srcRadius);
        this.srcRadius = srcRadius;
        Check.that(srcColor.length == 3 && Arrays.stream(srcColor).allMatch(c -> c >= 0 && c <= 255 && c == Math.rint(c)), name(),
                "src_color must be 3 integers in [0, 255], got " + Arrays.toString(srcColor));
        this.srcColor = srcColor.clone();
        METHODS.check(name(), "method", method);
        this.method = method;
    }

    /**
     * With Albumentations' defaults: flare_roi [0, 0, 1, 0.5], angle_range [0, 1], num_flare_circles_range [6, 10],
     * src_radius 400, src_color [255, 255, 255], method "overlay", p = 0.5.
     */
    public RandomSunFlare() {
        this(new double[] {0, 0, 1, 0.5}, Range.of(0, 1), Range.of(6, 10), 400, new double[] {255, 255, 255}, "overlay", 0.5);
    }

    static RandomSunFlare fromDict(Params r) {
        return new RandomSunFlare(r.numbers("flare_roi", new double[] {0, 0, 1, 0.5}),
                WeatherKernels.legacyRange(r, "angle_range", Range.of(0, 1), "angle_lower", "angle_upper"),
                WeatherKernels.legacyRange(r, "num_flare_circles_range", Range.of(6, 10), "num_flare_circles_lower", "num_flare_circles_upper"),
                r.integer("src_radius", 400), r.numbers("src_color", new double[] {255, 255, 255}), r.string("method", "overlay"), r.p(0.5));
    }

    @Override
    public Flare sampleParams(Sample sample, RandomGenerator rng) {
        int h = sample.height(), w = sample.width();
        double diagonal = Math.sqrt((double) h * h + (double) w * w);
        double angle = 2 * Math.PI * angleRange.uniform(rng);
        int cx = (int) (w * Range.of(flareRoi[0], flareRoi[2]).uniform(rng));
        int cy = (int) (h * Range.of(flareRoi[1], flareRoi[3]).uniform(rng));
        int n = numFlareCirclesRange.randint(rng);
        int step = Math.max(1, (int) (diagonal * 0.01));
        int maxRadius = Math.max(2, (int) (h * 0.01));
        int colorRange = (int) (Arrays.stream(srcColor).max().orElse(0) * 0.2);
        List<double[]> points = new ArrayList<>();
        for (int t = -cx; t < w - cx; t += step) points.add(new double[] {cx + t * Math.cos(angle), cy + t * Math.sin(angle)});
        double[] alphas = new double[n];
        int[][] circles = new int[n][];
        for (int i = 0; i < n; i++) {
            alphas[i] = Range.of(0.05, 0.2).uniform(rng);
            double[] pt = points.isEmpty() ? new double[] {cx, cy} : points.get(rng.nextInt(points.size()));
            int rad = WeatherKernels.randint(rng, 1, maxRadius);
            int[] c = new int[6];
            c[0] = (int) pt[0];
            c[1] = (int) pt[1];
            c[2] = rad * rad * rad;
            for (int k = 0; k < 3; k++) c[3 + k] = WeatherKernels.randint(rng, (int) Math.max(srcColor[k] - colorRange, 0), (int) srcColor[k]);
            circles[i] = c;
        }
        return new Flare(new int[] {cx, cy}, alphas, circles);
    }

    @Override
    protected Mat applyToImage(Mat image, Flare f) {
        return WeatherKernels.onRgb(name(), image, u8 -> method.equals("overlay")
                ? SunFlareKernels.overlay(u8, f.flareCenter(), srcRadius, srcColor, f.circleAlphas(), f.circles())
                : SunFlareKernels.physics(u8, f.flareCenter(), srcRadius, srcColor, f.circles()));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flare_roi", Arrays.stream(flareRoi).boxed().toList());
        m.put("src_radius", srcRadius);
        m.put("src_color", Arrays.stream(srcColor).mapToObj(c -> (Object) (long) c).toList());
        m.put("angle_range", angleRange);
        m.put("num_flare_circles_range", numFlareCirclesRange);
        m.put("method", method);
        return m;
    }
}
