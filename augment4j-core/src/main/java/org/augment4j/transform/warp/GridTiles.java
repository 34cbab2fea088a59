package org.augment4j.transform.warp;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Pure kernels of the grid shuffle. A tile is {@code {start_y, start_x, end_y, end_x}} (ends exclusive), tiles are in
 * row-major order, and {@code mapping[i]} is the position the content of tile {@code i} moves to (tiles only trade
 * places with tiles of the same size). As Albumentations 2.0.8.
 */
final class GridTiles {
    private GridTiles() {}

    /** The tiles of a {@code rows × cols} grid: sides differ by at most one pixel, the longer ones in random places. */
    static int[][] split(int height, int width, int rows, int cols, RandomGenerator rng) {
        int[] ys = edges(height, rows, rng), xs = edges(width, cols, rng);
        int[][] tiles = new int[rows * cols][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) tiles[i * cols + j] = new int[] {ys[i], xs[j], ys[i + 1], xs[j + 1]};
        }
        return tiles;
    }

    /** Cumulative edges of {@code parts} nearly equal intervals of {@code n}, shuffled. */
    private static int[] edges(int n, int parts, RandomGenerator rng) {
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) sizes[i] = n / parts + (i < n % parts ? 1 : 0);
        for (int i = parts - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1), t = sizes[i];
            sizes[i] = sizes[k];
            sizes[k] = t;
        }
        int[] e = new int[parts + 1];
        for (int i = 0; i < parts; i++) e[i + 1] = e[i] + sizes[i];
        return e;
    }

    /** A random permutation within each group of same-sized tiles: {@code mapping[i]} is where tile i goes. */
    static int[] shuffleWithinShapes(int[][] tiles, RandomGenerator rng) {
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < tiles.length; i++) {
            groups.computeIfAbsent(List.of(tiles[i][2] - tiles[i][0], tiles[i][3] - tiles[i][1]), k -> new ArrayList<>()).add(i);
        }
        int[] mapping = new int[tiles.length];
        for (List<Integer> idx : groups.values()) {
            List<Integer> shuffled = new ArrayList<>(idx);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                shuffled.set(i, shuffled.set(k, shuffled.get(i)));
            }
            for (int i = 0; i < idx.size(); i++) mapping[idx.get(i)] = shuffled.get(i);
        }
        return mapping;
    }

    /** A new matrix with the content of tile {@code i} moved to tile {@code mapping[i]}. */
    static Mat swap(Mat src, int[][] tiles, int[] mapping) {
        Mat dst = new Mat(src.rows(), src.cols(), src.type());
        for (int i = 0; i < tiles.length; i++) {
            int[] from = tiles[i], to = tiles[mapping[i]];
            int h = from[2] - from[0], w = from[3] - from[1];
            if (h <= 0 || w <= 0) continue;
            try (Rect rf = new Rect(from[1], from[0], w, h); Rect rt = new Rect(to[1], to[0], w, h);
                 Mat a = new Mat(src, rf); Mat b = new Mat(dst, rt)) {
                a.copyTo(b);
            }
        }
        return dst;
    }

    /** The tile holding pixel position (x, y), or -1. */
    private static int tileOf(int[][] tiles, double x, double y) {
        for (int i = 0; i < tiles.length; i++) {
            int[] t = tiles[i];
            if (y >= t[0] && y < t[2] && x >= t[1] && x < t[3]) return i;
        }
        return -1;
    }

    /** Keypoints {@code [x, y, angle, scale]} moved with their tile; those in no tile stay where they are. */
    static double[][] keypoints(double[][] kps, int[][] tiles, int[] mapping) {
        double[][] out = new double[kps.length][];
        for (int i = 0; i < kps.length; i++) {
            out[i] = kps[i].clone();
            int t = tileOf(tiles, kps[i][0], kps[i][1]);
            if (t < 0) continue;
            out[i][0] += tiles[mapping[t]][1] - tiles[t][1];
            out[i][1] += tiles[mapping[t]][0] - tiles[t][0];
        }
        return out;
    }

    /**
     * Boxes moved with their pixels, as 2.0.8: each normalised box is drawn as a mask (edges truncated to whole pixels),
     * the mask is shuffled, and every 8-connected piece that keeps at least {@code minArea} pixels and
     * {@code minVisibility} of the box's pixels becomes a box of its own. Returns {source row, x1, y1, x2, y2} rows in
     * pixels, in box order and then in OpenCV's label order.
     */
    static List<int[]> boxes(double[][] boxes, int[][] tiles, int[] mapping, int w, int h, double minArea, double minVisibility) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            int x1 = clamp((int) (b[0] * w), w), y1 = clamp((int) (b[1] * h), h), x2 = clamp((int) (b[2] * w), w), y2 = clamp((int) (b[3] * h), h);
            if (x2 <= x1 || y2 <= y1) continue;
            double area = (double) (x2 - x1) * (y2 - y1);
            try (Mat mask = Mats.zeros(h, w, CV_8UC1); Rect r = new Rect(x1, y1, x2 - x1, y2 - y1); Mat roi = new Mat(mask, r);
                 Scalar one = new Scalar(1.0)) {
                roi.put(one);
                try (Mat moved = swap(mask, tiles, mapping); Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
                    int n = opencv_imgproc.connectedComponentsWithStats(moved, labels, stats, centroids, 8, CV_32S);
                    IntBuffer s = stats.createBuffer();
                    int cols = stats.cols();
                    for (int c = 1; c < n; c++) {
                        int a = s.get(c * cols + CC_STAT_AREA);
                        if (a < minArea || a / area < minVisibility) continue;
                        int l = s.get(c * cols + CC_STAT_LEFT), t = s.get(c * cols + CC_STAT_TOP);
                        out.add(new int[] {i, l, t, l + s.get(c * cols + CC_STAT_WIDTH), t + s.get(c * cols + CC_STAT_HEIGHT)});
                    }
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
