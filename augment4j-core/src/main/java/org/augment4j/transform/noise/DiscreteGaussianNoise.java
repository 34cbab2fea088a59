package org.augment4j.transform.noise;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
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
final class DiscreteGaussianNoise {
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
        short[] table = floorTable(mean, sigma);
        SplittableRandom rng = new SplittableRandom(seed);
        Mat src = image.isContinuous() ? image : image.clone();
        Mat out = new Mat(image.rows(), image.cols(), image.type());
        try {
            // Native memory read and written in place through direct buffers: no copy to or from the Java heap.
            ByteBuffer in = src.createBuffer(), dst = out.createBuffer();
            if (perChannel) addEach(in, dst, table, rng);
            else addShared(in, dst, channels, table, rng);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            if (src != image) src.close();
        }
    }

    private static void addEach(ByteBuffer in, ByteBuffer out, short[] table, SplittableRandom rng) {
        int n = in.capacity(), i = 0;
        for (; i + 4 <= n; i += 4) {
            long bits = rng.nextLong();
            out.put(i, clip(in.get(i), table[(int) bits & 0xFFFF]));
            out.put(i + 1, clip(in.get(i + 1), table[(int) (bits >>> 16) & 0xFFFF]));
            out.put(i + 2, clip(in.get(i + 2), table[(int) (bits >>> 32) & 0xFFFF]));
            out.put(i + 3, clip(in.get(i + 3), table[(int) (bits >>> 48)]));
        }
        for (long bits = rng.nextLong(); i < n; i++, bits >>>= 16) out.put(i, clip(in.get(i), table[(int) bits & 0xFFFF]));
    }

    private static void addShared(ByteBuffer in, ByteBuffer out, int channels, short[] table, SplittableRandom rng) {
        long bits = 0;
        int n = in.capacity();
        for (int p = 0, k = 0; p < n; p += channels, k = (k + 1) & 3) {
            if (k == 0) bits = rng.nextLong();
            short noise = table[(int) (bits >>> (16 * k)) & 0xFFFF];
            for (int c = 0; c < channels; c++) out.put(p + c, clip(in.get(p + c), noise));
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
