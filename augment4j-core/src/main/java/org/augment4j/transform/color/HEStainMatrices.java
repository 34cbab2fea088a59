package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Albumentations' H&E stain presets (rows: haematoxylin, eosin, as optical-density RGB vectors) and the stain algebra. */
final class HEStainMatrices {
    private HEStainMatrices() {}

    static final List<String> NAMES = List.of("ruifrok", "macenko", "standard", "high_contrast", "h_heavy", "e_heavy", "dark", "light");

    private static final double[][][] MATRICES = {
        {{0.644211, 0.716556, 0.266844}, {0.092789, 0.954111, 0.283111}},
        {{0.5626, 0.7201, 0.4062}, {0.2159, 0.8012, 0.5581}},
        {{0.65, 0.70, 0.29}, {0.07, 0.99, 0.11}},
        {{0.55, 0.88, 0.11}, {0.12, 0.86, 0.49}},
        {{0.75, 0.61, 0.32}, {0.04, 0.93, 0.36}},
        {{0.60, 0.75, 0.28}, {0.17, 0.95, 0.25}},
        {{0.78, 0.55, 0.28}, {0.09, 0.97, 0.21}},
        {{0.57, 0.71, 0.38}, {0.15, 0.89, 0.42}}};

    static double[][] of(String name) {
        return MATRICES[NAMES.indexOf(name)];
    }

    /**
     * The affine map on optical density {@code od ↦ ((od·Sᵀ·(SSᵀ + 1e-6·I)⁻¹)·diag(scale) + shift)·S} as an OpenCV
     * {@code transform} matrix 3×4 (CV_32F).
     */
    static Mat odMap(double[][] s, double[] scale, double[] shift) {
        double a = dot(s[0], s[0]) + 1e-6, b = dot(s[0], s[1]), d = dot(s[1], s[1]) + 1e-6, det = a * d - b * b;
        double[][] inv = {{d / det, -b / det}, {-b / det, a / det}};
        double[][] p = new double[3][2];                       // p = Sᵀ·inv: od (1×3) → concentrations (1×2)
        for (int i = 0; i < 3; i++) for (int k = 0; k < 2; k++) p[i][k] = s[0][i] * inv[0][k] + s[1][i] * inv[1][k];
        Mat m = new Mat(3, 4, CV_32F);
        FloatBuffer buf = m.createBuffer();
        for (int j = 0; j < 3; j++) {
            double offset = 0;
            for (int i = 0; i < 3; i++) {
                double v = 0;
                for (int k = 0; k < 2; k++) v += p[i][k] * scale[k] * s[k][j];
                buf.put(j * 4 + i, (float) v);
            }
            for (int k = 0; k < 2; k++) offset += shift[k] * s[k][j];
            buf.put(j * 4 + 3, (float) offset);
        }
        return m;
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }
}
