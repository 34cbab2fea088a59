package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_4;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Rain streaks. Albumentations' {@code RandomRain} (2.x): {@code slant_range} the horizontal shift of a drop's end in
 * pixels, within [-45, 45] (default {@code [-10, 10]}), {@code drop_length} in pixels ≥ 1 or null for
 * {@code max(1, height // 8)} (default null; a 1.x file that leaves it out gets 1.3.1's 20), {@code drop_width} ≥ 1 (default 1), {@code drop_color} uint8 RGB (default
 * {@code [200, 200, 200]}), {@code blur_value} ≥ 1 (default 7), {@code brightness_coefficient} in (0, 1] (default 0.7),
 * {@code rain_type} {@code "drizzle"} (height/4 drops), {@code "heavy"} (height), {@code "torrential"} (2·height) or
 * {@code "default"} (height/3) (default {@code "default"}), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>The drops are drawn as 4-connected lines on a black layer, box-blurred with {@code blur_value}, added (saturating)
 * to the image, and the result is multiplied by {@code brightness_coefficient} (every channel; rounded). float32 images
 * go through uint8 like Albumentations. 1.3's {@code slant_lower}/{@code slant_upper} are read too.
 */
public final class RandomRain extends PixelTransform<RandomRain.Rain> {
    /** The sampled slant, drop length and drop starts {@code [x, y]}, in pixels. */
    public record Rain(double slant, int dropLength, int[][] rainDrops) {}

    private static final Allowed TYPES = Allowed.oneOf("drizzle", "heavy", "torrential", "default");

    private final Range slantRange;
    private final Integer dropLength;
    private final int dropWidth;
    private final double[] dropColor;
    private final int blurValue;
    private final double brightnessCoefficient;
    private final String rainType;

    /**
     * @param slantRange            {@code slant_range}: horizontal shift of a drop's end in pixels, within [-45, 45]
     * @param dropLength            {@code drop_length}: drop length in pixels, {@code >= 1}, or null for {@code max(1, height / 8)}
     * @param dropWidth             {@code drop_width}: drop width in pixels, {@code >= 1}
     * @param dropColor             {@code drop_color}: RGB colour, three integers in [0, 255]
     * @param blurValue             {@code blur_value}: box blur size in pixels, {@code >= 1}
     * @param brightnessCoefficient {@code brightness_coefficient}: brightness factor of the rainy image, in (0, 1]
     * @param rainType              {@code rain_type}: {@code "drizzle"}, {@code "heavy"}, {@code "torrential"} or
     *                              {@code "default"}
     * @param p                     probability of applying the transform, in [0, 1]
     */
    public RandomRain(Range slantRange, Integer dropLength, int dropWidth, double[] dropColor, int blurValue, double brightnessCoefficient,
                      String rainType, double p) {
        super(p);
        this.slantRange = Check.range(name(), "slant_range", slantRange, -45, 45);
        if (dropLength != null) Check.positive(name(), "drop_length", dropLength);
        this.dropLength = dropLength;
        this.dropWidth = Check.positive(name(), "drop_width", dropWidth);
        Check.that(dropColor.length == 3 && Arrays.stream(dropColor).allMatch(c -> c >= 0 && c <= 255 && c == Math.rint(c)), name(),
                "drop_color must be 3 integers in [0, 255], got " + Arrays.toString(dropColor));
        this.dropColor = dropColor.clone();
        this.blurValue = Check.positive(name(), "blur_value", blurValue);
        Allowed.interval(0, true, 1, false).check(name(), "brightness_coefficient", brightnessCoefficient);
        this.brightnessCoefficient = brightnessCoefficient;
        TYPES.check(name(), "rain_type", rainType);
        this.rainType = rainType;
    }

    /**
     * With Albumentations 2.x defaults: slant_range [-10, 10], drop_length null, drop_width 1, drop_color [200, 200, 200],
     * blur_value 7, brightness_coefficient 0.7, rain_type "default", p = 0.5.
     */
    public RandomRain() {
        this(Range.of(-10, 10), null, 1, new double[] {200, 200, 200}, 7, 0.7, "default", 0.5);
    }

    static RandomRain fromDict(Params r) {
        Range slant = WeatherKernels.legacyRange(r, "slant_range", Range.of(-10, 10), "slant_lower", "slant_upper");
        Integer length = r.has("drop_length") ? (Integer) r.integer("drop_length", 20) : r.byRelease(20, null); // 2.x: null, from the image height
        r.ignore("drop_length");
        return new RandomRain(slant, length, r.integer("drop_width", 1), r.numbers("drop_color", new double[] {200, 200, 200}),
                r.integer("blur_value", 7), r.dbl("brightness_coefficient", 0.7), r.string("rain_type", "default"), r.p(0.5));
    }

    @Override
    public Rain sampleParams(Sample sample, RandomGenerator rng) {
        int h = sample.height(), w = sample.width();
        int n = switch (rainType) {
            case "drizzle" -> h / 4;
            case "heavy" -> h;
            case "torrential" -> 2 * h;
            default -> h / 3;
        };
        int length = dropLength == null ? Math.max(1, h / 8) : dropLength;
        double slant = slantRange.uniform(rng);
        int[][] drops = new int[n][];
        for (int i = 0; i < n; i++) drops[i] = new int[] {WeatherKernels.integers(rng, 0, w), WeatherKernels.integers(rng, 0, h - length)};
        return new Rain(slant, length, drops);
    }

    @Override
    protected Mat applyToImage(Mat image, Rain r) {
        return WeatherKernels.onRgb(name(), image, u8 -> rain(u8, r));
    }

    private Mat rain(Mat u8, Rain r) {
        if (r.rainDrops().length == 0) return u8.clone();
        try (Mat layer = Mats.zeros(u8.rows(), u8.cols(), u8.type()); Scalar color = Mats.scalar(dropColor); Mat sum = new Mat()) {
            for (int[] d : r.rainDrops()) {
                try (Point a = new Point(d[0], d[1]); Point b = new Point((int) (d[0] + r.slant()), d[1] + r.dropLength())) {
                    line(layer, a, b, color, dropWidth, LINE_4, 0);
                }
            }
            if (blurValue > 1) {
                try (Size k = new Size(blurValue, blurValue)) {
                    blur(layer, layer, k);
                }
            }
            add(u8, layer, sum);
            Mat out = new Mat();
            sum.convertTo(out, CV_8U, brightnessCoefficient, 0);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slant_range", slantRange);
        m.put("drop_length", dropLength);
        m.put("drop_width", dropWidth);
        m.put("drop_color", Arrays.stream(dropColor).mapToObj(c -> (Object) (long) c).toList());
        m.put("blur_value", blurValue);
        m.put("brightness_coefficient", brightnessCoefficient);
        m.put("rain_type", rainType);
        return m;
    }
}
