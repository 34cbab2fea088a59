package org.augment4j.internal.geometry;

import org.augment4j.transform.BoxMethod;

/**
 * Pure functions that carry boxes and keypoints through an {@link AffineGeometry}. Boxes come in and go out
 * normalised ({@code [x_min, y_min, x_max, y_max]} in [0, 1] of the source and output size respectively) and are not
 * clipped here: clipping and filtering belong to the pipeline, which needs the unclipped area for {@code min_visibility}.
 */
public final class LabelGeometry {
    private LabelGeometry() {}

    private static final int ELLIPSE_POINTS = 360;

    /** Maps normalised boxes of a {@code srcW × srcH} image through {@code g}. */
    public static double[][] boxes(double[][] boxes, AffineGeometry g, int srcW, int srcH) {
        double[][] out = new double[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            double[] px = {b[0] * srcW, b[1] * srcH, b[2] * srcW, b[3] * srcH};
            double[] r = g.boxMethod() == BoxMethod.ELLIPSE ? ellipse(px, g.boxes()) : corners(px, g.boxes());
            out[i] = new double[] {r[0] / g.outWidth(), r[1] / g.outHeight(), r[2] / g.outWidth(), r[3] / g.outHeight()};
        }
        return out;
    }

    private static double[] corners(double[] b, Matrix m) {
        double[][] pts = {m.apply(b[0], b[1]), m.apply(b[2], b[1]), m.apply(b[2], b[3]), m.apply(b[0], b[3])};
        return bounds(pts);
    }

    private static double[] ellipse(double[] b, Matrix m) {
        double rx = (b[2] - b[0]) / 2, ry = (b[3] - b[1]) / 2;
        double cx = b[0] + rx, cy = b[1] + ry;
        double[][] pts = new double[ELLIPSE_POINTS][];
        for (int i = 0; i < ELLIPSE_POINTS; i++) {
            double t = Math.toRadians(i);
            pts[i] = m.apply(cx + rx * Math.sin(t), cy + ry * Math.cos(t));
        }
        return bounds(pts);
    }

    /** {@code {minX, minY, maxX, maxY}} of the points. */
    public static double[] bounds(double[][] pts) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (double[] p : pts) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return new double[] {x0, y0, x1, y1};
    }

    /** Maps normalised boxes of a {@code srcW × srcH} image through a perspective {@code g} (corners). */
    public static double[][] boxes(double[][] boxes, ProjectiveGeometry g, int srcW, int srcH) {
        double[][] out = new double[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            double[] r = corners(new double[] {b[0] * srcW, b[1] * srcH, b[2] * srcW, b[3] * srcH}, g.boxes());
            out[i] = new double[] {r[0] / g.outWidth(), r[1] / g.outHeight(), r[2] / g.outWidth(), r[3] / g.outHeight()};
        }
        return out;
    }

    /** Maps keypoints through a perspective {@code g}; angle and scale follow the map's Jacobian at the point. */
    public static double[][] keypoints(double[][] kps, ProjectiveGeometry g) {
        double[][] out = new double[kps.length][];
        Matrix m = g.image();
        double h = 1e-3;
        for (int i = 0; i < kps.length; i++) {
            double[] k = kps[i];
            double[] p = m.apply(k[0], k[1]);
            double[] px = m.apply(k[0] + h, k[1]);
            double[] py = m.apply(k[0], k[1] + h);
            double j00 = (px[0] - p[0]) / h, j10 = (px[1] - p[1]) / h, j01 = (py[0] - p[0]) / h, j11 = (py[1] - p[1]) / h;
            double dx = Math.cos(k[2]), dy = Math.sin(k[2]);
            double angle = Math.atan2(j10 * dx + j11 * dy, j00 * dx + j01 * dy);
            double scale = k[3] * Math.sqrt(Math.abs(j00 * j11 - j01 * j10));
            out[i] = new double[] {p[0], p[1], angle, scale};
        }
        return out;
    }

    /** Maps internal keypoints {@code [x, y, angle, scale]} through {@code g} (clipped to the output when it says so). */
    public static double[][] keypoints(double[][] kps, AffineGeometry g) {
        double[][] out = new double[kps.length][];
        KeypointRule rule = g.rule();
        for (int i = 0; i < kps.length; i++) {
            double[] k = kps[i];
            double[] p = g.keypoints().apply(k[0], k[1]);
            if (g.clampKeypoints()) {
                p[0] = Math.min(Math.max(p[0], 0), g.outWidth() - 1);
                p[1] = Math.min(Math.max(p[1], 0), g.outHeight() - 1);
            }
            out[i] = new double[] {p[0], p[1], rule.angle(k[2]), k[3] * rule.scaleFactor()};
        }
        return out;
    }
}
