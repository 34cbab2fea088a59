package org.augment4j.transform.warp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.SampleInternals;
import org.augment4j.serial.Params;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.transform.BasicTransform;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Cuts the image into a {@code rows × cols} grid and permutes the cells; tiles only trade places with tiles of the same
 * size (sides differ by at most a pixel, the longer ones placed at random). Albumentations' {@code RandomGridShuffle}
 * (2.0.8): grid (3, 3) as (rows, cols), each at least 1; p = 0.5. Recorded as {@code tiles}
 * ({start_y, start_x, end_y, end_x} each) and {@code mapping} (where each tile's content goes).
 *
 * <p>Targets: images and masks (exact copies, no interpolation), keypoints (exactly: they move with the tile they lie
 * in), boxes — as 2.0.8: a box is drawn as a mask, the mask is shuffled, and every 8-connected piece becomes a box of
 * its own with the same labels, kept when it has at least the pipeline's {@code min_area} pixels and
 * {@code min_visibility} of the box. So a box inside one tile moves with it unchanged; a box spanning tiles splits into
 * one box per separated fragment (fragments that land next to each other merge into one box).
 */
public final class RandomGridShuffle extends BasicTransform<RandomGridShuffle.Shuffle> {
    /** The sampled tiles and where each one's content goes. */
    public record Shuffle(int[][] tiles, int[] mapping) {}

    private final int rows;
    private final int cols;

    /**
     * @param rows {@code grid[0]}: grid rows, {@code >= 1}
     * @param cols {@code grid[1]}: grid columns, {@code >= 1}
     * @param p    probability of applying the transform, in [0, 1]
     */
    public RandomGridShuffle(int rows, int cols, double p) {
        super(p);
        this.rows = Check.positive(name(), "grid[0]", rows);
        this.cols = Check.positive(name(), "grid[1]", cols);
    }

    /** With Albumentations' defaults: a 3 × 3 grid, p = 0.5. */
    public RandomGridShuffle() {
        this(3, 3, 0.5);
    }

    static RandomGridShuffle fromDict(Params r) {
        double[] g = r.numbers("grid", new double[] {3, 3});
        if (g.length != 2 || g[0] != Math.rint(g[0]) || g[1] != Math.rint(g[1])) throw r.error("grid", "must be two whole numbers (rows, cols)");
        return new RandomGridShuffle((int) g[0], (int) g[1], r.p(0.5));
    }

    @Override
    public Shuffle sampleParams(Sample s, RandomGenerator rng) {
        int[][] tiles = GridTiles.split(s.height(), s.width(), rows, cols, rng);
        return new Shuffle(tiles, GridTiles.shuffleWithinShapes(tiles, rng));
    }

    @Override
    public Sample apply(Sample s, Shuffle p) {
        check(p, s.width(), s.height());
        Map<String, Mat> images = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.images().entrySet()) images.put(e.getKey(), GridTiles.swap(e.getValue(), p.tiles(), p.mapping()));
        Map<String, Mat> masks = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), GridTiles.swap(e.getValue(), p.tiles(), p.mapping()));
        Sample out = SampleInternals.withStep(s.withImages(images).withMasks(masks), org.augment4j.internal.GeometryStep.notInvertible(name(), s.width(), s.height()));
        if (s.keypoints().size() > 0) {
            out = out.withKeypoints(s.keypoints().withPoints(GridTiles.keypoints(s.keypoints().toArray(), p.tiles(), p.mapping())));
        }
        if (s.boxes().size() > 0) out = out.withBoxes(boxes(s.boxes(), p, s.width(), s.height(), s.bboxParams()));
        return out;
    }

    private static BoundingBoxes boxes(BoundingBoxes in, Shuffle p, int w, int h, BboxParams bp) {
        List<int[]> pieces = GridTiles.boxes(in.toArray(), p.tiles(), p.mapping(), w, h,
                bp == null ? 0 : bp.minArea(), bp == null ? 0 : bp.minVisibility());
        int[] rowsOf = new int[pieces.size()];
        double[][] coords = new double[pieces.size()][];
        for (int i = 0; i < rowsOf.length; i++) {
            int[] b = pieces.get(i);
            rowsOf[i] = b[0];
            coords[i] = new double[] {(double) b[1] / w, (double) b[2] / h, (double) b[3] / w, (double) b[4] / h};
        }
        return in.select(rowsOf).withBoxes(coords);
    }

    /** Replayed parameters must tile this image and map tiles onto same-sized tiles. */
    private void check(Shuffle p, int w, int h) {
        int[][] t = p.tiles();
        int[] m = p.mapping();
        Check.that(t != null && m != null && t.length == m.length, name(), "tiles and mapping must have the same length");
        for (int i = 0; i < t.length; i++) {
            Check.that(t[i].length == 4 && t[i][0] >= 0 && t[i][1] >= 0 && t[i][2] <= h && t[i][3] <= w, name(),
                    "tile " + i + " " + java.util.Arrays.toString(t[i]) + " is not inside the " + w + "x" + h + " image");
        }
        for (int i = 0; i < t.length; i++) {
            Check.that(m[i] >= 0 && m[i] < t.length, name(), "mapping[" + i + "] = " + m[i] + " is not a tile");
            int[] to = t[m[i]];
            Check.that(to[2] - to[0] == t[i][2] - t[i][0] && to[3] - to[1] == t[i][3] - t[i][1], name(), "tile " + i + " maps onto a tile of another size");
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid", List.of(rows, cols));
        return m;
    }
}
