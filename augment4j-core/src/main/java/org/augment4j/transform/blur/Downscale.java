package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Lowers quality by shrinking and enlarging back. Albumentations' {@code Downscale} (2.x): {@code scale_range} the
 * shrink factor, a range within (0, 1) (default {@code [0.25, 0.25]}), {@code interpolation_pair}
 * {@code {"downscale": d, "upscale": u}} OpenCV interpolation codes 0–4 (default nearest for both), p = 0.5. Targets:
 * image (uint8 or float32, any channel count).
 *
 * <p>Albumentations 1.3's {@code scale_min} / {@code scale_max} (default 0.25 each) and {@code interpolation} (one code
 * for both, or the same map; default nearest) are accepted too; such a transform is written back with those names.
 *
 * <p>The image is resized by the factor itself ({@code cv2.resize(img, None, fx=scale, fy=scale)}: the small image has
 * {@code round(size · scale)} pixels and OpenCV maps coordinates with {@code scale}, not with the rounded size ratio),
 * then back to its size. An image too small for that (a side that would round to 0, where Albumentations fails) is
 * shrunk to at least one pixel instead.
 *
 * <p>Where the releases differ ({@link #withSemantics}): 2.x resamples uint8 images as uint8 and rounds a float32 image
 * to uint8 first ({@code clip(rint(x · 255))}) and divides the result by 255 (albucore's {@code uint8_io}); 1.x
 * resamples a uint8 image in float32 ({@code x / 255}) unless both interpolations are nearest, clips to [0, 1] and
 * truncates back ({@code (x · 255).astype(uint8)}), and resamples a float32 image as it is (unclipped).
 */
public final class Downscale extends PixelTransform<Downscale.Scale> {
    /** The sampled shrink factor. */
    public record Scale(double scale) {}

    private final Range scaleRange;
    private final int down;
    private final int up;
    private final boolean legacy; // written back as scale_min / scale_max / interpolation
    private final Dialect dialect;

    private Downscale(Range scaleRange, int down, int up, boolean legacy, Dialect dialect, double p) {
        super(p);
        String param = legacy ? "scale_min/scale_max" : "scale_range";
        Allowed.interval(0, true, 1, true).checkRange(name(), param, scaleRange);
        this.scaleRange = scaleRange;
        this.down = (int) Check.between(name(), "interpolation_pair.downscale", down, 0, 4);
        this.up = (int) Check.between(name(), "interpolation_pair.upscale", up, 0, 4);
        this.legacy = legacy;
        this.dialect = dialect;
    }

    /** Albumentations 2.x parameters. */
    public Downscale(Range scaleRange, int downInterpolation, int upInterpolation, double p) {
        this(scaleRange, downInterpolation, upInterpolation, false, Dialect.V2, p);
    }

    /** With Albumentations' defaults: scale_range [0.25, 0.25], nearest interpolation down and up, p = 0.5. */
    public Downscale() {
        this(Range.fixed(0.25), INTER_NEAREST, INTER_NEAREST, 0.5);
    }

    /** Albumentations 1.3 parameters. */
    public static Downscale ofScaleMinMax(double scaleMin, double scaleMax, int downInterpolation, int upInterpolation, double p) {
        return new Downscale(Range.of(scaleMin, scaleMax), downInterpolation, upInterpolation, true, Dialect.V2, p);
    }

    static Downscale fromDict(Params r) {
        double p = r.p(0.5);
        if (r.has("scale_min") || r.has("scale_max") || r.has("interpolation")) {
            if (r.has("scale_range") || r.has("interpolation_pair")) {
                throw r.error("scale_range", "cannot be combined with Albumentations 1.3's scale_min / scale_max / interpolation");
            }
            int[] pair = pair(r, "interpolation");
            return ofScaleMinMax(r.dbl("scale_min", 0.25), r.dbl("scale_max", 0.25), pair[0], pair[1], p);
        }
        int[] pair = pair(r, "interpolation_pair");
        return new Downscale(r.range("scale_range", Range.fixed(0.25), Params.Scalar.FIXED), pair[0], pair[1], p);
    }

    /** {@code {"downscale": d, "upscale": u}}, or one code for both; nearest when absent. */
    private static int[] pair(Params r, String name) {
        Object v = r.raw(name);
        if (v == null) return new int[] {INTER_NEAREST, INTER_NEAREST};
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return new int[] {n.intValue(), n.intValue()};
        if (v instanceof Map<?, ?> m && m.size() == 2 && m.get("downscale") instanceof Number d && m.get("upscale") instanceof Number u) {
            return new int[] {d.intValue(), u.intValue()};
        }
        throw r.error(name, "must be {\"downscale\": code, \"upscale\": code} with OpenCV interpolation codes, got " + v);
    }

    @Override
    public Scale sampleParams(Sample sample, RandomGenerator rng) {
        return new Scale(scaleRange.uniform(rng));
    }

    @Override
    public Downscale withSemantics(Semantics semantics) {
        Dialect d = semantics == Semantics.ALBUMENTATIONS_1_3 ? Dialect.V1_3 : Dialect.V2;
        return d == dialect ? this : new Downscale(scaleRange, down, up, legacy, d, probability());
    }

    @Override
    protected Mat applyToImage(Mat image, Scale s) {
        return dialect.apply(this, image, s.scale());
    }

    /** What the releases do around the two resizes. */
    private enum Dialect {
        /** Albumentations 1.x: uint8 resampled in float32 (unless both nearest), clipped and truncated back. */
        V1_3 {
            @Override
            Mat apply(Downscale t, Mat image, double scale) {
                if (Mats.isFloat(image) || (t.down == INTER_NEAREST && t.up == INTER_NEAREST)) return t.resampled(image, scale);
                try (Mat f = BlurKernels.toFloat(image); Mat big = t.resampled(f, scale)) {
                    PixelKernels.clipInPlace(big, 0, 1);
                    return FromFloat.TRUNCATE.apply(big, image);
                }
            }
        },
        /** Albumentations 2.x: uint8 resampled as uint8; float32 rounded to uint8 and back. */
        V2 {
            @Override
            Mat apply(Downscale t, Mat image, double scale) {
                if (!Mats.isFloat(image)) return t.resampled(image, scale);
                try (Mat u8 = BlurKernels.toUint8(image); Mat big = t.resampled(u8, scale)) {
                    return BlurKernels.toFloat(big);
                }
            }
        };

        abstract Mat apply(Downscale t, Mat image, double scale);
    }

    /** {@code image} shrunk by {@code scale} ({@code fx = fy = scale}) with the downscale interpolation, and enlarged back to its size. */
    private Mat resampled(Mat image, double scale) {
        int w = image.cols(), h = image.rows();
        boolean byFactor = Math.rint(w * scale) >= 1 && Math.rint(h * scale) >= 1;
        Mat big = new Mat();
        try (Mat small = new Mat(); Size smallSize = byFactor ? new Size(0, 0) : new Size(Math.max(1, (int) Math.rint(w * scale)), Math.max(1, (int) Math.rint(h * scale)));
             Size size = new Size(w, h)) {
            resize(image, small, smallSize, scale, scale, down);
            resize(small, big, size, 0, 0, up);
        }
        return big;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("downscale", (long) down);
        pair.put("upscale", (long) up);
        if (legacy) {
            m.put("scale_min", scaleRange.min());
            m.put("scale_max", scaleRange.max());
            m.put("interpolation", pair);
        } else {
            m.put("scale_range", scaleRange);
            m.put("interpolation_pair", pair);
        }
        return m;
    }
}
