package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Fog: white translucent circles, densest towards the centre, then a light blur. Albumentations' {@code RandomFog}
 * (2.x): {@code fog_coef_range} the fog intensity range within [0, 1] (default {@code [0.3, 1]}), {@code alpha_coef}
 * the transparency of each circle within [0, 1] (default 0.08), p = 0.5. Targets: image (RGB; RGBA keeps alpha).
 *
 * <p>Particles are placed in up to 10 shrinking centred regions (each 10% smaller) while the region is larger than
 * {@code max(1, int(width // 3 · intensity))}, {@code area / size² · intensity · 10} of them per region, with radii in
 * {@code [r/2, r)} for {@code r = max(2, int(min(h, w) · 0.1 · intensity))}. Each is blended in turn with weight
 * {@code alpha_coef · intensity}; then a Gaussian blur of odd size {@code max(3, min(h, w) // 30)}. float32 images go
 * through uint8 like Albumentations. 1.3's {@code fog_coef_lower}/{@code fog_coef_upper} are read too.
 */
public final class RandomFog extends PixelTransform<RandomFog.Fog> {
    /** The sampled intensity, particle centres {@code [x, y]} and radii, in pixels. */
    public record Fog(double intensity, int[][] particlePositions, int[] radiuses) {}

    private final Range fogCoefRange;
    private final double alphaCoef;

    /**
     * @param fogCoefRange {@code fog_coef_range}: range of the fog intensity, within [0, 1]
     * @param alphaCoef    {@code alpha_coef}: transparency of each fog circle, in [0, 1]
     * @param p            probability of applying the transform, in [0, 1]
     */
    public RandomFog(Range fogCoefRange, double alphaCoef, double p) {
        super(p);
        this.fogCoefRange = Check.range(name(), "fog_coef_range", fogCoefRange, 0, 1);
        this.alphaCoef = Check.between(name(), "alpha_coef", alphaCoef, 0, 1);
    }

    /** With Albumentations' defaults: fog_coef_range [0.3, 1], alpha_coef 0.08, p = 0.5. */
    public RandomFog() {
        this(Range.of(0.3, 1), 0.08, 0.5);
    }

    static RandomFog fromDict(Params r) {
        return new RandomFog(WeatherKernels.legacyRange(r, "fog_coef_range", Range.of(0.3, 1), "fog_coef_lower", "fog_coef_upper"),
                r.dbl("alpha_coef", 0.08), r.p(0.5));
    }

    @Override
    public Fog sampleParams(Sample sample, RandomGenerator rng) {
        double intensity = fogCoefRange.uniform(rng);
        int w = sample.width(), h = sample.height();
        int regionSize = Math.max(1, (int) ((w / 3) * intensity));
        int cx = (int) ((w - 1) / 2.0), cy = (int) ((h - 1) / 2.0);
        List<int[]> positions = new ArrayList<>();
        int cw = w, ch = h;
        for (int it = 0; cw > regionSize && ch > regionSize && it < 10; it++) {
            int n = (int) ((double) cw * ch / ((double) regionSize * regionSize) * intensity * 10);
            for (int i = 0; i < n; i++) {
                int x = WeatherKernels.randint(rng, cx - cw / 2, cx + cw / 2);
                int y = WeatherKernels.randint(rng, cy - ch / 2, cy + ch / 2);
                positions.add(new int[] {x, y});
            }
            cw = (int) (cw * 0.9);
            ch = (int) (ch * 0.9);
        }
        int maxRadius = Math.max(2, (int) (Math.min(h, w) * 0.1 * intensity));
        int minRadius = Math.max(1, maxRadius / 2);
        int[] radiuses = new int[positions.size()];
        for (int i = 0; i < radiuses.length; i++) radiuses[i] = WeatherKernels.integers(rng, minRadius, maxRadius);
        return new Fog(intensity, positions.toArray(int[][]::new), radiuses);
    }

    @Override
    protected Mat applyToImage(Mat image, Fog f) {
        return WeatherKernels.onRgb(name(), image, u8 -> fog(u8, alphaCoef * f.intensity(), f.particlePositions(), f.radiuses()));
    }

    /** Blends white discs into a uint8 image one after the other with weight {@code alpha}, then blurs; a new image. */
    static Mat fog(Mat u8, double alpha, int[][] positions, int[] radiuses) {
        Mat result = u8.clone();
        try (Scalar white = new Scalar(255, 255, 255, 255)) {
            for (int i = 0; i < positions.length; i++) {
                int x = positions[i][0], y = positions[i][1], r = radiuses[i];
                // outside the disc the overlay equals the result, so blending only its bounding box is the same
                int x0 = Math.max(0, x - r), y0 = Math.max(0, y - r), x1 = Math.min(u8.cols(), x + r + 1), y1 = Math.min(u8.rows(), y + r + 1);
                if (x0 >= x1 || y0 >= y1) continue;
                try (Rect box = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = result.apply(box); Mat overlay = roi.clone();
                     Point c = new Point(x - x0, y - y0)) {
                    circle(overlay, c, r, white, -1, 8, 0);
                    addWeighted(overlay, alpha, roi, 1 - alpha, 0, roi);
                }
            }
        }
        int k = Math.max(3, Math.min(u8.rows(), u8.cols()) / 30);
        if (k % 2 == 0) k++;
        Mat out = new Mat();
        try (Size size = new Size(k, k)) {
            GaussianBlur(result, out, size, 0);
        } finally {
            result.close();
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fog_coef_range", fogCoefRange);
        m.put("alpha_coef", alphaCoef);
        return m;
    }
}
