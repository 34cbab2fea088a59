package org.augment4j.transform.distortion;

import org.augment4j.internal.geometry.Matrix;

/** Pure math behind the distortions: grid-distortion axes, triangle affines, thin-plate splines, grid splits. */
final class DistortionKernels {
    private DistortionKernels() {}

    /**
     * One axis of a grid distortion, as Albumentations builds it: the {@code size} pixels are cut into cells of
     * {@code step = size / numSteps} pixels (integer division; cell {@code k} starts at {@code k · step}, and the last of
     * the {@code numSteps + 1} cells holds what remains, often nothing). The cells' sample positions run from node to
     * node, node {@code k + 1} lying {@code step · steps[k]} after node {@code k} (the first at 0); each cell is filled
     * with {@code numpy.linspace(node_k, node_k+1, length)}, which includes both ends, so even equal steps of 1 stretch
     * every cell by one pixel. Pixels past the last cell (when the remainder exceeds a step) stay 0, as in
     * Albumentations.
     *
     * @param steps      {@code numSteps + 1} relative cell lengths
     * @param lastToEdge whether a last cell cut short by the image edge ends at {@code size} whatever its step
     *                   (Albumentations 1.x) rather than at {@code step · steps[numSteps]} after its start (2.x)
     * @return for every output pixel, its source coordinate
     */
    static float[] gridAxis(int size, int numSteps, double[] steps, boolean lastToEdge) {
        requireSteps(numSteps, steps);
        int step = size / numSteps;
        float[] out = new float[size];
        double prev = 0;
        for (int k = 0; k <= numSteps; k++) {
            int start = k * step, end = start + step;
            double cur = prev + step * steps[k];
            if (end > size) {
                end = size;
                if (lastToEdge) cur = size;
            }
            linspace(out, start, end, prev, cur);
            prev = cur;
        }
        return out;
    }

    private static void requireSteps(int numSteps, double[] steps) {
        if (steps.length != numSteps + 1) {
            throw new IllegalArgumentException("GridDistortion: expected " + (numSteps + 1) + " steps per axis, got " + steps.length);
        }
    }

    /** {@code numpy.linspace(from, to, end - start)} (both ends included) written into {@code out[start, end)} as float32. */
    private static void linspace(float[] out, int start, int end, double from, double to) {
        int n = end - start;
        if (n <= 0) return;
        double delta = n > 1 ? (to - from) / (n - 1) : 0;
        for (int t = 0; t < n; t++) out[start + t] = (float) (t * delta + from);
        if (n > 1) out[end - 1] = (float) to;
    }

    /**
     * Albumentations' {@code normalized} grid steps: the last step is scaled by the last cell's length relative to a full
     * cell, then all are scaled so that they add up to {@code size / step} (the number of full cells the image holds).
     * An image smaller than {@code numSteps} pixels has no full cell and keeps its steps.
     */
    static double[] normalizedSteps(int size, int numSteps, double[] steps) {
        requireSteps(numSteps, steps);
        int step = size / numSteps;
        if (step == 0) return steps.clone();
        double[] out = steps.clone();
        int last = Math.min(size, (numSteps + 1) * step) - numSteps * step;
        out[numSteps] *= (double) last / step;
        double sum = 0;
        for (double v : out) sum += v;
        double factor = ((double) size / step) / sum;
        for (int k = 0; k < out.length; k++) out[k] *= factor;
        return out;
    }

    /** The affine map taking the triangle {@code from} ({x0, y0, x1, y1, x2, y2}) onto {@code to}. */
    static Matrix triangle(double[] from, double[] to) {
        Matrix f = Matrix.affine(from[2] - from[0], from[4] - from[0], from[0], from[3] - from[1], from[5] - from[1], from[1]);
        Matrix t = Matrix.affine(to[2] - to[0], to[4] - to[0], to[0], to[3] - to[1], to[5] - to[1], to[1]);
        return f.inverse().then(t);
    }

    /** Splits {@code n} into {@code parts} integers differing by at most one, the larger first. */
    static int[] almostEqualIntervals(int n, int parts) {
        int[] out = new int[parts];
        for (int i = 0; i < parts; i++) out[i] = n / parts + (i < n % parts ? 1 : 0);
        return out;
    }

    /** The thin-plate-spline radial basis {@code U = r² log r²}, from the squared distance. */
    private static double kernel(double d2) {
        return d2 > 0 ? d2 * Math.log(d2) : 0;
    }

    /**
     * Fits the thin-plate spline through {@code src[i] → dst[i]} (points {x, y}): solves
     * {@code [[K, P], [Pᵀ, 0]] · [w; a] = [dst; 0]} by Gaussian elimination with partial pivoting.
     *
     * @return {@code n + 3} rows of {wx, wy}: the kernel weights, then the affine part (constant, x, y)
     */
    static double[][] tpsFit(double[][] src, double[][] dst) {
        int n = src.length, m = n + 3;
        double[][] a = new double[m][m + 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = src[i][0] - src[j][0], dy = src[i][1] - src[j][1];
                a[i][j] = kernel(dx * dx + dy * dy);
            }
            double[] p = {1, src[i][0], src[i][1]};
            for (int k = 0; k < 3; k++) {
                a[i][n + k] = p[k];
                a[n + k][i] = p[k];
            }
            a[i][m] = dst[i][0];
            a[i][m + 1] = dst[i][1];
        }
        for (int c = 0; c < m; c++) {
            int pivot = c;
            for (int r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            if (Math.abs(a[pivot][c]) < 1e-12) throw new IllegalArgumentException("ThinPlateSpline: degenerate control points");
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < m; r++) {
                if (r == c || a[r][c] == 0) continue;
                double f = a[r][c] / a[c][c];
                for (int k = c; k < m + 2; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[][] out = new double[m][];
        for (int r = 0; r < m; r++) out[r] = new double[] {a[r][m] / a[r][r], a[r][m + 1] / a[r][r]};
        return out;
    }

    /** Evaluates a fitted spline at (x, y): {x', y'}. */
    static double[] tpsEval(double[][] src, double[][] weights, double x, double y) {
        int n = src.length;
        double ox = weights[n][0] + weights[n + 1][0] * x + weights[n + 2][0] * y;
        double oy = weights[n][1] + weights[n + 1][1] * x + weights[n + 2][1] * y;
        for (int i = 0; i < n; i++) {
            double dx = x - src[i][0], dy = y - src[i][1];
            double u = kernel(dx * dx + dy * dy);
            ox += weights[i][0] * u;
            oy += weights[i][1] * u;
        }
        return new double[] {ox, oy};
    }
}
