package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Zoom (radial) blur: the average of the image and centred zooms of it. Albumentations' {@code ZoomBlur}:
 * {@code max_factor} a range {@code >= 1} (a scalar {@code x} means {@code [1, x]}; default {@code [1, 1.31]}),
 * {@code step_factor} a range {@code > 0} (a scalar {@code x} means {@code [x, x]}; default {@code [0.01, 0.03]}),
 * p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>The zoom factors are {@code 1, 1 + step, 1 + 2·step, …} below {@code max(1 + step, max_factor)}. Each zoom crops the
 * centred {@code ceil(size / z)} and enlarges it bilinearly by {@code z} (size truncated), trimming back to the centre.
 * The result is {@code (img + Σ zooms) / (n + 1)} in float, clipped, uint8 as {@code rint(x · 255)}.
 */
public final class ZoomBlur extends PixelTransform<ZoomBlur.Zoom> {
    /** The sampled zoom factors. */
    public record Zoom(double[] zoomFactors) {}

    private final Range maxFactor;
    private final Range stepFactor;

    /**
     * @param maxFactor  {@code max_factor}: largest zoom factor, {@code >= 1}
     * @param stepFactor {@code step_factor}: step between successive zoom factors, {@code > 0}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public ZoomBlur(Range maxFactor, Range stepFactor, double p) {
        super(p);
        this.maxFactor = Check.range(name(), "max_factor", maxFactor, 1, Double.MAX_VALUE);
        Allowed.above(0).checkRange(name(), "step_factor", stepFactor);
        this.stepFactor = stepFactor;
    }

    /** With Albumentations' defaults: max_factor [1, 1.31], step_factor [0.01, 0.03], p = 0.5. */
    public ZoomBlur() {
        this(Range.of(1, 1.31), Range.of(0.01, 0.03), 0.5);
    }

    static ZoomBlur fromDict(Params r) {
        return new ZoomBlur(r.range("max_factor", Range.of(1, 1.31), Params.Scalar.UPPER, 1), r.range("step_factor", Range.of(0.01, 0.03), Params.Scalar.FIXED),
                r.p(0.5));
    }

    @Override
    public Zoom sampleParams(Sample sample, RandomGenerator rng) {
        double step = stepFactor.uniform(rng);
        double max = Math.max(1 + step, maxFactor.uniform(rng));
        int n = (int) Math.ceil((max - 1) / step);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = 1 + i * step;
        return new Zoom(z);
    }

    @Override
    protected Mat applyToImage(Mat image, Zoom z) {
        try (Mat f = BlurKernels.toFloat(image); Mat sum = f.clone()) {
            for (double factor : z.zoomFactors()) {
                try (Mat zoomed = centralZoom(f, factor)) {
                    add(sum, zoomed, sum);
                }
            }
            sum.convertTo(sum, sum.type(), 1.0 / (z.zoomFactors().length + 1), 0);
            return BlurKernels.fromFloat(sum, image);
        }
    }

    /** The centred {@code ceil(size / z)} crop enlarged by {@code z} and trimmed back to the image size. */
    static Mat centralZoom(Mat img, double z) {
        int h = img.rows(), w = img.cols();
        int hc = (int) Math.ceil(h / z), wc = (int) Math.ceil(w / z);
        int nh = Math.max(h, (int) (hc * z)), nw = Math.max(w, (int) (wc * z));
        try (Rect crop = new Rect((w - wc) / 2, (h - hc) / 2, wc, hc); Mat roi = new Mat(img, crop); Mat big = new Mat(); Size size = new Size(nw, nh);
             Rect trim = new Rect((nw - w) / 2, (nh - h) / 2, w, h)) {
            resize(roi, big, size, 0, 0, INTER_LINEAR);
            try (Mat view = new Mat(big, trim)) {
                return view.clone();
            }
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_factor", maxFactor);
        m.put("step_factor", stepFactor);
        return m;
    }
}
