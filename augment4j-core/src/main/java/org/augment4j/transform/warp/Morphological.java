package org.augment4j.transform.warp;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Range;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Grey-level dilation or erosion with an elliptical structuring element, for document scans (thicker or thinner
 * strokes). Albumentations' {@code Morphological} (2.0.8): scale (2, 3), operation "dilation" (or "erosion"), p = 0.5.
 *
 * <p>As 2.0.8 actually does (its docstring says otherwise), {@code scale} is not sampled: {@code (a, b)} is the kernel
 * size, {@code a} pixels wide and {@code b} tall, and a single number n means {@code (1, n)}; both at least 1. Recorded
 * as {@code kernel} = {width, height}. Targets: image and mask (all of them; dilation and erosion keep mask values
 * labels). Boxes and keypoints are unchanged: the transform moves no labels (2.0.8 tries to dilate boxes through
 * masks, but stacks them along the wrong axes).
 */
@Targets({Targets.IMAGE, Targets.MASK})
public final class Morphological extends BasicTransform<Morphological.Kernel> {
    /** The structuring element's size, {width, height}. */
    public record Kernel(int[] kernel) {}

    private final int width;
    private final int height;
    private final boolean dilation;

    /** {@code operation}'s values (case-insensitive). */
    private static final Allowed OPERATIONS = Allowed.oneOf("dilation", "erosion");

    /**
     * @param width     {@code scale[0]}: kernel width in pixels, {@code >= 1}
     * @param height    {@code scale[1]}: kernel height in pixels, {@code >= 1}
     * @param operation {@code operation}: {@code "dilation"} or {@code "erosion"}
     * @param p         probability of applying the transform, in [0, 1]
     */
    public Morphological(int width, int height, String operation, double p) {
        super(p);
        this.width = Check.positive(name(), "scale[0]", width);
        this.height = Check.positive(name(), "scale[1]", height);
        String op = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        OPERATIONS.check(name(), "operation", op);
        this.dilation = op.equals("dilation");
    }

    /** Albumentations' defaults: a 2 × 3 dilation. */
    public Morphological() {
        this(2, 3, "dilation", 0.5);
    }

    static Morphological fromDict(Params r) {
        Range scale = r.range("scale", Range.of(2, 3), Params.Scalar.UPPER, 1);
        if (scale.min() != Math.rint(scale.min()) || scale.max() != Math.rint(scale.max())) {
            throw r.error("scale", "must be whole numbers, got " + scale);
        }
        return new Morphological((int) scale.min(), (int) scale.max(), r.string("operation", "dilation"), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        return new Kernel(new int[] {width, height});
    }

    @Override
    public Sample apply(Sample s, Kernel k) {
        Check.that(k.kernel().length == 2 && k.kernel()[0] > 0 && k.kernel()[1] > 0, name(), "kernel must be two sizes > 0");
        try (Size size = new Size(k.kernel()[0], k.kernel()[1]); Mat element = opencv_imgproc.getStructuringElement(MORPH_ELLIPSE, size)) {
            Map<String, Mat> images = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : s.images().entrySet()) images.put(e.getKey(), morph(e.getValue(), element));
            Map<String, Mat> masks = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), morph(e.getValue(), element));
            return s.withImages(images).withMasks(masks);
        }
    }

    private Mat morph(Mat src, Mat element) {
        Mat dst = new Mat();
        if (dilation) opencv_imgproc.dilate(src, dst, element);
        else opencv_imgproc.erode(src, dst, element);
        return dst;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", Range.of(width, height));
        m.put("operation", dilation ? "dilation" : "erosion");
        return m;
    }
}
