package org.augment4j.transform.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Pure layout kernels of {@link Mosaic}: a conceptual grid of {@code rows × cols} cells of {@code cellH × cellW},
 * a {@code targetH × targetW} window on it around a centre, the cell parts visible through the window, and how each
 * item is fitted into its part. Coordinates are pixels; rectangles are {@code {x1, y1, x2, y2}}, ends exclusive.
 */
final class MosaicGrid {
    private MosaicGrid() {}

    /**
     * The window's centre {@code {x, y}} in the large grid: {@code rel} (in [0, 1]) of the way through the zone of
     * centres that keep the whole window on the grid.
     */
    static int[] center(int rows, int cols, int cellH, int cellW, int targetH, int targetW, double relX, double relY) {
        return new int[] {centre(cols * cellW, targetW, relX), centre(rows * cellH, targetH, relY)};
    }

    private static int centre(int grid, int target, double rel) {
        int min = target / 2, max = grid - (target + 1) / 2;
        int c = min + (int) ((max - min + 1) * rel);
        return Math.max(min, Math.min(max, c));
    }

    /** The visible cell parts, row by row, in window coordinates (the grid lines cut by the window; empty parts dropped). */
    static int[][] placements(int rows, int cols, int cellH, int cellW, int targetH, int targetW, int[] center) {
        int x0 = center[0] - targetW / 2, y0 = center[1] - targetH / 2;
        int[] xs = cuts(cols, cellW, x0, x0 + targetW), ys = cuts(rows, cellH, y0, y0 + targetH);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < ys.length; i++) {
            for (int j = 0; j + 1 < xs.length; j++) out.add(new int[] {xs[j], ys[i], xs[j + 1], ys[i + 1]});
        }
        return out.toArray(int[][]::new);
    }

    private static int[] cuts(int n, int cell, int lo, int hi) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int i = 0; i <= n; i++) s.add(Math.max(lo, Math.min(hi, i * cell)) - lo);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Which item each placement shows ({@code 0} the primary, {@code i} the further sample {@code i − 1}): the primary
     * takes the largest placement; the others get, in random order, further samples — a random choice of them when
     * there are more than needed — and then the primary again when there are fewer.
     */
    static int[] assign(int[][] placements, int available, RandomGenerator rng) {
        int needed = placements.length - 1;
        List<Integer> pool = new ArrayList<>();
        for (int i = 1; i <= available; i++) pool.add(i);
        int[] items = new int[needed + 1];
        for (int k = 1; k <= Math.min(needed, available); k++) items[k] = available > needed ? pool.remove(rng.nextInt(pool.size())) : pool.get(k - 1);
        int[] order = new int[needed];
        for (int i = 0; i < needed; i++) order[i] = i + 1;
        for (int i = needed - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int primaryAt = largest(placements);
        int[] assigned = new int[placements.length];
        for (int p = 0, k = 0; p < placements.length; p++) if (p != primaryAt) assigned[p] = items[order[k++]];
        return assigned;
    }

    /** The index of the largest placement (the first of equals), where the primary item goes. */
    static int largest(int[][] placements) {
        int best = 0;
        for (int i = 1; i < placements.length; i++) if (area(placements[i]) > area(placements[best])) best = i;
        return best;
    }

    private static long area(int[] r) {
        return (long) (r[2] - r[0]) * (r[3] - r[1]);
    }

    /**
     * The part of a cell shown in a placement: the corner of the cell opposite to the placement's side of the window
     * centre (a top-left placement shows the cell's bottom-right), or the cell's centre for a placement on a centre line.
     */
    static int[] cellCrop(int cellH, int cellW, int[] placement, int targetH, int targetW) {
        int ph = placement[3] - placement[1], pw = placement[2] - placement[0];
        int v = Integer.signum((placement[1] + placement[3]) - targetH), hz = Integer.signum((placement[0] + placement[2]) - targetW);
        int x, y;
        if (v == 0 || hz == 0) {
            x = (cellW - pw) / 2;
            y = (cellH - ph) / 2;
        } else {
            x = hz < 0 ? cellW - pw : 0;
            y = v < 0 ? cellH - ph : 0;
        }
        return new int[] {x, y, x + pw, y + ph};
    }

    /**
     * How a {@code w × h} item fills a cell: resized by one scale so that it covers the cell ({@code cover}) or fits in
     * it ({@code contain}; then padded, by half the shortfall before it, when the crop reaches past it), then cropped to
     * {@code crop}. Returns {@code {newW, newH, tx, ty}}: the resized size and the shift from the resized item to the part.
     */
    static int[] fit(int w, int h, int cellH, int cellW, boolean cover, int[] crop) {
        double sh = (double) cellH / h, sw = (double) cellW / w;
        double s = cover ? Math.max(sh, sw) : Math.min(sh, sw);
        int nw = Math.max(1, (int) Math.rint(w * s)), nh = Math.max(1, (int) Math.rint(h * s));
        int padLeft = cover ? 0 : Math.max(0, crop[2] - nw) / 2, padTop = cover ? 0 : Math.max(0, crop[3] - nh) / 2;
        return new int[] {nw, nh, padLeft - crop[0], padTop - crop[1]};
    }
}
