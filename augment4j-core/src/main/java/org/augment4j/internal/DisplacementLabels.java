package org.augment4j.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;

import java.nio.FloatBuffer;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Carries boxes and keypoints through a {@link DisplacementGeometry}.
 *
 * <ul>
 *   <li>Boxes, as Albumentations 1.x warps a box's mask: the box covers the source pixels
 *       {@code [int(x_min), int(x_max)) × [int(y_min), int(y_max))}; an output pixel belongs to it when the source pixel
 *       nearest to its map position ({@code remap}'s nearest neighbour: rounded half to even) does, and the box is
 *       re-fitted around those pixels (found with {@code inRange} on the rounded maps), so that boxes stay tight under the
 *       warp. Map positions outside the image belong to no box (a constant border). A box none of whose pixels survive
 *       becomes empty (and is then filtered by the pipeline).</li>
 *   <li>Keypoints: the map is inverted at the keypoint by Newton's method (the output point whose source is the
 *       keypoint), taking the slope over the neighbouring pixels where the map is flat between two pixels; angle and
 *       scale follow the local Jacobian of the inverse.</li>
 * </ul>
 */
public final class DisplacementLabels {
    private DisplacementLabels() {}

    private static final int NEWTON_STEPS = 30;

    /** Maps normalised boxes of a {@code srcW × srcH} image; returns normalised output boxes. */
    public static double[][] boxes(double[][] boxes, DisplacementGeometry g, int srcW, int srcH) {
        double[][] out = new double[boxes.length][];
        if (boxes.length == 0) return out;
        int ow = g.outWidth(), oh = g.outHeight();
        try (Mat ix = new Mat(); Mat iy = new Mat(); Mat maps = new Mat(); Mat hit = new Mat()) {
            g.mapX().convertTo(ix, CV_32S); // cvRound: half to even, as remap's nearest neighbour
            g.mapY().convertTo(iy, CV_32S);
            try (MatVector parts = new MatVector(ix, iy)) {
                merge(parts, maps);
            }
            for (int i = 0; i < boxes.length; i++) {
                double[] b = boxes[i];
                int x0 = (int) (b[0] * srcW), y0 = (int) (b[1] * srcH), x1 = (int) (b[2] * srcW), y1 = (int) (b[3] * srcH);
                if (x1 <= x0 || y1 <= y0) {
                    out[i] = new double[] {0, 0, 0, 0};
                    continue;
                }
                try (Mat loM = Mats.scalarMat(x0, y0); Mat hiM = Mats.scalarMat(x1 - 1, y1 - 1)) {
                    inRange(maps, loM, hiM, hit);
                }
                try (Rect r = boundingRect(hit)) {
                    out[i] = r.width() == 0 ? new double[] {0, 0, 0, 0}
                            : new double[] {(double) r.x() / ow, (double) r.y() / oh,
                                (double) (r.x() + r.width()) / ow, (double) (r.y() + r.height()) / oh};
                }
            }
        }
        return out;
    }

    /** Maps internal keypoints {@code [x, y, angle, scale]}. */
    public static double[][] keypoints(double[][] kps, DisplacementGeometry g) {
        double[][] out = new double[kps.length][];
        if (kps.length == 0) return out;
        int w = g.outWidth(), h = g.outHeight();
        FloatBuffer mx = g.mapX().createBuffer();
        FloatBuffer my = g.mapY().createBuffer();
        int stride = (int) (g.mapX().step() / 4);
        for (int i = 0; i < kps.length; i++) {
            double[] k = kps[i];
            double qx = k[0], qy = k[1];
            double[] jac = new double[4];
            // Newton can run away where the map folds; the best finite iterate (smallest residual) is kept.
            double bestX = qx, bestY = qy, bestErr = Double.POSITIVE_INFINITY;
            for (int step = 0; step <= NEWTON_STEPS; step++) {
                double[] s = sample(mx, my, stride, w, h, qx, qy, jac);
                double ex = s[0] - k[0], ey = s[1] - k[1];
                double err = Math.abs(ex) + Math.abs(ey);
                if (!Double.isFinite(err)) break;
                if (err < bestErr) {
                    bestErr = err;
                    bestX = qx;
                    bestY = qy;
                }
                double det = jac[0] * jac[3] - jac[1] * jac[2];
                if (Math.abs(det) < 1e-9) {
                    // a flat pixel interval (Albumentations' grid repeats each node on two neighbouring pixels): the
                    // slope across it, from one pixel on either side
                    secant(mx, my, stride, w, h, qx, qy, jac);
                    det = jac[0] * jac[3] - jac[1] * jac[2];
                }
                if (step == NEWTON_STEPS || Math.abs(det) < 1e-9) break;
                double dx = (jac[3] * ex - jac[1] * ey) / det;
                double dy = (-jac[2] * ex + jac[0] * ey) / det;
                qx -= dx;
                qy -= dy;
                if (Math.abs(dx) + Math.abs(dy) < 1e-6) {
                    bestX = qx;
                    bestY = qy;
                    break;
                }
            }
            qx = bestX;
            qy = bestY;
            sample(mx, my, stride, w, h, qx, qy, jac);
            // Direction d in the source maps to J^-1 d in the output.
            double det = jac[0] * jac[3] - jac[1] * jac[2];
            double angle = k[2], scale = k[3];
            if (Math.abs(det) > 1e-9) {
                double cx = Math.cos(k[2]), sy = Math.sin(k[2]);
                double ox = (jac[3] * cx - jac[1] * sy) / det;
                double oy = (-jac[2] * cx + jac[0] * sy) / det;
                angle = Math.atan2(oy, ox);
                scale = k[3] / Math.sqrt(Math.abs(det));
            }
            out[i] = new double[] {qx, qy, angle, scale};
        }
        return out;
    }

    /** Fills {@code jac} with the maps' central differences over one pixel on either side of (x, y). */
    private static void secant(FloatBuffer mx, FloatBuffer my, int stride, int w, int h, double x, double y, double[] jac) {
        double[] unused = new double[4];
        double[] right = sample(mx, my, stride, w, h, x + 1, y, unused), left = sample(mx, my, stride, w, h, x - 1, y, unused);
        double[] down = sample(mx, my, stride, w, h, x, y + 1, unused), up = sample(mx, my, stride, w, h, x, y - 1, unused);
        for (int c = 0; c < 2; c++) {
            jac[c * 2] = (right[c] - left[c]) / 2;
            jac[c * 2 + 1] = (down[c] - up[c]) / 2;
        }
    }

    /** Bilinear sample of both maps at (x, y), clamped to the grid; fills {@code jac} with d(map)/d(x, y). */
    private static double[] sample(FloatBuffer mx, FloatBuffer my, int stride, int w, int h, double x, double y, double[] jac) {
        double cx = Math.max(0, Math.min(w - 1.000001, x));
        double cy = Math.max(0, Math.min(h - 1.000001, y));
        int x0 = (int) Math.floor(cx), y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        double fx = cx - x0, fy = cy - y0;
        double[] r = new double[2];
        FloatBuffer[] maps = {mx, my};
        for (int c = 0; c < 2; c++) {
            FloatBuffer m = maps[c];
            double v00 = m.get(y0 * stride + x0), v01 = m.get(y0 * stride + x1);
            double v10 = m.get(y1 * stride + x0), v11 = m.get(y1 * stride + x1);
            double top = v00 + (v01 - v00) * fx, bottom = v10 + (v11 - v10) * fx;
            r[c] = top + (bottom - top) * fy;
            // Outside the grid the map is extended linearly, so that Newton steps can come back in.
            double ddx = (x1 > x0) ? ((v01 - v00) * (1 - fy) + (v11 - v10) * fy) : 1;
            double ddy = (y1 > y0) ? ((v10 - v00) * (1 - fx) + (v11 - v01) * fx) : 1;
            jac[c * 2] = ddx;
            jac[c * 2 + 1] = ddy;
            r[c] += ddx * (x - cx) + ddy * (y - cy);
        }
        return r;
    }
}
