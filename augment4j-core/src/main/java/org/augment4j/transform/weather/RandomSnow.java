package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.repeat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HLS2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.FloatBuffer;
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
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Snow. Albumentations' {@code RandomSnow} (2.x): {@code snow_point_range} within [0, 1] (default {@code [0.1, 0.3]}),
 * {@code brightness_coeff} &gt; 0 (default 2.5), {@code method} {@code "bleach"} or {@code "texture"} (default
 * {@code "bleach"}), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>bleach: in HLS, every lightness below {@code snow_point · 255/2 + 255/3} is multiplied by {@code brightness_coeff}
 * (clipped, truncated). texture: in HSV (as floats) V is multiplied by {@code 1 + brightness_coeff · snow_point}, a
 * Gaussian noise texture N(0.5, 0.3²) blurred twice with σ = 1 and faded from 1 (top) to 0.2 (bottom) is added to all
 * three HSV channels times {@code 255 · snow_point}, the result is mixed 0.85 : 0.15·snow_point with the tint
 * (0.6, 0.75, 1), saturated to uint8 (numpy's cast is undefined out of range), converted back to RGB, and 1% of the
 * pixels sparkle white. float32 images go through uint8. 1.3's {@code snow_point_lower}/{@code snow_point_upper} are read too.
 */
public final class RandomSnow extends PixelTransform<RandomSnow.Snow> {
    /** The sampled snow point and the seed of the texture (texture method only). */
    public record Snow(double snowPoint, long seed) {}

    private static final Allowed METHODS = Allowed.oneOf("bleach", "texture");

    private final Range snowPointRange;
    private final double brightnessCoeff;
    private final String method;

    /**
     * @param snowPointRange  {@code snow_point_range}: range of the snow amount, within [0, 1]
     * @param brightnessCoeff {@code brightness_coeff}: brightness factor of the snow, {@code > 0}
     * @param method          {@code method}: {@code "bleach"} or {@code "texture"}
     * @param p               probability of applying the transform, in [0, 1]
     */
    public RandomSnow(Range snowPointRange, double brightnessCoeff, String method, double p) {
        super(p);
        this.snowPointRange = Check.range(name(), "snow_point_range", snowPointRange, 0, 1);
        Allowed.above(0).check(name(), "brightness_coeff", brightnessCoeff);
        this.brightnessCoeff = brightnessCoeff;
        METHODS.check(name(), "method", method);
        this.method = method;
    }

    /** With Albumentations' defaults: snow_point_range [0.1, 0.3], brightness_coeff 2.5, method "bleach", p = 0.5. */
    public RandomSnow() {
        this(Range.of(0.1, 0.3), 2.5, "bleach", 0.5);
    }

    static RandomSnow fromDict(Params r) {
        return new RandomSnow(WeatherKernels.legacyRange(r, "snow_point_range", Range.of(0.1, 0.3), "snow_point_lower", "snow_point_upper"),
                r.dbl("brightness_coeff", 2.5), r.string("method", "bleach"), r.p(0.5));
    }

    @Override
    public Snow sampleParams(Sample sample, RandomGenerator rng) {
        return new Snow(snowPointRange.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Snow s) {
        return WeatherKernels.onRgb(name(), image, u8 -> method.equals("bleach") ? bleach(u8, s.snowPoint(), brightnessCoeff)
                : texture(u8, s.snowPoint(), brightnessCoeff, s.seed()));
    }

    /** The bleach method on a uint8 RGB image. */
    static Mat bleach(Mat u8, double snowPoint, double brightnessCoeff) {
        double threshold = snowPoint * 255 / 2 + 255 / 3.0;
        byte[] lightness = new byte[256];
        for (int v = 0; v < 256; v++) lightness[v] = (byte) (v < threshold ? (int) Math.min(255f, v * (float) brightnessCoeff) : v);
        byte[] id = PixelKernels.identity();
        try (Mat hls = new Mat()) {
            cvtColor(u8, hls, COLOR_RGB2HLS);
            try (Mat t = PixelKernels.lut(hls, id, lightness, id)) {
                Mat out = new Mat();
                cvtColor(t, out, COLOR_HLS2RGB);
                return out;
            }
        }
    }

    /** The texture method on a uint8 RGB image, its noise drawn from OpenCV's RNG with {@code seed}. */
    static Mat texture(Mat u8, double snowPoint, double brightnessCoeff, long seed) {
        int rows = u8.rows(), cols = u8.cols();
        try (Mat hsv8 = new Mat(); Mat hsv = new Mat(); Mat gain = Mats.scalarMat(1, 1, 1 + brightnessCoeff * snowPoint, 1);
             Mat tex = new Mat(rows, cols, CV_32F); Mat uniform = new Mat(rows, cols, CV_32F); RNG rng = new RNG(seed);
             Mat half = one(0.5); Mat sd = one(0.3); Mat zero = one(0); Mat unit = one(1); Size none = new Size(0, 0);
             Mat depth = new Mat(rows, 1, CV_32F); Mat depthFull = new Mat(); Mat sparkle = new Mat(); Mat thr = Mats.scalarMat(0.99);
             Mat tint = Mats.scalarMat(0.15 * snowPoint * 0.6, 0.15 * snowPoint * 0.75, 0.15 * snowPoint, 0); Mat white = Mats.scalarMat(255)) {
            cvtColor(u8, hsv8, COLOR_RGB2HSV);
            hsv8.convertTo(hsv, CV_32F);
            multiply(hsv, gain, hsv);
            PixelKernels.clipInPlace(hsv, 0, 255);
            rng._fill(tex, RNG.NORMAL, half, sd);
            rng._fill(uniform, RNG.UNIFORM, zero, unit);
            GaussianBlur(tex, tex, none, 1, 1, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT, 0);
            GaussianBlur(tex, tex, none, 1, 1, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT, 0);
            FloatBuffer d = depth.createBuffer();
            for (int r = 0; r < rows; r++) d.put(r, (float) (rows == 1 ? 1 : 1 - 0.8 * r / (rows - 1)));
            repeat(depth, 1, cols, depthFull);
            multiply(tex, depthFull, tex, 255 * snowPoint, -1);
            try (Mat layer = PixelKernels.replicate(tex, 3)) {
                add(hsv, layer, hsv);
            }
            hsv.convertTo(hsv, CV_32F, 0.85, 0);
            add(hsv, tint, hsv);
            try (Mat snowy8 = PixelKernels.truncateToUint8(hsv)) {
                Mat out = new Mat();
                cvtColor(snowy8, out, COLOR_HSV2RGB);
                compare(uniform, thr, sparkle, CMP_GT);
                out.setTo(white, sparkle);
                return out;
            }
        }
    }

    private static Mat one(double v) {
        Mat m = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F);
        ((java.nio.DoubleBuffer) m.createBuffer()).put(0, v);
        return m;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snow_point_range", snowPointRange);
        m.put("brightness_coeff", brightnessCoeff);
        m.put("method", method);
        return m;
    }
}
