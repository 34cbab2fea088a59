package org.augment4j.transform.dropout;

import java.util.random.RandomGenerator;

/** Pure kernel of {@link GridDropout}: one hole per cell of a uniform grid whose row and column sizes are shuffled. */
final class GridHoles {
    private GridHoles() {}

    /**
     * Holes for a {@code rows × cols} grid over an {@code h × w} image: cell sizes differ by at most one pixel and are
     * shuffled; each hole is {@code ratio} of its cell (at least 1 pixel, at most the cell less 1), at a random offset
     * in its cell or at {@code shiftXy}, and kept inside the image.
     */
    static int[][] holes(int h, int w, int rows, int cols, double ratio, boolean randomOffset, int[] shiftXy, RandomGenerator rng) {
        int[] ys = shuffledEdges(h, rows, rng);
        int[] xs = shuffledEdges(w, cols, rng);
        int[][] holes = new int[rows * cols][];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int cellH = ys[i + 1] - ys[i], cellW = xs[j + 1] - xs[j];
                int hh = holeSide(cellH, ratio), hw = holeSide(cellW, ratio);
                int oy = randomOffset ? rng.nextInt(cellH - hh + 1) : shiftXy[1];
                int ox = randomOffset ? rng.nextInt(cellW - hw + 1) : shiftXy[0];
                int x1 = clip(xs[j] + ox, 0, w - hw), y1 = clip(ys[i] + oy, 0, h - hh);
                holes[k++] = new int[] {x1, y1, Math.min(x1 + hw, w), Math.min(y1 + hh, h)};
            }
        }
        return holes;
    }

    /** {@code clip(cell × ratio, 1, cell − 1)} truncated, as Albumentations; a 1-pixel cell gets no hole. */
    private static int holeSide(int cell, double ratio) {
        if (cell <= 1) return 0;
        return (int) Math.max(1, Math.min(cell - 1, cell * ratio));
    }

    /** Edges {@code 0 = e0 < e1 < … < en = size} of {@code n} parts whose sizes differ by at most 1, in random order. */
    static int[] shuffledEdges(int size, int n, RandomGenerator rng) {
        int[] parts = new int[n];
        for (int i = 0; i < n; i++) parts[i] = size / n + (i < size % n ? 1 : 0);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = parts[i];
            parts[i] = parts[j];
            parts[j] = t;
        }
        int[] edges = new int[n + 1];
        for (int i = 0; i < n; i++) edges[i + 1] = edges[i] + parts[i];
        return edges;
    }

    private static int clip(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
