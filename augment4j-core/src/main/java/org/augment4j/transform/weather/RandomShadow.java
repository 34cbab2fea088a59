package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Darkens random polygons, as shadows. Albumentations' {@code RandomShadow} (2.x): {@code shadow_roi} the normalised
 * region {@code [x_min, y_min, x_max, y_max]} the polygon vertices are drawn from (default {@code [0, 0.5, 1, 1]}),
 * {@code num_shadows_limit} the range of the number of shadows, both ≥ 1 (default {@code [1, 2]}),
 * {@code shadow_dimension} the number of vertices per polygon, ≥ 3 (default 5), {@code shadow_intensity_range} how
 * dark, within [0, 1] (default {@code [0.5, 0.5]}), p = 0.5. Targets: image, any number of channels (all darkened).
 *
 * <p>Inside each polygon every value becomes {@code floor(v · (1 − intensity))}; overlapping shadows multiply. float32
 * images go through uint8 like Albumentations. 1.3's {@code num_shadows_lower}/{@code num_shadows_upper} are read too.
 */
public final class RandomShadow extends PixelTransform<RandomShadow.Shadows> {
    /** The sampled polygons (each row {@code x0, y0, x1, y1, …} in pixels) and the intensity of each. */
    public record Shadows(int[][] vertices, double[] intensities) {}

    private final double[] shadowRoi;
    private final Range numShadowsLimit;
    private final int shadowDimension;
    private final Range shadowIntensityRange;

    /**
     * @param shadowRoi            {@code shadow_roi}: normalised region {@code [x_min, y_min, x_max, y_max]} of the vertices
     * @param numShadowsLimit      {@code num_shadows_limit}: range of the number of shadows, integers {@code >= 1}
     * @param shadowDimension      {@code shadow_dimension}: vertices per shadow polygon, {@code >= 3}
     * @param shadowIntensityRange {@code shadow_intensity_range}: range of the darkening, within [0, 1]
     * @param p                    probability of applying the transform, in [0, 1]
     */
    public RandomShadow(double[] shadowRoi, Range numShadowsLimit, int shadowDimension, Range shadowIntensityRange, double p) {
        super(p);
        this.shadowRoi = WeatherKernels.roi(name(), "shadow_roi", shadowRoi, false);
        this.numShadowsLimit = Check.range(name(), "num_shadows_limit", numShadowsLimit, 1, Integer.MAX_VALUE);
        Check.that(numShadowsLimit.min() == Math.rint(numShadowsLimit.min()) && numShadowsLimit.max() == Math.rint(numShadowsLimit.max()), name(),
                "num_shadows_limit must be integers, got " + numShadowsLimit);
        Allowed.atLeast(3).check(name(), "shadow_dimension", shadowDimension);
        this.shadowDimension = shadowDimension;
        this.shadowIntensityRange = Check.range(name(), "shadow_intensity_range", shadowIntensityRange, 0, 1);
    }

    /**
     * With Albumentations' defaults: shadow_roi [0, 0.5, 1, 1], num_shadows_limit [1, 2], shadow_dimension 5,
     * shadow_intensity_range [0.5, 0.5], p = 0.5.
     */
    public RandomShadow() {
        this(new double[] {0, 0.5, 1, 1}, Range.of(1, 2), 5, Range.fixed(0.5), 0.5);
    }

    static RandomShadow fromDict(Params r) {
        return new RandomShadow(r.numbers("shadow_roi", new double[] {0, 0.5, 1, 1}),
                WeatherKernels.legacyRange(r, "num_shadows_limit", Range.of(1, 2), "num_shadows_lower", "num_shadows_upper"),
                r.integer("shadow_dimension", 5), r.range("shadow_intensity_range", Range.fixed(0.5), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Shadows sampleParams(Sample sample, RandomGenerator rng) {
        int w = sample.width(), h = sample.height();
        int n = numShadowsLimit.randint(rng);
        int x0 = (int) (shadowRoi[0] * w), y0 = (int) (shadowRoi[1] * h), x1 = (int) (shadowRoi[2] * w), y1 = (int) (shadowRoi[3] * h);
        int[][] vertices = new int[n][2 * shadowDimension];
        double[] intensities = new double[n];
        for (int s = 0; s < n; s++) {
            for (int v = 0; v < shadowDimension; v++) {
                vertices[s][2 * v] = WeatherKernels.integers(rng, x0, x1);
                vertices[s][2 * v + 1] = WeatherKernels.integers(rng, y0, y1);
            }
        }
        for (int s = 0; s < n; s++) intensities[s] = shadowIntensityRange.uniform(rng);
        return new Shadows(vertices, intensities);
    }

    @Override
    protected Mat applyToImage(Mat image, Shadows s) {
        return WeatherKernels.onUint8(image, u8 -> shadow(u8, s.vertices(), s.intensities()));
    }

    /** Darkens each polygon of a uint8 image by its intensity; returns a new image. */
    static Mat shadow(Mat u8, int[][] vertices, double[] intensities) {
        Mat out = u8.clone();
        for (int i = 0; i < vertices.length; i++) {
            int n = vertices[i].length / 2;
            double darkness = 1 - intensities[i];
            byte[] table = new byte[256];
            for (int v = 0; v < 256; v++) table[v] = (byte) (int) Math.min(255, Math.max(0, v * darkness));
            try (Mat mask = Mats.zeros(u8.rows(), u8.cols(), CV_8UC1); Mat pts = new Mat(n, 1, CV_32SC2); MatVector polys = new MatVector(1);
                 Scalar white = new Scalar(255.0); Mat dark = PixelKernels.lut(out, table)) {
                ((IntBuffer) pts.createBuffer()).put(vertices[i]);
                polys.put(0, pts);
                fillPoly(mask, polys, white);
                dark.copyTo(out, mask);
            }
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shadow_roi", Arrays.stream(shadowRoi).boxed().toList());
        m.put("num_shadows_limit", numShadowsLimit);
        m.put("shadow_dimension", shadowDimension);
        m.put("shadow_intensity_range", shadowIntensityRange);
        return m;
    }
}
