package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.CMP_GE;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.subtract;

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

/**
 * Inverts every value at or above a threshold: {@code v >= t ? max − v : v}, per channel. Albumentations'
 * {@code Solarize} (2.x): {@code threshold_range} the threshold as a fraction of the maximum value (255 for uint8, 1 for
 * float32) within [0, 1] (default {@code [0.5, 0.5]}), p = 0.5. Targets: image (uint8 via a look-up table, float32).
 *
 * <p>Albumentations 1.3's {@code threshold} is accepted too: uint8 pixel units within [0, 255] (a scalar {@code t} means
 * {@code [t, t]}; 1.3 default 128, which a 1.x file giving neither name gets); it is sampled in those units, divided by
 * 255, and written back as {@code threshold}.
 */
public final class Solarize extends PixelTransform<Solarize.Threshold> {
    /** The sampled threshold as a fraction of the maximum value. */
    public record Threshold(double threshold) {}

    private final Range threshold;
    private final boolean pixelUnits; // true: a 1.3 "threshold" in uint8 units

    private Solarize(Range threshold, boolean pixelUnits, double p) {
        super(p);
        this.threshold = Check.range(name(), pixelUnits ? "threshold" : "threshold_range", threshold, 0, pixelUnits ? 255 : 1);
        this.pixelUnits = pixelUnits;
    }

    /** Albumentations 2.x: the threshold range as fractions of the maximum value. */
    public Solarize(Range thresholdRange, double p) {
        this(thresholdRange, false, p);
    }

    /** With Albumentations 2.x defaults: threshold_range [0.5, 0.5], p = 0.5. */
    public Solarize() {
        this(Range.fixed(0.5), 0.5);
    }

    /** Albumentations 1.3: the threshold range in uint8 pixel units. */
    public static Solarize ofPixelThreshold(Range threshold, double p) {
        return new Solarize(threshold, true, p);
    }

    static Solarize fromDict(Params r) {
        double p = r.p(0.5);
        if (r.has("threshold") || r.byRelease(true, false) && !r.has("threshold_range")) { // 1.3.1's default: threshold 128
            if (r.has("threshold_range")) throw r.error("threshold", "is an Albumentations 1.3 parameter; give either threshold (1.3) or threshold_range (2.x), not both");
            return ofPixelThreshold(r.range("threshold", Range.fixed(128), Params.Scalar.FIXED), p);
        }
        return new Solarize(r.range("threshold_range", Range.fixed(0.5), Params.Scalar.FIXED), p);
    }

    @Override
    public Threshold sampleParams(Sample sample, RandomGenerator rng) {
        double t = threshold.uniform(rng);
        return new Threshold(pixelUnits ? t / 255 : t);
    }

    @Override
    protected Mat applyToImage(Mat image, Threshold t) {
        if (!Mats.isFloat(image)) {
            double limit = t.threshold() * 255; // exact for 1.3 integer thresholds: t / 255 * 255 == t for t in 0..255
            return PixelKernels.invertFrom(image, (int) Math.ceil(limit));
        }
        Mat out = image.clone();
        try (Mat mask = new Mat(); Mat inverted = new Mat(); Mat one = Mats.scalarMat(1); Mat thr = Mats.scalarMat(t.threshold())) {
            compare(image, thr, mask, CMP_GE);
            subtract(one, image, inverted);
            inverted.copyTo(out, mask);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(pixelUnits ? "threshold" : "threshold_range", threshold);
        return m;
    }
}
