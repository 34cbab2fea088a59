package org.augment4j.transform.noise;

import java.util.SplittableRandom;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Gaussian noise added to a uint8 image without a float intermediate. For an integer pixel {@code v} and real noise
 * {@code n}, Albumentations' {@code clip(v + n, 0, 255).astype(uint8)} equals {@code clip(v + floor(n), 0, 255)}: only
 * the integer {@code floor(n)} matters. That integer is drawn by inverse-CDF sampling: 16 random bits pick one of
 * 65,536 equally likely quantiles of N(mean, sigma²), so every integer's probability is exact to 1/65,536 and the
 * tails are cut at ±4.3 sigma (probability 1.7e-5). One 64-bit draw of a {@link SplittableRandom} feeds four values.
 *
 * <p>Pure function: depends only on its arguments; the seed decides the noise.
 */
public final class DiscreteGaussianNoise {
    private static final int LEVELS = 1 << 16;
    /** Standard normal quantiles at (u + 0.5) / 65536. */
    private static final float[] QUANTILES = quantiles();

    private DiscreteGaussianNoise() {}

    /**
     * The uint8 image plus {@code floor} of N(mean, sigma²) noise in pixel units, clipped to [0, 255].
     *
     * @param perChannel true for independent noise per value, false for one draw per pixel shared by its channels
     * @return a new uint8 image of the same shape
     */
    public static Mat add(Mat image, double mean, double sigma, boolean perChannel, long seed) {
        int channels = image.channels();
        byte[] px = Mats.toBytes(image);
        short[] table = floorTable(mean, sigma);
        SplittableRandom rng = new SplittableRandom(seed);
        if (perChannel) addEach(px, table, rng);
        else addShared(px, channels, table, rng);
        return Mats.fromBytes(px, image.rows(), image.cols(), channels);
    }

    private static void addEach(byte[] px, short[] table, SplittableRandom rng) {
        int n = px.length, i = 0;
        for (; i + 4 <= n; i += 4) {
            long bits = rng.nextLong();
            px[i] = clip(px[i], table[(int) bits & 0xFFFF]);
            px[i + 1] = clip(px[i + 1], table[(int) (bits >>> 16) & 0xFFFF]);
            px[i + 2] = clip(px[i + 2], table[(int) (bits >>> 32) & 0xFFFF]);
            px[i + 3] = clip(px[i + 3], table[(int) (bits >>> 48)]);
        }
        for (long bits = rng.nextLong(); i < n; i++, bits >>>= 16) px[i] = clip(px[i], table[(int) bits & 0xFFFF]);
    }

    private static void addShared(byte[] px, int channels, short[] table, SplittableRandom rng) {
        long bits = 0;
        for (int p = 0, k = 0; p < px.length; p += channels, k = (k + 1) & 3) {
            if (k == 0) bits = rng.nextLong();
            short noise = table[(int) (bits >>> (16 * k)) & 0xFFFF];
            for (int c = 0; c < channels; c++) px[p + c] = clip(px[p + c], noise);
        }
    }

    private static byte clip(byte v, short noise) {
        return (byte) Math.max(0, Math.min(255, (v & 0xFF) + noise));
    }

    /** {@code floor(mean + sigma * z)} for every quantile z, saturated to the short range that any uint8 sum needs. */
    private static short[] floorTable(double mean, double sigma) {
        short[] t = new short[LEVELS];
        for (int u = 0; u < LEVELS; u++) {
            double n = Math.floor(mean + sigma * QUANTILES[u]);
            t[u] = (short) Math.max(-256, Math.min(256, n));
        }
        return t;
    }

    private static float[] quantiles() {
        float[] q = new float[LEVELS];
        for (int u = 0; u < LEVELS; u++) q[u] = (float) NormalQuantile.of((u + 0.5) / LEVELS);
        return q;
    }
}
