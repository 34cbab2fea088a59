package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.COVAR_NORMAL;
import static org.bytedeco.opencv.global.opencv_core.COVAR_ROWS;
import static org.bytedeco.opencv.global.opencv_core.COVAR_SCALE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.calcCovarMatrix;
import static org.bytedeco.opencv.global.opencv_core.eigen;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;

import java.nio.DoubleBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The per-image colour statistics behind PixelDistributionAdaptation, as sklearn's PCA, StandardScaler and MinMaxScaler
 * fit them on the pixels (rows) of a float image in [0, 1]: each fit is an affine map to a normalised space,
 * {@code z = (x − shift)·basis}, whose inverse maps back.
 */
final class PixelStatistics {
    /** {@code shift}: per channel; {@code basis}: C×C row-major, column j the j-th output axis. */
    final double[] shift;
    final double[][] basis;

    private PixelStatistics(double[] shift, double[][] basis) {
        this.shift = shift;
        this.basis = basis;
    }

    /** Fits {@code type} ("pca", "standard" or "minmax") to a float32 image of C channels. */
    static PixelStatistics fit(Mat image, String type) {
        int c = image.channels();
        double[][] basis = new double[c][c];
        if (type.equals("pca")) {
            try (Mat rows = image.reshape(1, image.rows() * image.cols()); Mat covar = new Mat(); Mat mean = new Mat(); Mat values = new Mat(); Mat vectors = new Mat()) {
                calcCovarMatrix(rows, covar, mean, COVAR_NORMAL | COVAR_ROWS | COVAR_SCALE, CV_64F);
                eigen(covar, values, vectors);
                DoubleBuffer m = mean.createBuffer(), v = vectors.createBuffer();
                double[] shift = new double[c];
                for (int i = 0; i < c; i++) shift[i] = m.get(i);
                for (int k = 0; k < c; k++) {          // component k = eigenvector row k, sign: largest |entry| positive (sklearn's svd_flip)
                    int arg = 0;
                    for (int i = 1; i < c; i++) if (Math.abs(v.get(k * c + i)) > Math.abs(v.get(k * c + arg))) arg = i;
                    double sign = v.get(k * c + arg) < 0 ? -1 : 1;
                    for (int i = 0; i < c; i++) basis[i][k] = sign * v.get(k * c + i);
                }
                return new PixelStatistics(shift, basis);
            }
        }
        double[] shift = new double[c];
        try (MatVector planes = new MatVector()) {
            org.bytedeco.opencv.global.opencv_core.split(image, planes);
            for (int i = 0; i < c; i++) {
                double scale;
                if (type.equals("standard")) {
                    try (Mat mean = new Mat(); Mat std = new Mat()) {
                        meanStdDev(planes.get(i), mean, std);
                        shift[i] = ((DoubleBuffer) mean.createBuffer()).get(0);
                        scale = ((DoubleBuffer) std.createBuffer()).get(0);
                    }
                } else {
                    double[] lo = new double[1], hi = new double[1];
                    minMaxLoc(planes.get(i), lo, hi, (org.bytedeco.opencv.opencv_core.Point) null, (org.bytedeco.opencv.opencv_core.Point) null, (Mat) null);
                    shift[i] = lo[0];
                    scale = hi[0] - lo[0];
                }
                basis[i][i] = 1 / (scale == 0 ? 1 : scale);
            }
        }
        return new PixelStatistics(shift, basis);
    }

    /** sign(trace(components)) as Albumentations' PCA sign check. */
    double traceSign() {
        double t = 0;
        for (int i = 0; i < basis.length; i++) t += basis[i][i];
        return Math.signum(t);
    }

    /**
     * The affine map source → normalised → target as an OpenCV {@code transform} matrix C×(C+1) (CV_32F):
     * {@code y = ((x − s.shift)·s.basis)·t.basis⁻¹ + t.shift}.
     */
    static Mat mapping(PixelStatistics s, PixelStatistics t, boolean pca) {
        int c = s.shift.length;
        double[][] inv = pca ? transpose(t.basis) : diagonalInverse(t.basis); // orthonormal for PCA, diagonal for the scalers
        double[][] a = new double[c][c];                                    // a = s.basis · inv
        for (int i = 0; i < c; i++) for (int j = 0; j < c; j++) for (int k = 0; k < c; k++) a[i][j] += s.basis[i][k] * inv[k][j];
        Mat m = new Mat(c, c + 1, CV_32F);
        java.nio.FloatBuffer buf = m.createBuffer();
        for (int j = 0; j < c; j++) {
            double offset = t.shift[j];
            for (int i = 0; i < c; i++) {
                buf.put(j * (c + 1) + i, (float) a[i][j]);
                offset -= s.shift[i] * a[i][j];
            }
            buf.put(j * (c + 1) + c, (float) offset);
        }
        return m;
    }

    /** The same statistics with every component negated. */
    PixelStatistics negated() {
        double[][] b = new double[basis.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = basis[i].clone();
            for (int j = 0; j < b[i].length; j++) b[i][j] = -b[i][j];
        }
        return new PixelStatistics(shift, b);
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m.length; j++) t[i][j] = m[j][i];
        return t;
    }

    private static double[][] diagonalInverse(double[][] m) {
        double[][] t = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) t[i][i] = 1 / m[i][i];
        return t;
    }
}
