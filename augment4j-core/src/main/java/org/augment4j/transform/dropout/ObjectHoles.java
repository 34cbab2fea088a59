package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponents;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/** Pure kernels of {@link ConstrainedCoarseDropout}: holes inside the objects of a mask or inside boxes. */
final class ObjectHoles {
    private ObjectHoles() {}

    /**
     * Mask mode: the pixels whose value is one of {@code indices} form 8-connected components; from each, {@code n}
     * pixels are drawn (with replacement) as hole centres, and each hole's sides are {@code heightRange} /
     * {@code widthRange} × √(component area), halved to either side of the centre and clipped to the image.
     */
    static int[][] fromMask(Mat mask, int[] indices, int n, Range heightRange, Range widthRange, RandomGenerator rng) {
        if (mask.channels() != 1 || mask.depth() != CV_8U) {
            throw new IllegalArgumentException("ConstrainedCoarseDropout needs a single-channel uint8 mask for mask_indices, got " + Mats.describe(mask));
        }
        int w = mask.cols(), h = mask.rows();
        boolean[] target = new boolean[256];
        for (int i : indices) if (i >= 0 && i < 256) target[i] = true;
        List<int[]> centres = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        try (Mat binary = Mats.zeros(h, w, CV_8U); Mat labels = new Mat()) {
            ByteBuffer src = mask.createBuffer(), dst = binary.createBuffer();
            int step = (int) mask.step();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) if (target[src.get(y * step + x) & 0xff]) dst.put(y * w + x, (byte) 1);
            }
            int count = connectedComponents(binary, labels, 8, CV_32S) - 1;
            if (count <= 0) return new int[0][];
            int[][] pixels = componentPixels(labels, count);
            for (int[] px : pixels) {
                if (px.length == 0) continue;
                double size = Math.sqrt(px.length);
                for (int k = 0; k < n; k++) {
                    int p = px[rng.nextInt(px.length)];
                    centres.add(new int[] {p % w, p / w});
                    sizes.add(size);
                }
            }
        }
        int[][] holes = new int[centres.size()][];
        for (int i = 0; i < holes.length; i++) {
            double hh = heightRange.uniform(rng) * sizes.get(i), hw = widthRange.uniform(rng) * sizes.get(i);
            int halfH = (int) Math.floor(hh / 2), halfW = (int) Math.floor(hw / 2);
            int[] c = centres.get(i);
            holes[i] = new int[] {clip(c[0] - halfW, 0, w - 1), clip(c[1] - halfH, 0, h - 1), clip(c[0] + halfW, 0, w), clip(c[1] + halfH, 0, h)};
        }
        return holes;
    }

    /** The row-major pixel indices of each component 1..count of a {@code CV_32S} label image. */
    private static int[][] componentPixels(Mat labels, int count) {
        int total = (int) labels.total();
        int[] sizes = new int[count + 1];
        IntBuffer b = labels.createBuffer();
        for (int i = 0; i < total; i++) sizes[b.get(i)]++;
        int[][] out = new int[count][];
        for (int c = 1; c <= count; c++) out[c - 1] = new int[sizes[c]];
        int[] fill = new int[count + 1];
        for (int i = 0; i < total; i++) {
            int l = b.get(i);
            if (l > 0) out[l - 1][fill[l]++] = i;
        }
        return out;
    }

    /**
     * Box mode: {@code n} holes inside each box ({@code [x1, y1, x2, y2]} in pixels), sides {@code heightRange} /
     * {@code widthRange} × the box's sides, at uniformly random positions within the box.
     */
    static int[][] fromBoxes(double[][] boxes, int n, Range heightRange, Range widthRange, RandomGenerator rng) {
        int[][] holes = new int[boxes.length * n][];
        int k = 0;
        for (double[] b : boxes) {
            double bw = b[2] - b[0], bh = b[3] - b[1];
            for (int i = 0; i < n; i++) {
                int hh = (int) (heightRange.uniform(rng) * bh), hw = (int) (widthRange.uniform(rng) * bw);
                double x1 = b[0] + rng.nextDouble() * (bw - hw), y1 = b[1] + rng.nextDouble() * (bh - hh);
                holes[k++] = new int[] {(int) x1, (int) y1, (int) (x1 + hw), (int) (y1 + hh)};
            }
        }
        return holes;
    }

    private static int clip(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
