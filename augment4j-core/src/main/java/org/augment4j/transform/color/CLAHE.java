package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_Lab2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Contrast Limited Adaptive Histogram Equalization (OpenCV {@code createCLAHE}). Albumentations' {@code CLAHE}:
 * {@code clip_limit} the range of the clip limit (default {@code [1, 4]}; a scalar {@code x} means {@code [1, x]}),
 * {@code tile_grid_size} [columns, rows] of tiles (default {@code [8, 8]}), p = 0.5. Targets: image.
 *
 * <p>Gray images are equalized directly; colour images on the L channel of OpenCV's LAB. float32 images go through
 * uint8 ({@code rint(v·255)}) and back, as Albumentations' {@code uint8_io}. A 4-channel image keeps its alpha.
 */
public final class CLAHE extends PixelTransform<CLAHE.ClipLimit> {
    /** The sampled clip limit. */
    public record ClipLimit(double clipLimit) {}

    private final Range clipLimit;
    private final int[] tileGridSize;

    /**
     * @param clipLimit    {@code clip_limit}: range of the contrast clip limit, {@code >= 0}
     * @param tileGridSize {@code tile_grid_size}: tiles as [columns, rows], both {@code >= 1} (copied)
     * @param p            probability of applying the transform, in [0, 1]
     */
    public CLAHE(Range clipLimit, int[] tileGridSize, double p) {
        super(p);
        this.clipLimit = Check.range(name(), "clip_limit", clipLimit, 0, Double.MAX_VALUE);
        Check.that(tileGridSize.length == 2, name(), "tile_grid_size must be two integers [columns, rows], got " + java.util.Arrays.toString(tileGridSize));
        Check.positive(name(), "tile_grid_size", tileGridSize[0]);
        Check.positive(name(), "tile_grid_size", tileGridSize[1]);
        this.tileGridSize = tileGridSize.clone();
    }

    /** With Albumentations' defaults: clip_limit [1, 4], tile_grid_size [8, 8], p = 0.5. */
    public CLAHE() {
        this(Range.of(1, 4), new int[] {8, 8}, 0.5);
    }

    static CLAHE fromDict(Params r) {
        Range clip = r.range("clip_limit", Range.of(1, 4), Params.Scalar.UPPER, 1);
        double[] grid = r.numbers("tile_grid_size", new double[] {8, 8});
        int[] g = new int[grid.length];
        for (int i = 0; i < g.length; i++) {
            if (grid[i] != Math.rint(grid[i])) throw r.error("tile_grid_size", "must be integers, got " + java.util.Arrays.toString(grid));
            g[i] = (int) grid[i];
        }
        return new CLAHE(clip, g, r.p(0.5));
    }

    @Override
    public ClipLimit sampleParams(Sample sample, RandomGenerator rng) {
        return new ClipLimit(clipLimit.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, ClipLimit c) {
        return ColorKernels.uint8Io(image, u8 -> ColorKernels.onRgbOrGray(name(), u8, rgb -> onLightness(rgb, c.clipLimit()), g -> equalize(g, c.clipLimit())));
    }

    private Mat onLightness(Mat rgb, double limit) {
        try (Mat lab = new Mat(); Mat l = new Mat()) {
            cvtColor(rgb, lab, COLOR_RGB2Lab);
            extractChannel(lab, l, 0);
            try (Mat eq = equalize(l, limit)) {
                insertChannel(eq, lab, 0);
            }
            Mat out = new Mat();
            cvtColor(lab, out, COLOR_Lab2RGB);
            return out;
        }
    }

    private Mat equalize(Mat plane, double limit) {
        try (Size grid = new Size(tileGridSize[0], tileGridSize[1]); org.bytedeco.opencv.opencv_imgproc.CLAHE clahe = createCLAHE(limit, grid)) {
            Mat out = new Mat();
            clahe.apply(plane, out);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clip_limit", clipLimit);
        m.put("tile_grid_size", tileGridSize.clone());
        return m;
    }
}
