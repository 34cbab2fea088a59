package org.augment4j.geometry;

import java.util.Arrays;

/**
 * An immutable 3×3 homogeneous matrix mapping source points to destination points: {@code [x', y', 1] = M [x, y, 1]}.
 * Only the affine part is used by {@link AffineGeometry}; the bottom row stays {@code 0 0 1}.
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

    public static Matrix identity() {
        return IDENTITY;
    }

    public static Matrix translation(double tx, double ty) {
        return affine(1, 0, tx, 0, 1, ty);
    }

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

    /** The inverse of the affine part; a singular matrix is an error. */
    public Matrix inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5];
        double det = a * e - b * d;
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("singular geometry matrix " + this);
        return affine(e / det, -b / det, (b * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det);
    }

    /** Maps a point: returns {@code {x', y'}}. */
    public double[] apply(double x, double y) {
        return new double[] {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
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
        return "[[" + m[0] + ", " + m[1] + ", " + m[2] + "], [" + m[3] + ", " + m[4] + ", " + m[5] + "]]";
    }
}
