package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Frosted-glass effect: blur, shuffle pixels locally, blur again. Albumentations' {@code GlassBlur}: {@code sigma}
 * {@code >= 0} (default 0.7), {@code max_delta} {@code >= 1} the largest pixel displacement (default 4),
 * {@code iterations} {@code >= 1} (default 2), {@code mode} {@code "fast"} (default) or {@code "exact"}, p = 0.5.
 * Targets: image (uint8 or float32, any channel count).
 *
 * <p>After a Gaussian blur ({@code sigma}, kernel size from sigma), every interior pixel {@code (h, w)} with
 * {@code max_delta < h <= H − max_delta} (and likewise w), visited from the bottom-right, is swapped with
 * {@code (h + dy, w + dx)}, {@code dy, dx} uniform integers in {@code [−max_delta, max_delta)} drawn per pixel and
 * iteration from the recorded seed. {@code exact} swaps one pair after another (rows outer); {@code fast} does each
 * iteration at once, as numpy's fancy-indexed swap: all targets read first, then written. A second blur follows.
 */
public final class GlassBlur extends PixelTransform<GlassBlur.Shuffle> {
    /** The seed of the displacements. */
    public record Shuffle(long seed) {}

    private final double sigma;
    private final int maxDelta;
    private final int iterations;
    private final String mode;

    /**
     * @param sigma      {@code sigma}: standard deviation of the Gaussian blurs in pixels, {@code >= 0}
     * @param maxDelta   {@code max_delta}: largest pixel displacement of the shuffle in pixels, {@code >= 1}
     * @param iterations {@code iterations}: number of shuffle passes, {@code >= 1}
     * @param mode       {@code mode}: {@code "fast"} (all swaps of a pass at once) or {@code "exact"} (one after another)
     * @param p          probability of applying the transform, in [0, 1]
     */
    public GlassBlur(double sigma, int maxDelta, int iterations, String mode, double p) {
        super(p);
        this.sigma = Check.between(name(), "sigma", sigma, 0, Double.MAX_VALUE);
        this.maxDelta = Check.positive(name(), "max_delta", maxDelta);
        this.iterations = Check.positive(name(), "iterations", iterations);
        Allowed.oneOf("fast", "exact").check(name(), "mode", mode);
        this.mode = mode;
    }

    /** With Albumentations' defaults: sigma 0.7, max_delta 4, iterations 2, mode "fast", p = 0.5. */
    public GlassBlur() {
        this(0.7, 4, 2, "fast", 0.5);
    }

    static GlassBlur fromDict(Params r) {
        return new GlassBlur(r.dbl("sigma", 0.7), r.integer("max_delta", 4), r.integer("iterations", 2), r.string("mode", "fast"), r.p(0.5));
    }

    @Override
    public Shuffle sampleParams(Sample sample, RandomGenerator rng) {
        return new Shuffle(rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Shuffle s) {
        try (Mat x = new Mat(); Size auto = new Size(0, 0)) {
            blur(image, x, auto);
            shuffle(x, s.seed());
            Mat out = new Mat();
            blur(x, out, auto);
            return out;
        }
    }

    private void blur(Mat in, Mat out, Size auto) {
        if (sigma > 0) GaussianBlur(in, out, auto, sigma, sigma, BORDER_DEFAULT, 0);
        else in.copyTo(out);
    }

    /** Swaps pixels of the continuous matrix {@code x} in place. */
    private void shuffle(Mat x, long seed) {
        int rows = x.rows(), cols = x.cols(), md = maxDelta;
        int nh = rows - 2 * md, nw = cols - 2 * md;
        if (nh <= 0 || nw <= 0) return;
        int px = (int) x.elemSize(), n = nh * nw;
        ByteBuffer b = x.data().capacity((long) rows * cols * px).asByteBuffer();
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] dy = new int[iterations][n], dx = new int[iterations][n];
        for (int i = 0; i < n; i++) {
            for (int it = 0; it < iterations; it++) {
                dy[it][i] = rng.nextInt(-md, md);
                dx[it][i] = rng.nextInt(-md, md);
            }
        }
        byte[] tmp = new byte[px];
        if ("exact".equals(mode)) {
            for (int it = 0, ind = 0; it < iterations; it++) {
                for (int h = rows - md; h > md; h--) {
                    for (int w = cols - md; w > md; w--, ind++) {
                        int i = ind % n;
                        swap(b, ((h * cols) + w) * px, ((h + dy[it][i]) * cols + w + dx[it][i]) * px, px, tmp);
                    }
                }
            }
            return;
        }
        byte[] a = new byte[n * px], c = new byte[n * px];
        int[] src = new int[n], dst = new int[n];
        for (int it = 0; it < iterations; it++) {
            int i = 0;
            for (int w = cols - md; w > md; w--) {
                for (int h = rows - md; h > md; h--, i++) {
                    src[i] = (h * cols + w) * px;
                    dst[i] = ((h + dy[it][i]) * cols + w + dx[it][i]) * px;
                }
            }
            for (i = 0; i < n; i++) {
                b.get(dst[i], a, i * px, px);
                b.get(src[i], c, i * px, px);
            }
            for (i = 0; i < n; i++) b.put(src[i], a, i * px, px);
            for (i = 0; i < n; i++) b.put(dst[i], c, i * px, px);
        }
    }

    private static void swap(ByteBuffer b, int p, int q, int px, byte[] tmp) {
        b.get(p, tmp, 0, px);
        for (int k = 0; k < px; k++) b.put(p + k, b.get(q + k));
        b.put(q, tmp, 0, px);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sigma", sigma);
        m.put("max_delta", maxDelta);
        m.put("iterations", iterations);
        m.put("mode", mode);
        return m;
    }
}
