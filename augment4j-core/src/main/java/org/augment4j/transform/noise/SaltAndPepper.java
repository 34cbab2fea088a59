package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Sets random pixels to the maximum value (salt) or to 0 (pepper). Albumentations' {@code SaltAndPepper}:
 * {@code amount} the range of the fraction of pixels hit, within [0, 1] (default {@code [0.01, 0.06]}),
 * {@code salt_vs_pepper} the range of the fraction of those that become salt, within [0, 1] (default
 * {@code [0.4, 0.6]}), p = 0.5. Targets: image (uint8 or float32, any number of channels: a hit pixel changes in every
 * channel, alpha included, as in Albumentations).
 *
 * <p>{@code int(h·w·amount)} distinct pixels are drawn (sampling without replacement from a generator seeded by
 * {@code seed}); the first {@code int(n·salt_vs_pepper)} of them become salt, the rest pepper.
 */
public final class SaltAndPepper extends PixelTransform<SaltAndPepper.Noise> {
    /** The sampled fraction of pixels, fraction of salt among them, and the seed of their positions. */
    public record Noise(double amount, double saltVsPepper, long seed) {}

    private final Range amount;
    private final Range saltVsPepper;

    /**
     * @param amount       {@code amount}: range of the fraction of pixels hit, within [0, 1]
     * @param saltVsPepper {@code salt_vs_pepper}: range of the fraction of hit pixels that become salt, within [0, 1]
     * @param p            probability of applying the transform, in [0, 1]
     */
    public SaltAndPepper(Range amount, Range saltVsPepper, double p) {
        super(p);
        this.amount = Check.range(name(), "amount", amount, 0, 1);
        this.saltVsPepper = Check.range(name(), "salt_vs_pepper", saltVsPepper, 0, 1);
    }

    /** With Albumentations' defaults: amount [0.01, 0.06], salt_vs_pepper [0.4, 0.6], p = 0.5. */
    public SaltAndPepper() {
        this(Range.of(0.01, 0.06), Range.of(0.4, 0.6), 0.5);
    }

    static SaltAndPepper fromDict(Params r) {
        return new SaltAndPepper(r.range("amount", Range.of(0.01, 0.06), Params.Scalar.FIXED),
                r.range("salt_vs_pepper", Range.of(0.4, 0.6), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Noise sampleParams(Sample sample, RandomGenerator rng) {
        return new Noise(amount.uniform(rng), saltVsPepper.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Noise n) {
        int rows = image.rows(), cols = image.cols(), area = rows * cols;
        int hits = (int) (area * n.amount());
        int salt = (int) (hits * n.saltVsPepper());
        Mat out = image.clone();
        try (Mat saltMask = Mats.zeros(rows, cols, CV_8U); Mat pepperMask = Mats.zeros(rows, cols, CV_8U);
             Mat max = Mats.scalarMat(Mats.maxValue(image)); Mat zero = Mats.scalarMat(0)) {
            int[] positions = NoiseKernels.choose(area, hits, new SplittableRandom(n.seed()));
            ByteBuffer s = saltMask.createBuffer(), pe = pepperMask.createBuffer();
            for (int i = 0; i < hits; i++) (i < salt ? s : pe).put(positions[i], (byte) 1);
            out.setTo(max, saltMask);
            out.setTo(zero, pepperMask);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", amount);
        m.put("salt_vs_pepper", saltVsPepper);
        return m;
    }
}
