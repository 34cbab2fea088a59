package org.augment4j.transform.dropout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;

/**
 * Random erasing (Zhong et al. 2017): erases one rectangle whose area is a fraction {@code scale} of the image and
 * whose aspect ratio (width / height) lies in {@code ratio}. Albumentations' {@code Erasing} (2.x): scale (0.02, 0.33),
 * ratio (0.3, 3.3), fill 0 (or a {@link HoleFill} mode such as {@code "random"} or {@code "random_uniform"}),
 * fill_mask none (masks untouched), p = 0.5. The area is drawn in {@code [scale_min, scale_max] × H × W} limited to
 * what the ratio range allows inside the image, then the ratio within the range that area allows; when no rectangle
 * fits, nothing is erased. Targets: image, mask, bboxes and keypoints (the labels under the rectangle go, as in
 * {@link CoarseDropout}).
 */
public final class Erasing extends HoleDropout {
    private final Range scale;
    private final Range ratio;

    /**
     * @param scale    {@code scale}: range of the erased area as a fraction of the image's, within [0, 1]
     * @param ratio    {@code ratio}: range of the rectangle's aspect ratio (width / height), within [1e-9, 1e9]
     * @param fill     {@code fill}: what fills the rectangle in images
     * @param fillMask {@code fill_mask}: what fills it in masks, or null to leave masks untouched
     * @param p        probability of applying the transform, in [0, 1]
     */
    public Erasing(Range scale, Range ratio, HoleFill fill, Fill fillMask, double p) {
        super(fill, fillMask, p);
        this.scale = Check.range(name(), "scale", scale, 0, 1);
        this.ratio = Check.range(name(), "ratio", ratio, 1e-9, 1e9);
    }

    /** Albumentations 2.x defaults. */
    public Erasing() {
        this(Range.of(0.02, 0.33), Range.of(0.3, 3.3), HoleFill.zero(), null, 0.5);
    }

    static Erasing fromDict(Params r) {
        return new Erasing(r.range("scale", Range.of(0.02, 0.33), Params.Scalar.FIXED), r.range("ratio", Range.of(0.3, 3.3), Params.Scalar.FIXED),
                HoleFill.read(r, HoleFill.zero(), "fill", "fill_value"), r.fill(null, "fill_mask", "mask_fill_value"), r.p(0.5));
    }

    @Override
    protected int[][] holes(Sample s, RandomGenerator rng) {
        int h = s.height(), w = s.width();
        double total = (double) h * w;
        double minArea = total * scale.min(), maxArea = total * scale.max();
        // h = sqrt(A / r) <= H and w = sqrt(A * r) <= W, so A <= min(r * H^2, W^2 / r) over the ratio range.
        double maxByH = Math.min(ratio.min() * h * h, ratio.max() * h * h);
        double maxByW = Math.min((double) w * w / ratio.min(), (double) w * w / ratio.max());
        double maxValid = Math.min(maxArea, Math.min(maxByH, maxByW));
        if (maxValid < minArea) return new int[0][];
        double area = Range.of(minArea, maxValid).uniform(rng);
        double maxR = Math.min(ratio.max(), (double) w * w / area);
        double minR = Math.max(ratio.min(), area / ((double) h * h));
        if (minR > maxR) return new int[0][];
        double r = Range.of(minR, maxR).uniform(rng);
        int eh = Math.min(h, (int) Math.rint(Math.sqrt(area / r)));
        int ew = Math.min(w, (int) Math.rint(Math.sqrt(area * r)));
        int top = rng.nextInt(h - eh + 1), left = rng.nextInt(w - ew + 1);
        return new int[][] {{left, top, left + ew, top + eh}};
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("ratio", ratio);
        putFills(m);
        return m;
    }
}
