package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * torchvision's colour jitter. Albumentations' {@code ColorJitter}: {@code brightness}, {@code contrast},
 * {@code saturation} factor ranges within [0, ∞) (default {@code [0.8, 1.2]}; a scalar {@code x} means
 * {@code [max(0, 1 − x), 1 + x]}), {@code hue} a range of fractions of a full turn within [-0.5, 0.5] (default
 * {@code [-0.5, 0.5]}; a 1.x file that leaves it out gets 1.3.1's {@code [-0.2, 0.2]}; a scalar {@code x} means
 * {@code [-x, x]}), p = 0.5. Targets: image.
 *
 * <p>The four adjustments run in a random order (the recorded {@code order}: 0 brightness, 1 contrast, 2 saturation,
 * 3 hue): brightness {@code v·b}; contrast {@code v·c + m·(1 − c)} with m the mean of the gray image; saturation
 * {@code addWeighted(img, s, gray, 1 − s)}; hue rotated in OpenCV's HSV. uint8 through tables (truncated) where
 * Albumentations uses them. A 1-channel image gets brightness and contrast only; a 4-channel image keeps its alpha.
 */
public final class ColorJitter extends PixelTransform<ColorJitter.Factors> {
    /** The sampled factors and the order in which they are applied. */
    public record Factors(double brightness, double contrast, double saturation, double hue, int[] order) {}

    private final Range brightness;
    private final Range contrast;
    private final Range saturation;
    private final Range hue;

    /**
     * @param brightness {@code brightness}: range of the brightness factor, {@code >= 0} (1 leaves the image unchanged)
     * @param contrast   {@code contrast}: range of the contrast factor, {@code >= 0}
     * @param saturation {@code saturation}: range of the saturation factor, {@code >= 0}
     * @param hue        {@code hue}: range of the hue shift in fractions of a full turn, within [-0.5, 0.5]
     * @param p          probability of applying the transform, in [0, 1]
     */
    public ColorJitter(Range brightness, Range contrast, Range saturation, Range hue, double p) {
        super(p);
        this.brightness = Check.range(name(), "brightness", brightness, 0, Double.MAX_VALUE);
        this.contrast = Check.range(name(), "contrast", contrast, 0, Double.MAX_VALUE);
        this.saturation = Check.range(name(), "saturation", saturation, 0, Double.MAX_VALUE);
        this.hue = Check.range(name(), "hue", hue, -0.5, 0.5);
    }

    /** With Albumentations 2.x defaults: brightness, contrast and saturation [0.8, 1.2], hue [-0.5, 0.5], p = 0.5. */
    public ColorJitter() {
        this(Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(-0.5, 0.5), 0.5);
    }

    static ColorJitter fromDict(Params r) {
        return new ColorJitter(factor(r, "brightness"), factor(r, "contrast"), factor(r, "saturation"),
                r.range("hue", r.byRelease(Range.of(-0.2, 0.2), Range.of(-0.5, 0.5)), Params.Scalar.SYMMETRIC), r.p(0.5));
    }

    /** A factor range: {@code [a, b]}, or a scalar {@code x} as {@code [max(0, 1 − x), 1 + x]}. */
    private static Range factor(Params r, String name) {
        boolean scalar = r.raw(name) instanceof Number;
        Range x = r.range(name, Range.of(0.8, 1.2), Params.Scalar.FIXED);
        return scalar ? Range.of(Math.max(0, 1 - x.min()), 1 + x.min()) : x;
    }

    @Override
    public Factors sampleParams(Sample sample, RandomGenerator rng) {
        double b = brightness.uniform(rng), c = contrast.uniform(rng), s = saturation.uniform(rng), h = hue.uniform(rng);
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Factors(b, c, s, h, order);
    }

    @Override
    protected Mat applyToImage(Mat image, Factors f) {
        return ColorKernels.onRgbOrGray(name(), image, rgb -> jitter(rgb, f), gray -> jitter(gray, f));
    }

    private static Mat jitter(Mat image, Factors f) {
        Mat cur = image;
        for (int step : f.order()) {
            if (cur.channels() == 1 && step >= 2) continue; // saturation and hue leave gray images alone
            Mat next = switch (step) {
                case 0 -> ColorKernels.multiplyAdd(cur, f.brightness(), 0);
                case 1 -> contrast(cur, f.contrast());
                case 2 -> HsvKernels.saturation(cur, f.saturation());
                default -> HsvKernels.hue(cur, f.hue());
            };
            if (cur != image) cur.close();
            cur = next;
        }
        return cur == image ? image.clone() : cur;
    }

    /** torchvision's contrast: {@code v·c + mean(gray)·(1 − c)}; c = 0 gives the (rounded, for uint8) mean everywhere. */
    static Mat contrast(Mat image, double factor) {
        if (factor == 1) return image.clone();
        double mean;
        if (image.channels() == 1) {
            mean = ColorKernels.mean(image);
        } else {
            try (Mat g = new Mat()) {
                cvtColor(image, g, COLOR_RGB2GRAY);
                mean = ColorKernels.mean(g);
            }
        }
        if (factor == 0) {
            double v = Mats.isFloat(image) ? mean : (int) (mean + 0.5);
            try (Scalar s = new Scalar(v, v, v, v)) {
                return new Mat(image.rows(), image.cols(), image.type(), s);
            }
        }
        if (Mats.isFloat(image)) return ColorKernels.multiplyAdd(image, factor, mean * (1 - factor));
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) t[v] = ColorKernels.clipToByte(v * factor + mean * (1 - factor));
        return org.augment4j.internal.PixelKernels.linear(image, factor, mean * (1 - factor), t);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brightness", brightness);
        m.put("contrast", contrast);
        m.put("saturation", saturation);
        m.put("hue", hue);
        return m;
    }
}
