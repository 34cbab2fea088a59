package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.transform;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Normalises to float32. Albumentations' {@code Normalize}: {@code mean} (default ImageNet {@code [0.485, 0.456, 0.406]})
 * and {@code std} (default {@code [0.229, 0.224, 0.225]}, each > 0), one number or one per channel, {@code max_pixel_value}
 * > 0 (default 255), {@code normalization} (2.x, default {@code "standard"}), p = 1. Targets: image; output float32.
 *
 * <ul>
 *   <li>{@code standard}: {@code (img − mean·max_pixel_value) / (std·max_pixel_value)} per channel, in float32 exactly
 *       as Albumentations computes it (a one-number mean/std applies to every channel; extra values beyond the channel
 *       count are ignored, as in albucore);</li>
 *   <li>{@code image} / {@code image_per_channel}: {@code (img − mean) / (std + 1e-4)} with the image's own global or
 *       per-channel statistics, clipped to [-20, 20];</li>
 *   <li>{@code min_max} / {@code min_max_per_channel}: {@code (img − min) / (max − min + 1e-4)}.</li>
 * </ul>
 * The 2.x-only {@code normalization} is written to pipeline files only when it is not {@code standard}.
 */
public final class Normalize extends FixedPixelTransform {
    private static final Allowed MODES = Allowed.oneOf("standard", "image", "image_per_channel", "min_max", "min_max_per_channel");
    private static final double EPS = 1e-4;

    private final double[] mean;
    private final double[] std;
    private final double maxPixelValue;
    private final String normalization;

    /**
     * @param mean          {@code mean}: one number or one per channel, finite, as a fraction of {@code maxPixelValue}
     *                      (standard normalization only)
     * @param std           {@code std}: one number or one per channel, each {@code > 0}, as a fraction of
     *                      {@code maxPixelValue} (standard normalization only)
     * @param maxPixelValue {@code max_pixel_value}: the value that {@code mean} and {@code std} are fractions of, {@code > 0}
     * @param normalization {@code normalization}: {@code "standard"}, {@code "image"}, {@code "image_per_channel"},
     *                      {@code "min_max"} or {@code "min_max_per_channel"}
     * @param p             probability of applying the transform, in [0, 1]
     */
    public Normalize(double[] mean, double[] std, double maxPixelValue, String normalization, double p) {
        super(p);
        Check.that(mean != null && mean.length >= 1, name(), "mean must be one number or a list of numbers, got " + Arrays.toString(mean));
        Check.that(std != null && std.length >= 1, name(), "std must be one number or a list of numbers, got " + Arrays.toString(std));
        for (double s : std) Check.that(s > 0 && Double.isFinite(s), name(), "std values must be > 0, got " + Arrays.toString(std));
        for (double m : mean) Check.that(Double.isFinite(m), name(), "mean values must be finite numbers, got " + Arrays.toString(mean));
        Check.that(Double.isFinite(maxPixelValue), name(), "max_pixel_value must be > 0, got " + maxPixelValue);
        Allowed.above(0).check(name(), "max_pixel_value", maxPixelValue);
        MODES.check(name(), "normalization", normalization);
        this.mean = mean.clone();
        this.std = std.clone();
        this.maxPixelValue = maxPixelValue;
        this.normalization = normalization;
    }

    /** ImageNet mean and std, max_pixel_value 255, standard normalization, p = 1. */
    public Normalize() {
        this(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 255.0, "standard", 1.0);
    }

    static Normalize fromDict(Params r) {
        return new Normalize(r.numbers("mean", new double[] {0.485, 0.456, 0.406}), r.numbers("std", new double[] {0.229, 0.224, 0.225}),
                r.dbl("max_pixel_value", 255.0), r.string("normalization", "standard"), r.p(1.0));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        int c = image.channels();
        if (normalization.equals("standard")) {
            float[] m = perChannel("mean", mean, c), d = perChannel("std", std, c);
            float mpv = (float) maxPixelValue;
            for (int i = 0; i < c; i++) {
                m[i] = m[i] * mpv;            // float32, as numpy: np.array(mean, float32) * max_pixel_value
                d[i] = 1f / (d[i] * mpv);     // np.reciprocal(np.array(std, float32) * max_pixel_value)
            }
            return affine(image, m, d);
        }
        double[] lo = new double[c], scale = new double[c];
        boolean perChannel = normalization.endsWith("_per_channel") && c > 1;
        if (normalization.startsWith("image")) {
            try (Mat mu = new Mat(); Mat sd = new Mat()) {
                meanStdDev(image, mu, sd);
                double[] mus = doubles(mu, c), sds = doubles(sd, c);
                double gm = Arrays.stream(mus).average().orElse(0), second = 0;
                for (int i = 0; i < c; i++) second += (sds[i] * sds[i] + mus[i] * mus[i]) / c;
                double gs = Math.sqrt(Math.max(0, second - gm * gm));
                for (int i = 0; i < c; i++) {
                    lo[i] = perChannel ? mus[i] : gm;
                    scale[i] = 1 / ((perChannel ? sds[i] : gs) + EPS);
                }
            }
        } else {
            double[] mins = new double[c], maxs = new double[c];
            try (MatVector planes = new MatVector(); Mat noMask = new Mat()) {
                split(image, planes);
                for (int i = 0; i < c; i++) {
                    double[] mn = new double[1], mx = new double[1];
                    minMaxLoc(planes.get(i), mn, mx, null, null, noMask);
                    mins[i] = mn[0];
                    maxs[i] = mx[0];
                }
            }
            double gMin = Arrays.stream(mins).min().orElse(0), gMax = Arrays.stream(maxs).max().orElse(0);
            for (int i = 0; i < c; i++) {
                lo[i] = perChannel ? mins[i] : gMin;
                scale[i] = 1 / ((perChannel ? maxs[i] - mins[i] : gMax - gMin) + EPS);
            }
        }
        float[] m = new float[c], d = new float[c];
        for (int i = 0; i < c; i++) {
            m[i] = (float) lo[i];
            d[i] = (float) scale[i];
        }
        Mat out = affine(image, m, d);
        PixelKernels.clipInPlace(out, -20, 20);
        return out;
    }

    /**
     * {@code (img − m) · d} per channel in float32. For uint8: a conversion to float32, then two {@code cv::transform}
     * passes, {@code x − m} and {@code x · d}, each one float operation rounded once, so the result is bit-identical to
     * {@code ((float) v − m) · d} (and to a float lookup table, which is slower: it gathers per element). For float32:
     * OpenCV arithmetic.
     */
    private static Mat affine(Mat image, float[] m, float[] d) {
        int c = m.length;
        Mat out = new Mat();
        if (!Mats.isFloat(image)) {
            float[] one = new float[c], zero = new float[c], minusM = new float[c];
            Arrays.fill(one, 1f);
            for (int i = 0; i < c; i++) minusM[i] = -m[i];
            try (Mat f = new Mat(); Mat shifted = new Mat(); Mat sub = diagonal(one, minusM); Mat mul = diagonal(d, zero)) {
                image.convertTo(f, CV_32F);
                transform(f, shifted, sub);     // separate outputs: OpenCV's in-place transform is slower
                transform(shifted, out, mul);
            }
            return out;
        }
        try (Mat ms = Mats.scalarMat(toDoubles(m)); Mat ds = Mats.scalarMat(toDoubles(d))) {
            subtract(image, ms, out);
            multiply(out, ds, out);
        }
        return out;
    }

    /** The {@code c × (c+1)} float32 matrix of {@code y_i = scale_i · x_i + offset_i}, for {@code cv::transform}. */
    private static Mat diagonal(float[] scale, float[] offset) {
        int c = scale.length;
        float[] values = new float[c * (c + 1)];
        for (int i = 0; i < c; i++) {
            values[i * (c + 1) + i] = scale[i];
            values[i * (c + 1) + c] = offset[i];
        }
        Mat mtx = new Mat(c, c + 1, CV_32F);
        ((FloatBuffer) mtx.createBuffer()).put(values);
        return mtx;
    }

    private float[] perChannel(String param, double[] v, int channels) {
        Check.that(v.length == 1 || v.length >= channels, name(),
                param + " has " + v.length + " values but the image has " + channels + " channels: give one value or one per channel");
        float[] out = new float[channels];
        for (int i = 0; i < channels; i++) out[i] = (float) v[v.length == 1 ? 0 : i];
        return out;
    }

    private static double[] toDoubles(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }

    private static double[] doubles(Mat m, int n) {
        double[] out = new double[n];
        ((DoubleBuffer) m.createBuffer()).get(out);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean.length == 1 ? (Object) mean[0] : mean);
        m.put("std", std.length == 1 ? (Object) std[0] : std);
        m.put("max_pixel_value", maxPixelValue);
        if (!normalization.equals("standard")) m.put("normalization", normalization);
        return m;
    }
}
