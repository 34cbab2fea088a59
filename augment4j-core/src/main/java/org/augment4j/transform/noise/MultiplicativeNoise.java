package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.multiply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
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
 * Multiplies the image by random factors. Albumentations' {@code MultiplicativeNoise}: {@code multiplier} the range of
 * the factors, {@code >= 0} with min &lt;= max (a scalar {@code m} means {@code [m, m]}; default {@code [0.9, 1.1]}),
 * {@code per_channel} (default false: one factor shared by all channels), {@code elementwise} (default false: one
 * factor per image, or per channel; true: one per pixel, or per pixel and channel), p = 0.5. Targets: image (uint8 or
 * float32, any number of channels).
 *
 * <p>uint8 output is clipped and truncated (Albumentations' {@code clip(...).astype(uint8)}; a look-up table when not
 * elementwise); float32 output is clipped to [0, 1]. Elementwise factors come from OpenCV's {@code RNG} seeded from
 * the sample's generator; the recorded {@code multiplier} then is empty and {@code seed} decides the field.
 */
public final class MultiplicativeNoise extends PixelTransform<MultiplicativeNoise.Factors> {
    /** The factor(s): one shared, or one per channel; empty when elementwise (then drawn from {@code seed}). */
    public record Factors(List<Double> multiplier, long seed) {
        /** Copies {@code multiplier} into an unmodifiable list. */
        public Factors {
            multiplier = List.copyOf(multiplier);
        }
    }

    private final Range multiplier;
    private final boolean perChannel;
    private final boolean elementwise;

    /**
     * @param multiplier  {@code multiplier}: range of the factors, {@code >= 0}
     * @param perChannel  {@code per_channel}: whether each channel gets its own factor
     * @param elementwise {@code elementwise}: whether each pixel gets its own factor
     * @param p           probability of applying the transform, in [0, 1]
     */
    public MultiplicativeNoise(Range multiplier, boolean perChannel, boolean elementwise, double p) {
        super(p);
        this.multiplier = Check.range(name(), "multiplier", multiplier, 0, Double.MAX_VALUE);
        this.perChannel = perChannel;
        this.elementwise = elementwise;
    }

    /** With Albumentations' defaults: multiplier [0.9, 1.1], per_channel false, elementwise false, p = 0.5. */
    public MultiplicativeNoise() {
        this(Range.of(0.9, 1.1), false, false, 0.5);
    }

    static MultiplicativeNoise fromDict(Params r) {
        return new MultiplicativeNoise(r.range("multiplier", Range.of(0.9, 1.1), Params.Scalar.FIXED), r.bool("per_channel", false),
                r.bool("elementwise", false), r.p(0.5));
    }

    @Override
    public Factors sampleParams(Sample sample, RandomGenerator rng) {
        if (elementwise) return new Factors(List.of(), rng.nextLong());
        int n = perChannel ? sample.image().channels() : 1;
        List<Double> m = new ArrayList<>();
        for (int i = 0; i < n; i++) m.add((double) (float) multiplier.uniform(rng)); // float32, as Albumentations
        return new Factors(m, 0);
    }

    @Override
    protected Mat applyToImage(Mat image, Factors f) {
        int c = image.channels();
        if (!elementwise) {
            List<Double> m = f.multiplier();
            Check.that(m.size() == 1 || m.size() == c, name(), "has " + m.size() + " factors for an image with " + c + " channel(s)");
            if (!Mats.isFloat(image)) {
                byte[][] tables = new byte[m.size()][];
                for (int i = 0; i < m.size(); i++) tables[i] = table(m.get(i).floatValue());
                return PixelKernels.lut(image, tables);
            }
            double[] s = new double[4];
            for (int i = 0; i < 4; i++) s[i] = m.get(m.size() == 1 ? 0 : Math.min(i, c - 1));
            Mat out = new Mat();
            try (Mat factors = Mats.scalarMat(s)) {
                multiply(image, factors, out);
            }
            PixelKernels.clipInPlace(out, 0, 1);
            return out;
        }
        try (Mat field = field(image.rows(), image.cols(), c, f.seed())) {
            if (Mats.isFloat(image)) {
                Mat out = new Mat();
                multiply(image, field, out);
                PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
            try (Mat fl = new Mat()) {
                image.convertTo(fl, CV_32F);
                multiply(fl, field, fl);
                return PixelKernels.truncateToUint8(fl);
            }
        }
    }

    /** {@code clip(v * m, 0, 255).astype(uint8)} in float32. */
    static byte[] table(float m) {
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) t[v] = (byte) (int) Math.min(255f, Math.max(0f, v * m));
        return t;
    }

    /** Uniform factors in [min, max), one plane shared by the channels unless per_channel. */
    private Mat field(int rows, int cols, int channels, long seed) {
        int planes = perChannel ? channels : 1;
        Mat raw = NoiseKernels.field(rows, cols, planes, RNG.UNIFORM, multiplier.min(), multiplier.max(), seed);
        return NoiseKernels.fitToImage(raw, rows, cols, channels);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("multiplier", multiplier);
        m.put("per_channel", perChannel);
        m.put("elementwise", elementwise);
        return m;
    }
}
