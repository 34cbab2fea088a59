package org.augment4j.transform.crop;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.spatial.Crops;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Crops a {@code height × width} window around a labelled mask pixel: one non-zero pixel (values in
 * {@code ignore_values} and, for multi-channel masks, channels in {@code ignore_channels} do not count) is drawn
 * uniformly, the window is placed so that it holds the pixel at a random offset, then shifted inside the image. With
 * no labelled pixel, a plain random crop. The main mask is used, or when there is none every mask of the sample
 * together. Albumentations' {@code CropNonEmptyMaskIfExists}: height and width required, ignore_values and
 * ignore_channels none, p = 1. Targets: image, mask, bboxes, keypoints. A sample without a mask, or a window larger
 * than the image, is an error.
 */
public final class CropNonEmptyMaskIfExists extends SpatialTransform<CropBox> {
    private final int height;
    private final int width;
    private final int[] ignoreValues;
    private final int[] ignoreChannels;

    /** @param ignoreValues mask values that do not count (null: none); @param ignoreChannels mask channels that do not count (null: none) */
    public CropNonEmptyMaskIfExists(int height, int width, int[] ignoreValues, int[] ignoreChannels, double p) {
        super(p, Resampling.defaults());
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
        this.ignoreValues = ignoreValues == null ? null : ignoreValues.clone();
        this.ignoreChannels = ignoreChannels == null ? null : ignoreChannels.clone();
        if (ignoreChannels != null) for (int c : ignoreChannels) Check.nonNegative(name(), "ignore_channels", c);
    }

    /**
     * A {@code height × width} window in pixels with Albumentations' defaults: no ignored values or channels, p = 1.
     */
    public CropNonEmptyMaskIfExists(int height, int width) {
        this(height, width, null, null, 1.0);
    }

    static CropNonEmptyMaskIfExists fromDict(Params r) {
        int[] size = Crops.size(r);
        return new CropNonEmptyMaskIfExists(size[0], size[1], ints(r, "ignore_values"), ints(r, "ignore_channels"), r.p(1.0));
    }

    private static int[] ints(Params r, String name) {
        if (r.has(name) && !(r.raw(name) instanceof List)) throw r.error(name, "must be a list of integers, got " + r.raw(name));
        double[] d = r.numbers(name, null);
        if (d == null) return null;
        for (double v : d) if (v != Math.rint(v)) throw r.error(name, "must be a list of integers, got " + Arrays.toString(d));
        return Arrays.stream(d).mapToInt(v -> (int) v).toArray();
    }

    /** Reads the masks to choose its crop, so pending pixels are resampled first. */
    @Override
    protected boolean acceptsPendingPixels() {
        return false;
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        Collection<Mat> masks = s.mask() != null ? List.of(s.mask()) : s.masks().values();
        if (masks.isEmpty()) throw new IllegalArgumentException(name() + " needs a mask in the sample");
        Mat first = masks.iterator().next();
        int h = first.rows(), w = first.cols();
        Crops.requireFits(name(), h, w, height, width);
        Set<Integer> channels = ignoreChannels == null ? Set.of() : Arrays.stream(ignoreChannels).boxed().collect(Collectors.toSet());
        int x1, y1;
        try (Mat labelled = MaskPixels.labelled(masks, ignoreValues == null ? new int[0] : ignoreValues, channels)) {
            int n = labelled == null ? 0 : MaskPixels.count(labelled);
            if (n > 0) {
                int[] xy = MaskPixels.nth(labelled, rng.nextInt(n));
                x1 = clip(xy[0] - rng.nextInt(width), w - width);
                y1 = clip(xy[1] - rng.nextInt(height), h - height);
            } else {
                x1 = rng.nextInt(w - width + 1);
                y1 = rng.nextInt(h - height + 1);
            }
        }
        return new CropBox(x1, y1, x1 + width, y1 + height);
    }

    private static int clip(int v, int hi) {
        return Math.max(0, Math.min(hi, v));
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = Crops.sizeArgs(height, width);
        m.put("ignore_values", ignoreValues);
        m.put("ignore_channels", ignoreChannels);
        return m;
    }
}
