package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Converts to grayscale and replicates the gray plane. Albumentations' {@code ToGray} (2.x): {@code num_output_channels}
 * 1, 3 or 4 (default 3), {@code method} (default {@code "weighted_average"}), p = 0.5. Targets: image (uint8 or float32).
 *
 * <ul>
 *   <li>{@code weighted_average}: OpenCV {@code RGB2GRAY}, {@code 0.299R + 0.587G + 0.114B} (RGBA: alpha ignored);</li>
 *   <li>{@code from_lab}: the L channel of OpenCV's Lab (computed on uint8, as Albumentations; RGBA: alpha ignored);</li>
 *   <li>{@code desaturation}: {@code (max + min) / 2} over channels; {@code average}: the channel mean; {@code max}: the
 *       channel maximum (uint8 results truncated, as numpy's {@code astype}).</li>
 * </ul>
 * {@code pca} is not implemented. A 1-channel image is returned unchanged (a copy), as Albumentations does. The 2.x-only
 * parameters are written to pipeline files only when they differ from the defaults (1.3 has neither).
 */
public final class ToGray extends FixedPixelTransform {
    private static final Allowed METHODS = Allowed.oneOf("weighted_average", "from_lab", "desaturation", "average", "max");
    private static final Allowed OUTPUT_CHANNELS = Allowed.oneOf(1, 3, 4);

    private final int numOutputChannels;
    private final String method;

    /**
     * @param numOutputChannels {@code num_output_channels}: 1, 3 or 4
     * @param method            {@code method}: {@code "weighted_average"}, {@code "from_lab"}, {@code "desaturation"},
     *                          {@code "average"} or {@code "max"}
     * @param p                 probability of applying the transform, in [0, 1]
     */
    public ToGray(int numOutputChannels, String method, double p) {
        super(p);
        OUTPUT_CHANNELS.check(name(), "num_output_channels", numOutputChannels);
        Check.that(!"pca".equals(method), name(), "method 'pca' is not implemented in augment4j; use one of " + METHODS.strings());
        METHODS.check(name(), "method", method);
        this.numOutputChannels = numOutputChannels;
        this.method = method;
    }

    /** With Albumentations' defaults: num_output_channels 3, method "weighted_average", p = 0.5. */
    public ToGray() {
        this(3, "weighted_average", 0.5);
    }

    static ToGray fromDict(Params r) {
        return new ToGray(r.integer("num_output_channels", 3), r.string("method", "weighted_average"), r.p(0.5));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        int c = image.channels();
        if (c == 1) return image.clone();
        if (method.equals("weighted_average") || method.equals("from_lab")) {
            Check.that(c == 3 || c == 4, name(), "method '" + method + "' needs a 3-channel RGB (or RGBA) image, got " + c + " channel(s)");
        }
        try (Mat gray = gray(image)) {
            return PixelKernels.replicate(gray, numOutputChannels);
        }
    }

    private Mat gray(Mat image) {
        int c = image.channels();
        Mat out = new Mat();
        switch (method) {
            case "weighted_average" -> cvtColor(image, out, c == 4 ? COLOR_RGBA2GRAY : COLOR_RGB2GRAY);
            case "from_lab" -> fromLab(image, out);
            default -> {
                out.close();
                return reduceChannels(image);
            }
        }
        return out;
    }

    /** Albumentations' {@code to_gray_from_lab}: uint8 Lab's L; float32 input goes through uint8 and back. */
    private static void fromLab(Mat image, Mat out) {
        try (Mat rgb = new Mat(); Mat u8 = new Mat(); Mat lab = new Mat(); Mat l = new Mat()) {
            Mat src = image;
            if (image.channels() == 4) {
                cvtColor(image, rgb, COLOR_RGBA2RGB);
                src = rgb;
            }
            if (Mats.isFloat(src)) {
                src.convertTo(u8, CV_8U, 255, 0);  // rint(img * 255), saturated: albucore's from_float
                src = u8;
            }
            cvtColor(src, lab, COLOR_RGB2Lab);
            extractChannel(lab, l, 0);
            if (Mats.isFloat(image)) l.convertTo(out, CV_32F, 1 / 255.0, 0);
            else l.copyTo(out);
        }
    }

    /** desaturation, average or max over all channels. */
    private Mat reduceChannels(Mat image) {
        int c = image.channels();
        boolean isFloat = Mats.isFloat(image);
        try (MatVector planes = new MatVector(); Mat hi = new Mat(); Mat lo = new Mat(); Mat sum = new Mat(); Mat f = new Mat()) {
            split(image, planes);
            planes.get(0).copyTo(hi);
            if (method.equals("max")) {
                for (int i = 1; i < c; i++) max(hi, planes.get(i), hi);
                return hi.clone();
            }
            if (method.equals("desaturation")) {
                planes.get(0).copyTo(lo);
                for (int i = 1; i < c; i++) {
                    max(hi, planes.get(i), hi);
                    min(lo, planes.get(i), lo);
                }
                hi.convertTo(sum, CV_32F);
                lo.convertTo(f, CV_32F);
                add(sum, f, sum);
                sum.convertTo(f, CV_32F, 0.5, 0);
            } else { // average
                planes.get(0).convertTo(sum, CV_32F);
                for (int i = 1; i < c; i++) {
                    planes.get(i).convertTo(f, CV_32F);
                    add(sum, f, sum);
                }
                // uint8 sums are integers whose c-th parts lie >= 1/4 away from the next integer: a tiny bias makes the
                // truncation immune to the rounding of 1/c.
                sum.convertTo(f, CV_32F, 1.0 / c, isFloat ? 0 : 1e-3);
            }
            return isFloat ? f.clone() : PixelKernels.truncateToUint8(f);
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (numOutputChannels != 3) m.put("num_output_channels", numOutputChannels);
        if (!method.equals("weighted_average")) m.put("method", method);
        return m;
    }
}
