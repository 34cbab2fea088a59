package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.bitwise_and;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Keeps only the top {@code num_bits} bits of each uint8 value. Albumentations' {@code Posterize}: {@code num_bits}
 * an int or a range in [1, 8] (default 4), p = 0.5. Targets: image (uint8 only).
 */
public final class Posterize extends PixelTransform<Posterize.Bits> {
    /** The sampled number of bits kept. */
    public record Bits(int numBits) {}

    private final Range numBits;

    public Posterize(Range numBits, double p) {
        super(p);
        this.numBits = numBits;
        org.augment4j.transform.Check.range(name(), "num_bits", numBits, 1, 8);
    }

    public Posterize() {
        this(Range.fixed(4), 0.5);
    }

    public static Posterize fromDict(Params r) {
        return new Posterize(r.range("num_bits", Range.fixed(4), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Bits sampleParams(Sample sample, RandomGenerator rng) {
        return new Bits(numBits.randint(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Bits params) {
        Check.that(!Mats.isFloat(image), name(), "needs a uint8 image, got " + Mats.describe(image));
        int mask = (0xff << (8 - params.numBits())) & 0xff;
        Mat out = new Mat();
        try (Mat s = Mats.scalarMat(mask)) {
            bitwise_and(image, s, out);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_bits", numBits);
        return m;
    }
}
