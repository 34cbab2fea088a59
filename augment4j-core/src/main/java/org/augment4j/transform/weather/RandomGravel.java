package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HLS2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Gravel: small squares of random lightness in random patches. Albumentations' {@code RandomGravel} (2.x):
 * {@code gravel_roi} the normalised region {@code [x_min, y_min, x_max, y_max]} of the patches (default
 * {@code [0.1, 0.4, 0.9, 0.9]}), {@code number_of_patches} ≥ 1 (default 2), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>Each patch is 1/10 to 1/5 of the region's width and height and holds {@code area // 100} particles; a particle at
 * (x, y) with r in [1, 3] sets the HLS lightness of rows {@code [y − r, y + r)} and columns {@code [x − r, x + r)}
 * (clipped to the image) to a random value in [0, 255]. float32 images go through uint8 like Albumentations.
 */
public final class RandomGravel extends PixelTransform<RandomGravel.Gravel> {
    /** The sampled particles, each {@code [min_y, max_y, min_x, max_x, lightness]} in pixels. */
    public record Gravel(int[][] gravelsInfos) {}

    private final double[] gravelRoi;
    private final int numberOfPatches;

    /**
     * @param gravelRoi       {@code gravel_roi}: normalised region {@code [x_min, y_min, x_max, y_max]} of the patches
     * @param numberOfPatches {@code number_of_patches}: number of gravel patches, {@code >= 1}
     * @param p               probability of applying the transform, in [0, 1]
     */
    public RandomGravel(double[] gravelRoi, int numberOfPatches, double p) {
        super(p);
        this.gravelRoi = WeatherKernels.roi(name(), "gravel_roi", gravelRoi, true);
        this.numberOfPatches = Check.positive(name(), "number_of_patches", numberOfPatches);
    }

    /** With Albumentations' defaults: gravel_roi [0.1, 0.4, 0.9, 0.9], number_of_patches 2, p = 0.5. */
    public RandomGravel() {
        this(new double[] {0.1, 0.4, 0.9, 0.9}, 2, 0.5);
    }

    static RandomGravel fromDict(Params r) {
        return new RandomGravel(r.numbers("gravel_roi", new double[] {0.1, 0.4, 0.9, 0.9}), r.integer("number_of_patches", 2), r.p(0.5));
    }

    @Override
    public Gravel sampleParams(Sample sample, RandomGenerator rng) {
        int h = sample.height(), w = sample.width();
        int x0 = (int) (gravelRoi[0] * w), y0 = (int) (gravelRoi[1] * h), x1 = (int) (gravelRoi[2] * w), y1 = (int) (gravelRoi[3] * h);
        int rw = x1 - x0, rh = y1 - y0;
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < numberOfPatches; i++) {
            int pw = WeatherKernels.randint(rng, rw / 10, rw / 5);
            int ph = WeatherKernels.randint(rng, rh / 10, rh / 5);
            int px = WeatherKernels.randint(rng, x0, x1 - pw);
            int py = WeatherKernels.randint(rng, y0, y1 - ph);
            int n = pw * ph / 100;
            for (int k = 0; k < n; k++) {
                int x = WeatherKernels.randint(rng, px, px + pw);
                int y = WeatherKernels.randint(rng, py, py + ph);
                int r = WeatherKernels.randint(rng, 1, 3);
                int sat = WeatherKernels.randint(rng, 0, 255);
                out.add(new int[] {Math.max(y - r, 0), Math.min(y + r, h - 1), Math.max(x - r, 0), Math.min(x + r, w - 1), sat});
            }
        }
        return new Gravel(out.toArray(int[][]::new));
    }

    @Override
    protected Mat applyToImage(Mat image, Gravel g) {
        return WeatherKernels.onRgb(name(), image, u8 -> gravel(u8, g.gravelsInfos()));
    }

    /** Sets the HLS lightness of each particle's rectangle of a uint8 RGB image; a new image. */
    static Mat gravel(Mat u8, int[][] gravels) {
        try (Mat hls = new Mat(); Mat light = new Mat()) {
            cvtColor(u8, hls, COLOR_RGB2HLS);
            extractChannel(hls, light, 1);
            for (int[] g : gravels) {
                if (g[1] <= g[0] || g[3] <= g[2]) continue;
                try (Rect box = new Rect(g[2], g[0], g[3] - g[2], g[1] - g[0]); Mat roi = light.apply(box); Scalar v = new Scalar(g[4])) {
                    roi.put(v);
                }
            }
            insertChannel(light, hls, 1);
            Mat out = new Mat();
            cvtColor(hls, out, COLOR_HLS2RGB);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gravel_roi", Arrays.stream(gravelRoi).boxed().toList());
        m.put("number_of_patches", numberOfPatches);
        return m;
    }
}
