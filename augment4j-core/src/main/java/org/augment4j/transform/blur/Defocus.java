package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Out-of-focus blur with a disc kernel. Albumentations' {@code Defocus}: {@code radius} a range of integers {@code >= 1}
 * (a scalar {@code x} means {@code [1, x]}; default {@code [3, 10]}), {@code alias_blur} the sigma of a Gaussian that
 * softens the disc, a range {@code >= 0} (a scalar {@code x} means {@code [0, x]}; default {@code [0.1, 0.5]}), p = 0.5.
 * Targets: image (uint8 or float32, any channel count).
 *
 * <p>The disc {@code x² + y² <= r²} on a grid of half-width {@code max(8, r)}, normalised, is blurred with a 3x3
 * Gaussian (5x5 when {@code r > 8}) of sigma {@code alias_blur} and applied with {@code filter2D}; float results are
 * clipped to [0, 1]. As in Albumentations the softened disc is not normalised again: from radius 8 on, the disc reaches
 * the grid's edge, the Gaussian's reflected border changes its sum slightly, and flat areas may shift by a level or so.
 */
public final class Defocus extends PixelTransform<Defocus.Disc> {
    /** The sampled disc radius (pixels) and softening sigma. */
    public record Disc(int radius, double aliasBlur) {}

    private final Range radius;
    private final Range aliasBlur;

    /**
     * @param radius    {@code radius}: disc radius in pixels, integers {@code >= 1}
     * @param aliasBlur {@code alias_blur}: sigma in pixels of the Gaussian that softens the disc, {@code >= 0}
     * @param p         probability of applying the transform, in [0, 1]
     */
    public Defocus(Range radius, Range aliasBlur, double p) {
        super(p);
        this.radius = BlurKernels.blurLimit(name(), "radius", radius, 1);
        this.aliasBlur = Check.range(name(), "alias_blur", aliasBlur, 0, Double.MAX_VALUE);
    }

    /** With Albumentations' defaults: radius [3, 10], alias_blur [0.1, 0.5], p = 0.5. */
    public Defocus() {
        this(Range.of(3, 10), Range.of(0.1, 0.5), 0.5);
    }

    static Defocus fromDict(Params r) {
        return new Defocus(r.range("radius", Range.of(3, 10), Params.Scalar.UPPER, 1), r.range("alias_blur", Range.of(0.1, 0.5), Params.Scalar.UPPER, 0),
                r.p(0.5));
    }

    @Override
    public Disc sampleParams(Sample sample, RandomGenerator rng) {
        int r = radius.randint(rng);
        return new Disc(r, aliasBlur.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Disc d) {
        int half = Math.max(8, d.radius()), n = 2 * half + 1, ks = d.radius() <= 8 ? 3 : 5;
        try (Mat disc = new Mat(n, n, CV_32F); Mat kernel = new Mat(); Size k = new Size(ks, ks)) {
            FloatBuffer b = disc.createBuffer();
            int count = 0;
            for (int y = -half; y <= half; y++) for (int x = -half; x <= half; x++) if (x * x + y * y <= d.radius() * d.radius()) count++;
            for (int y = -half, i = 0; y <= half; y++) for (int x = -half; x <= half; x++, i++) b.put(i, x * x + y * y <= d.radius() * d.radius() ? 1f / count : 0f);
            GaussianBlur(disc, kernel, k, d.aliasBlur(), d.aliasBlur(), BORDER_DEFAULT, 0);
            Mat out = new Mat();
            filter2D(image, out, -1, kernel);
            if (Mats.isFloat(out)) PixelKernels.clipInPlace(out, 0, 1);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("radius", radius);
        m.put("alias_blur", aliasBlur);
        return m;
    }
}
