package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Moves the tone curve: a cubic Bézier from (0, 0) to (1, 1) with control points (1/3, low_y) and (2/3, high_y).
 * Albumentations' {@code RandomToneCurve}: {@code scale} the standard deviation of the normal distributions
 * {@code low_y ~ N(0.25, scale)} and {@code high_y ~ N(0.75, scale)}, both clipped to [0, 1], within [0, 1] (default
 * 0.1); {@code per_channel} (default false: one curve for every channel; true: one per channel), p = 0.5. Targets: image.
 *
 * <p>Table: {@code rint((3(1−t)²t·low + 3(1−t)t²·high + t³)·255)} for {@code t = linspace(0, 1, 256)}. float32 goes
 * through uint8 and back ({@code uint8_io}). The alpha channel of a 4-channel image is kept.
 */
public final class RandomToneCurve extends PixelTransform<RandomToneCurve.Curve> {
    /** The sampled control heights: one value, or one per channel. */
    public record Curve(double[] lowY, double[] highY) {}

    private final double scale;
    private final boolean perChannel;

    /**
     * @param scale      {@code scale}: standard deviation of the control heights' normal distributions, within [0, 1]
     * @param perChannel {@code per_channel}: whether each channel gets its own curve
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomToneCurve(double scale, boolean perChannel, double p) {
        super(p);
        this.scale = Check.between(name(), "scale", scale, 0, 1);
        this.perChannel = perChannel;
    }

    /** With Albumentations' defaults: scale 0.1, per_channel false, p = 0.5. */
    public RandomToneCurve() {
        this(0.1, false, 0.5);
    }

    static RandomToneCurve fromDict(Params r) {
        return new RandomToneCurve(r.dbl("scale", 0.1), r.bool("per_channel", false), r.p(0.5));
    }

    @Override
    public Curve sampleParams(Sample sample, RandomGenerator rng) {
        int c = sample.image().channels();
        int n = perChannel && c != 1 ? c : 1;
        double[] low = new double[n], high = new double[n];
        for (int i = 0; i < n; i++) low[i] = clip01(0.25 + scale * rng.nextGaussian());
        for (int i = 0; i < n; i++) high[i] = clip01(0.75 + scale * rng.nextGaussian());
        return new Curve(low, high);
    }

    private static double clip01(double v) {
        return Math.min(1, Math.max(0, v));
    }

    @Override
    protected Mat applyToImage(Mat image, Curve curve) {
        int c = image.channels();
        int n = curve.lowY().length;
        Check.that(n == 1 || n == c, name(), "sampled " + n + " curves for an image of " + c + " channel(s)");
        return ColorKernels.uint8Io(image, u8 -> {
            if (n == 1 && c != 4) return PixelKernels.lut(u8, table(curve.lowY()[0], curve.highY()[0]));
            byte[][] tables = new byte[c][];
            for (int i = 0; i < c; i++) tables[i] = table(curve.lowY()[n == 1 ? 0 : i], curve.highY()[n == 1 ? 0 : i]);
            if (c == 4) tables[3] = PixelKernels.identity();
            return PixelKernels.lut(u8, tables);
        });
    }

    /** The Bézier tone table for one channel. */
    static byte[] table(double lowY, double highY) {
        byte[] t = new byte[256];
        double step = 1.0 / 255;
        for (int i = 0; i < 256; i++) {
            double x = i * step, u = 1 - x;
            t[i] = ColorKernels.clipToByte(Math.rint((3 * u * u * x * lowY + 3 * u * x * x * highY + x * x * x) * 255));
        }
        return t;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("per_channel", perChannel);
        return m;
    }
}
