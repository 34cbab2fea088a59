package org.augment4j.transform.pytorch;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.greaterThan;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Albumentations 0.x's {@code ToTensor} ({@code albumentations.pytorch.transforms.ToTensor}, deprecated in 0.4 and
 * removed in 0.5; {@link ToTensorV2} replaces it): converts to float tensors the way 0.4.6 did. Parameters:
 * {@code num_classes} (default 1), {@code sigmoid} (default true), {@code normalize} (default null, else
 * {@code {"mean": …, "std": …}} as torchvision's {@code normalize} takes them: one number or one per channel, std
 * non-zero), p = 1 (0.x always applied it). Targets: images, masks.
 *
 * <ul>
 *   <li>images: float32, divided by 255 when uint8, then {@code (x − mean) / std} per channel when normalize is given;
 *       channels first;</li>
 *   <li>masks, with {@code num_classes ≤ 1}: float32, divided by 255 when uint8, with a leading axis of one
 *       ({@code (1, H, W)});</li>
 *   <li>masks, with more classes and sigmoid: float32, divided by 255 when uint8, channels first;</li>
 *   <li>masks, with more classes and not sigmoid: class indices {@code (H, W)} — for a one-channel mask 1 where it is
 *       above 127, else 0; for several channels the last channel {@code c} above 0, else 0. 0.x made them int64; here
 *       they are uint8, augment4j's mask type (so a mask may have at most 256 channels).</li>
 * </ul>
 * As with ToTensorV2, the matrices stay HWC: the layout is recorded as a {@link TensorLayout} under
 * {@link TensorLayout#KEY}. 0.x moved the last axis of a two-dimensional array first (an {@code (H, W)} image became
 * {@code (W, H)}); here a one-channel image is {@code (1, H, W)} and a one-channel mask in the sigmoid case {@code (H, W)}.
 */
@Targets({Targets.IMAGE, Targets.MASK})
public final class ToTensor extends BasicTransform<NoParams> {
    private final int numClasses;
    private final boolean sigmoid;
    private final double[] mean;
    private final double[] std;

    /**
     * @param mean null (no normalisation) or one value or one per channel
     * @param std  null exactly when mean is; non-zero values
     */
    public ToTensor(int numClasses, boolean sigmoid, double[] mean, double[] std, double p) {
        super(p);
        Check.that((mean == null) == (std == null), name(), "normalize needs both mean and std, got mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std));
        if (mean != null) {
            Check.that(mean.length >= 1 && std.length >= 1, name(), "normalize mean and std must hold at least one number each");
            for (double m : mean) Check.that(Double.isFinite(m), name(), "normalize mean values must be finite, got " + Arrays.toString(mean));
            for (double s : std) Check.that(s != 0 && Double.isFinite(s), name(), "normalize std values must be finite and non-zero, got " + Arrays.toString(std));
        }
        this.numClasses = numClasses;
        this.sigmoid = sigmoid;
        this.mean = mean == null ? null : mean.clone();
        this.std = std == null ? null : std.clone();
    }

    /** One class, sigmoid, no normalisation, p = 1. */
    public ToTensor(int numClasses, boolean sigmoid, double[] mean, double[] std) {
        this(numClasses, sigmoid, mean, std, 1.0);
    }

    /** One class, sigmoid, no normalisation, p = 1 (0.x's defaults). */
    public ToTensor() {
        this(1, true, null, null);
    }

    static ToTensor fromDict(Params r) {
        double p = r.p(1.0);
        int numClasses = r.integer("num_classes", 1);
        boolean sigmoid = r.bool("sigmoid", true);
        Object n = r.raw("normalize");
        if (n == null) return new ToTensor(numClasses, sigmoid, null, null, p);
        if (!(n instanceof Map<?, ?> m)) throw r.error("normalize", "must be null or {\"mean\": …, \"std\": …}, got " + n);
        for (Object k : m.keySet()) {
            if (!List.of("mean", "std", "inplace").contains(k)) throw r.error("normalize", "may only hold mean, std and inplace, got '" + k + "'");
        }
        return new ToTensor(numClasses, sigmoid, numbers(r, m.get("mean"), "mean"), numbers(r, m.get("std"), "std"), p);
    }

    private static double[] numbers(Params r, Object v, String key) {
        if (v instanceof Number x) return new double[] {x.doubleValue()};
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Number.class::isInstance)) {
            return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }
        throw r.error("normalize", key + " must be a number or a list of numbers, got " + v);
    }

    /** The layout this transform records. */
    public TensorLayout layout() {
        if (numClasses <= 1) return new TensorLayout(TensorLayout.MaskLayout.LEADING_AXIS);
        return new TensorLayout(sigmoid ? TensorLayout.MaskLayout.CHANNELS_FIRST : TensorLayout.MaskLayout.AS_IS);
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    public Sample apply(Sample sample, NoParams params) {
        Map<String, Mat> images = new LinkedHashMap<>();
        Map<String, Mat> masks = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Mat> e : sample.images().entrySet()) images.put(e.getKey(), image(e.getValue()));
            for (Map.Entry<String, Mat> e : sample.masks().entrySet()) masks.put(e.getKey(), mask(e.getValue()));
        } catch (RuntimeException e) {
            images.values().forEach(Mat::close);
            masks.values().forEach(Mat::close);
            throw e;
        }
        return sample.withImages(images).withMasks(masks).withMetadata(TensorLayout.KEY, layout());
    }

    /** float32, divided by 255 when uint8, then normalised per channel when asked. */
    private Mat image(Mat img) {
        int c = img.channels();
        float[] m = mean == null ? null : perChannel("mean", mean, c), s = std == null ? null : perChannel("std", std, c);
        if (!Mats.isFloat(img)) {
            float[][] tables = new float[m == null ? 1 : c][];
            for (int i = 0; i < tables.length; i++) tables[i] = unitTable(m == null ? 0f : m[i], s == null ? 1f : s[i]);
            return PixelKernels.lutFloat(img, tables);
        }
        if (m == null) return img.clone();
        try (MatVector planes = new MatVector()) {
            split(img, planes);
            for (int i = 0; i < c; i++) planes.get(i).convertTo(planes.get(i), CV_32F, 1.0 / s[i], -m[i] / s[i]);
            Mat out = new Mat();
            merge(planes, out);
            return out;
        }
    }

    /** A uint8 value table: {@code (float32(v / 255) − m) / s}, in float32 as torch computes it. */
    private static float[] unitTable(float m, float s) {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) t[v] = ((float) (v / 255.0) - m) / s;
        return t;
    }

    private Mat mask(Mat mask) {
        if (numClasses > 1 && !sigmoid) return classIndices(mask);
        if (!Mats.isFloat(mask)) return PixelKernels.lutFloat(mask, unitTable(0f, 1f));
        return mask.clone();
    }

    /** uint8 class indices: one channel, 1 above 127; several, the last channel above 0. */
    private Mat classIndices(Mat mask) {
        Check.that(mask.channels() <= 256, name(), "class indices of a mask with " + mask.channels() + " channels do not fit uint8 (at most 256 channels)");
        Mat out = Mats.zeros(mask.rows(), mask.cols(), CV_8U);
        try (MatVector planes = new MatVector()) {
            split(mask, planes);
            int c = (int) planes.size();
            for (int i = 0; i < c; i++) {
                try (MatExpr e = greaterThan(planes.get(i), c == 1 ? 127 : 0); Mat on = e.asMat(); Scalar s = new Scalar(c == 1 ? 1 : i); Mat v = new Mat(s)) {
                    out.setTo(v, on);
                }
            }
        }
        return out;
    }

    private float[] perChannel(String param, double[] v, int channels) {
        Check.that(v.length == 1 || v.length == channels, name(),
                "normalize " + param + " has " + v.length + " values but the image has " + channels + " channels: give one value or one per channel");
        float[] out = new float[channels];
        for (int i = 0; i < channels; i++) out[i] = (float) v[v.length == 1 ? 0 : i];
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_classes", numClasses);
        m.put("sigmoid", sigmoid);
        Map<String, Object> n = null;
        if (mean != null) {
            n = new LinkedHashMap<>();
            n.put("mean", Arrays.stream(mean).boxed().toList());
            n.put("std", Arrays.stream(std).boxed().toList());
        }
        m.put("normalize", n);
        return m;
    }
}
