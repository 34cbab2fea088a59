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
}
