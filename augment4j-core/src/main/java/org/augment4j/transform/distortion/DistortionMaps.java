package org.augment4j.transform.distortion;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Builds the remap maps of a {@link DisplacementGeometry} (for every output pixel centre, the source pixel centre it
 * samples) from the shapes the distortions of this package describe: separable axis maps, dense arrays, piecewise
 * affine or projective pieces, and smooth fields evaluated on a coarse grid. The caller owns (closes) the result.
 */
final class DistortionMaps {
    private DistortionMaps() {}

    /** fillConvexPoly's fractional bits: vertices are placed to 1/256 pixel. */
    private static final int SHIFT = 8;

    /** The identity map: every output pixel samples itself. */
    static DisplacementGeometry identity(int w, int h) {
        float[] xx = new float[w], yy = new float[h];
        for (int x = 0; x < w; x++) xx[x] = x;
        for (int y = 0; y < h; y++) yy[y] = y;
        return separable(xx, yy);
    }

    /** {@code mapX(x, y) = xx[x]}, {@code mapY(x, y) = yy[y]}. */
    static DisplacementGeometry separable(float[] xx, float[] yy) {
        int w = xx.length, h = yy.length;
        Mat x = new Mat(h, w, CV_32F), y = new Mat(h, w, CV_32F);
        FloatBuffer bx = x.createBuffer(), by = y.createBuffer();
        float[] row = new float[w];
        for (int r = 0; r < h; r++) {
            // row by row, in bulk: no w × h array on the heap
            bx.put(xx);
            java.util.Arrays.fill(row, yy[r]);
            by.put(row);
        }
        return new DisplacementGeometry(x, y);
    }

    /** Maps from row-major arrays of {@code w × h} values. */
    static DisplacementGeometry of(float[] mx, float[] my, int w, int h) {
        Mat x = new Mat(h, w, CV_32F), y = new Mat(h, w, CV_32F);
        ((FloatBuffer) x.createBuffer()).put(mx);
        ((FloatBuffer) y.createBuffer()).put(my);
        return new DisplacementGeometry(x, y);
    }

    /**
     * A map made of pieces: {@code polygons[i]} (convex, output pixel coordinates {@code x0, y0, x1, y1, ...}) samples
     * the source through {@code toSource[i]} (affine or projective). The pieces are rasterised into an id image with
     * {@code fillConvexPoly}; a pixel whose centre lies outside the piece drawn there (edges are drawn a little fat)
     * takes the neighbouring piece that contains it, and a pixel no piece contains takes the piece it lies least
     * outside of. So every pixel follows the map of the piece it is in.
     */
    static DisplacementGeometry pieces(int w, int h, double[][] polygons, Matrix[] toSource) {
        int[] ids = new int[w * h];
        try (Scalar none = new Scalar(-1.0); Mat idImage = new Mat(h, w, CV_32SC1, none)) {
            for (int i = 0; i < polygons.length; i++) {
                double[] poly = polygons[i];
                try (Mat pts = new Mat(poly.length / 2, 1, CV_32SC2); Scalar id = new Scalar(i)) {
                    IntBuffer b = pts.createBuffer();
                    for (double v : poly) b.put((int) Math.round(v * (1 << SHIFT)));
                    fillConvexPoly(idImage, pts, id, LINE_8, SHIFT);
                }
            }
            ((IntBuffer) idImage.createBuffer()).get(ids);
        }
        double[] orientation = new double[polygons.length];
        for (int i = 0; i < polygons.length; i++) orientation[i] = orientation(polygons[i]);
        double[][] m = new double[toSource.length][];
        for (int i = 0; i < m.length; i++) m[i] = toSource[i].values();
        float[] mx = new float[w * h], my = new float[w * h];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                int id = ids[i];
                if (id < 0 || margin(polygons[id], orientation[id], x, y) < -EPS) id = containing(ids, w, h, x, y, polygons, orientation);
                double[] t = m[id];
                double d = t[6] * x + t[7] * y + t[8];
                mx[i] = (float) ((t[0] * x + t[1] * y + t[2]) / d);
                my[i] = (float) ((t[3] * x + t[4] * y + t[5]) / d);
            }
        }
        return of(mx, my, w, h);
    }

    private static final double EPS = 1e-7;

    /** A piece drawn in the 3 × 3 neighbourhood that contains (x, y); otherwise the piece (x, y) is least outside of. */
    private static int containing(int[] ids, int w, int h, int x, int y, double[][] polygons, double[] orientation) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx, ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                int id = ids[ny * w + nx];
                if (id >= 0 && margin(polygons[id], orientation[id], x, y) >= -EPS) return id;
            }
        }
        int best = 0;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < polygons.length; i++) {
            double margin = margin(polygons[i], orientation[i], x, y);
            if (margin > bestMargin) {
                bestMargin = margin;
                best = i;
            }
        }
        return best;
    }

    /** +1 for a counter-clockwise polygon (in x-right, y-down pixel coordinates: positive shoelace sum), else -1. */
    private static double orientation(double[] p) {
        int n = p.length / 2;
        double area = 0;
        for (int k = 0; k < n; k++) area += p[2 * k] * p[2 * ((k + 1) % n) + 1] - p[2 * ((k + 1) % n)] * p[2 * k + 1];
        return area >= 0 ? 1 : -1;
    }

    /** The smallest signed distance from (x, y) to the polygon's edges: positive inside, negative outside. */
    private static double margin(double[] p, double orientation, double x, double y) {
        int n = p.length / 2;
        double margin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double ax = p[2 * k], ay = p[2 * k + 1], bx = p[2 * ((k + 1) % n)], by = p[2 * ((k + 1) % n) + 1];
            double len = Math.hypot(bx - ax, by - ay);
            if (len == 0) continue;
            margin = Math.min(margin, orientation * ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / len);
        }
        return margin;
    }

    /**
     * Maps from displacements given on a coarse grid whose first and last nodes sit on the first and last pixel
     * centres ({@code dx[j][i]} at {@code x = i·(w−1)/(cols−1)}): bilinear upsampling (warpAffine) to {@code w × h}, plus
     * the pixel coordinates. Exact at the nodes; in between, the error is that of linear interpolation of a smooth
     * field. Zero displacements give the exact identity.
     */
    static DisplacementGeometry upsampled(float[] dx, float[] dy, int cols, int rows, int w, int h) {
        float[] mx = new float[w * h], my = new float[w * h];
        try (Mat cx = new Mat(rows, cols, CV_32F); Mat cy = new Mat(rows, cols, CV_32F); Mat a = new Mat(2, 3, CV_64F);
             Mat fx = new Mat(); Mat fy = new Mat(); Size size = new Size(w, h); Scalar zero = new Scalar(0.0)) {
            ((FloatBuffer) cx.createBuffer()).put(dx);
            ((FloatBuffer) cy.createBuffer()).put(dy);
            double sx = w > 1 && cols > 1 ? (w - 1.0) / (cols - 1) : 1, sy = h > 1 && rows > 1 ? (h - 1.0) / (rows - 1) : 1;
            ((DoubleBuffer) a.createBuffer()).put(new double[] {sx, 0, 0, 0, sy, 0});
            warpAffine(cx, fx, a, size, INTER_LINEAR, BORDER_REPLICATE, zero);
            warpAffine(cy, fy, a, size, INTER_LINEAR, BORDER_REPLICATE, zero);
            ((FloatBuffer) fx.createBuffer()).get(mx);
            ((FloatBuffer) fy.createBuffer()).get(my);
        }
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                mx[i] += x;
                my[i] += y;
            }
        }
        return of(mx, my, w, h);
    }

    /** Nodes of a coarse grid over {@code size} pixels with spacing at most {@code spacing}: at least 2. */
    static int coarseNodes(int size, int spacing) {
        return Math.max(2, (int) Math.ceil((size - 1.0) / spacing) + 1);
    }
}
