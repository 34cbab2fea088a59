package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;

import java.nio.DoubleBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;

/** Pure kernels of the noise family: seeded random fields from OpenCV's {@code RNG}. */
final class NoiseKernels {
    private NoiseKernels() {}

    /** A float32 field of {@code planes} channels, uniform in [lo, hi) (NORMAL: mean lo, deviation hi), from {@code seed}. */
    static Mat field(int rows, int cols, int planes, int distribution, double a, double b, long seed) {
        Mat raw = new Mat(rows, cols, CV_MAKETYPE(CV_32F, planes));
        try (RNG rng = new RNG(seed); Mat pa = one(a); Mat pb = one(b)) {
            rng._fill(raw, distribution, pa, pb);
        }
        return raw;
    }

    /**
     * A noise field brought to the image: resized (linear) to {@code rows × cols} when drawn smaller, and its planes
     * replicated to {@code channels} when one plane is shared. Takes ownership of {@code raw}.
     */
    static Mat fitToImage(Mat raw, int rows, int cols, int channels) {
        Mat field = raw;
        if (field.rows() != rows || field.cols() != cols) {
            Mat big = new Mat();
            try (org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(cols, rows)) {
                org.bytedeco.opencv.global.opencv_imgproc.resize(field, big, size, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
            } finally {
                field.close();
            }
            field = big;
        }
        if (field.channels() == channels) return field;
        try {
            return org.augment4j.internal.PixelKernels.replicate(field, channels);
        } finally {
            field.close();
        }
    }

    /** A 1x1 CV_64F matrix: the form RNG.fill takes for a parameter shared by every channel. */
    static Mat one(double v) {
        Mat m = new Mat(1, 1, CV_64F);
        ((DoubleBuffer) m.createBuffer()).put(0, v);
        return m;
    }

    /** {@code k} distinct indices of {@code [0, n)} in random order (a partial Fisher–Yates shuffle). */
    static int[] choose(int n, int k, java.util.SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, k);
    }

    /**
     * Replaces every value {@code λ >= 0} of a float32 matrix, in place, by {@code Poisson(λ) · factor}: Knuth's
     * multiplication method below λ = 10, Hörmann's transformed rejection (PTRS, as numpy) from there on.
     */
    static void poissonInPlace(Mat m, double factor, java.util.SplittableRandom rng) {
        if (m.depth() != CV_32F || !m.isContinuous()) throw new IllegalArgumentException("poisson needs a continuous float32 matrix");
        java.nio.FloatBuffer b = m.createBuffer();
        int n = (int) (m.total() * m.channels());
        for (int i = 0; i < n; i++) b.put(i, (float) (poisson(b.get(i), rng) * factor));
    }

    static long poisson(double lam, java.util.SplittableRandom rng) {
        if (!(lam > 0)) return 0;
        if (lam < 10) {
            double limit = Math.exp(-lam), prod = rng.nextDouble();
            long k = 0;
            while (prod > limit) {
                k++;
                prod *= rng.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(lam), loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5, v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - logFactorial(k)) return k;
        }
    }

    /** {@code ln(k!)}: exact sums below 20, Stirling's series above. */
    static double logFactorial(long k) {
        if (k < 20) {
            double s = 0;
            for (long i = 2; i <= k; i++) s += Math.log(i);
            return s;
        }
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /** Fills a float32 matrix, in place, with draws of {@code sampler} (a tight loop: OpenCV has no such distribution). */
    static void fillInPlace(Mat m, java.util.function.DoubleSupplier sampler) {
        if (m.depth() != CV_32F || !m.isContinuous()) throw new IllegalArgumentException("fill needs a continuous float32 matrix");
        java.nio.FloatBuffer b = m.createBuffer();
        int n = (int) (m.total() * m.channels());
        for (int i = 0; i < n; i++) b.put(i, (float) sampler.getAsDouble());
    }

    /** A Laplace draw by inverting the distribution function. */
    static double laplace(double loc, double scale, java.util.SplittableRandom rng) {
        double u = rng.nextDouble() - 0.5;
        return loc - scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    /** A Beta(a, b) draw as X / (X + Y) of two gamma draws. */
    static double beta(double a, double b, java.util.SplittableRandom rng) {
        double x = gamma(a, rng), y = gamma(b, rng);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    /** A Gamma(shape, 1) draw: Marsaglia and Tsang's method, boosted by {@code U^(1/shape)} below shape 1. */
    static double gamma(double shape, java.util.SplittableRandom rng) {
        if (shape < 1) return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        double d = shape - 1 / 3.0, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = gaussian(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    private static double gaussian(java.util.SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
