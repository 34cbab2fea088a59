package org.augment4j.transform.crop;

import java.util.random.RandomGenerator;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.transform.spatial.Crops;

/** The crop window of Albumentations' BBoxSafeRandomCrop and RandomSizedBBoxSafeCrop: one that holds every box. */
final class BoxSafe {
    private BoxSafe() {}

    private static final double EPS = 1e-6;

    /**
     * The union of the normalised boxes, shrunk by {@code erosionRate / 2} of its width and height on each side
     * (a single box is never shrunk), or null when there are no boxes, erosion is 1 or nothing is left.
     */
    static double[] union(BoundingBoxes boxes, double erosionRate) {
        if (boxes.size() == 0 || erosionRate == 1) return null;
        if (boxes.size() == 1) return boxes.get(0);
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[2]);
            y1 = Math.max(y1, b[3]);
        }
        double ex = (x1 - x0) * erosionRate * 0.5, ey = (y1 - y0) * erosionRate * 0.5;
        x0 += ex;
        y0 += ey;
        x1 -= ex;
        y1 -= ey;
        if (Math.abs(x1 - x0) < EPS || Math.abs(y1 - y0) < EPS) return null;
        return new double[] {x0, y0, x1, y1};
    }

    /**
     * A window holding the (eroded) union of all boxes of an {@code h × w} image: its left and top edges are drawn
     * uniformly between the image edge and the union, and likewise its right and bottom edges. Without boxes, a crop
     * whose height is drawn from [(1 − erosion)·H, H], with the image's aspect ratio, at a random place.
     */
    static CropBox window(BoundingBoxes boxes, int h, int w, double erosionRate, RandomGenerator rng) {
        double[] u = union(boxes, erosionRate);
        if (u == null) {
            int erosive = (int) (h * (1.0 - erosionRate));
            int cropH = erosive >= h ? h : RandomCropFromBorders.randint(rng, erosive, h);
            int cropW = (int) ((double) cropH * w / h);
            int[] c = Crops.random(h, w, Math.max(1, Math.min(cropH, h)), Math.max(1, Math.min(cropW, w)), rng.nextDouble(), rng.nextDouble());
            return new CropBox(c[0], c[1], c[2], c[3]);
        }
        double x0 = clip(u[0], 0, 1), y0 = clip(u[1], 0, 1);
        double x1 = clip(u[2], x0, 1), y1 = clip(u[3], y0, 1);
        int cx0 = (int) (x0 * rng.nextDouble() * w);
        int cy0 = (int) (y0 * rng.nextDouble() * h);
        int cx1 = (int) ((x1 + (1 - x1) * rng.nextDouble()) * w);
        int cy1 = (int) ((y1 + (1 - y1) * rng.nextDouble()) * h);
        // A union thinner than a pixel could give an empty window, which Albumentations would fail on.
        cx1 = Math.min(w, Math.max(cx1, cx0 + 1));
        cy1 = Math.min(h, Math.max(cy1, cy0 + 1));
        return new CropBox(Math.min(cx0, cx1 - 1), Math.min(cy0, cy1 - 1), cx1, cy1);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
