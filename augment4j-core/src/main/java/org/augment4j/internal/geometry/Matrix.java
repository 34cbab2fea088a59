package org.augment4j.internal.geometry;

import java.util.Arrays;

/**
 * An immutable 3×3 homogeneous matrix mapping source points to destination points: {@code [x'w, y'w, w] = M [x, y, 1]}.
 * Affine matrices (bottom row {@code 0 0 1}) serve {@link AffineGeometry}; general ones {@link ProjectiveGeometry}.
 */
public final class Matrix {
    private static final Matrix IDENTITY = affine(1, 0, 0, 0, 1, 0);
    private final double[] m; // row-major, 9 values

    private Matrix(double[] m) {
        this.m = m;
    }

    /** The affine matrix {@code [[a, b, c], [d, e, f], [0, 0, 1]]}. */
    public static Matrix affine(double a, double b, double c, double d, double e, double f) {
        return new Matrix(new double[] {a, b, c, d, e, f, 0, 0, 1});
    }

    /** A general 3×3 matrix from 9 row-major values. */
    public static Matrix of(double... rowMajor) {
        if (rowMajor.length != 9) throw new IllegalArgumentException("a 3x3 matrix needs 9 values, got " + rowMajor.length);
        return new Matrix(rowMajor.clone());
    }

    /** The identity map. */
    public static Matrix identity() {
        return IDENTITY;
    }

    /** A translation by {@code (tx, ty)} pixels. */
    public static Matrix translation(double tx, double ty) {
        return affine(1, 0, tx, 0, 1, ty);
    }

    /** A scaling about the origin by {@code sx} along x and {@code sy} along y. */
    public static Matrix scale(double sx, double sy) {
        return affine(sx, 0, 0, 0, sy, 0);
    }

    /**
     * OpenCV's {@code getRotationMatrix2D(center, angle, scale)}: a counter-clockwise rotation by {@code angleDegrees}
     * on screen (y down) about {@code (cx, cy)}, with isotropic scaling.
     */
    public static Matrix rotation(double cx, double cy, double angleDegrees, double scale) {
        double r = Math.toRadians(angleDegrees);
        double a = scale * Math.cos(r);
        double b = scale * Math.sin(r);
        return affine(a, b, (1 - a) * cx - b * cy, -b, a, b * cx + (1 - a) * cy);
    }

    /** Element at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return m[r * 3 + c];
    }

    /** {@code this} applied after {@code first}: the matrix of "first, then this". */
    public Matrix after(Matrix first) {
        double[] o = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += m[r * 3 + k] * first.m[k * 3 + c];
                o[r * 3 + c] = s;
            }
        }
        return new Matrix(o);
    }

    /** "this, then {@code next}". */
    public Matrix then(Matrix next) {
        return next.after(this);
    }

    /** True when the bottom row is {@code 0 0 1}. */
    public boolean isAffine() {
        return m[6] == 0 && m[7] == 0 && m[8] == 1;
    }

    /** The inverse; a singular matrix is an error. */
    public Matrix inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double c00 = e * i - f * h, c01 = -(d * i - f * g), c02 = d * h - e * g;
        double det = a * c00 + b * c01 + c * c02;
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("singular geometry matrix " + this);
        double[] inv = {
            c00 / det, -(b * i - c * h) / det, (b * f - c * e) / det,
            c01 / det, (a * i - c * g) / det, -(a * f - c * d) / det,
            c02 / det, -(a * h - b * g) / det, (a * e - b * d) / det};
        return new Matrix(inv);
    }

    /** Maps a point: returns {@code {x', y'}} (divided by w for a projective matrix). */
    public double[] apply(double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    /** All 9 values, row-major: what OpenCV's warpPerspective takes. */
    public double[] values() {
        return m.clone();
    }

    /** The matrix conjugated by a shift of {@code d}: {@code T(d) · this · T(−d)}; turns a pixel-centre map into a pixel-edge map for d = 0.5. */
    public Matrix shifted(double d) {
        return translation(-d, -d).then(this).then(translation(d, d));
    }

    /** The first two rows, row-major: what OpenCV's warpAffine takes. */
    public double[] affineRows() {
        return Arrays.copyOf(m, 6);
    }

    /** True when every element is within {@code eps} of the other's. */
    public boolean approxEquals(Matrix o, double eps) {
        for (int i = 0; i < 9; i++) if (Math.abs(m[i] - o.m[i]) > eps) return false;
        return true;
    }

    @Override
    public String toString() {
        return "[[" + m[0] + ", " + m[1] + ", " + m[2] + "], [" + m[3] + ", " + m[4] + ", " + m[5] + "], [" + m[6] + ", " + m[7] + ", " + m[8] + "]]";
    }
}
