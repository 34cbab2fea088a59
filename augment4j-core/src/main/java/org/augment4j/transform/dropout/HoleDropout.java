package org.augment4j.transform.dropout;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;

/**
 * The shared half of the hole-cutting transforms (Albumentations' {@code BaseDropout}): a subclass samples holes, and
 * this fills them in every image with {@code fill}, in every mask with {@code fill_mask} (null: masks untouched), and
 * drops the labels they hide as {@link Holes} does. Targets: image, mask, bboxes, keypoints.
 */
public abstract class HoleDropout extends BasicTransform<HoleList> {
    /** What fills the holes in images. */
    protected final HoleFill fill;
    /** What fills the holes in masks, or null when masks are left untouched. */
    protected final Fill fillMask;

    /**
     * @param fill     {@code fill}: what fills the holes in images, required
     * @param fillMask {@code fill_mask}: what fills the holes in masks, or null to leave masks untouched
     * @param p        probability of applying the transform, in [0, 1]
     */
    protected HoleDropout(HoleFill fill, Fill fillMask, double p) {
        super(p);
        if (fill == null) throw new IllegalArgumentException(name() + ": fill is required (a number, numbers or a mode)");
        this.fill = fill;
        this.fillMask = fillMask;
    }

    /** The holes of one application, each {@code [x1, y1, x2, y2]}; they are clipped to the image, empty ones dropped. */
    protected abstract int[][] holes(Sample s, RandomGenerator rng);

    @Override
    public HoleList sampleParams(Sample s, RandomGenerator rng) {
        int[][] holes = Holes.clipped(holes(s, rng), s.width(), s.height());
        return new HoleList(holes, fill.random() ? rng.nextLong() : 0L);
    }

    @Override
    public Sample apply(Sample sample, HoleList params) {
        return Holes.apply(sample, params.holes(), fill, fillMask, params.seed());
    }

    /** Adds {@code fill} and {@code fill_mask} to the {@code to_dict} arguments. */
    protected void putFills(Map<String, Object> args) {
        args.put("fill", fill.toJson());
        args.put("fill_mask", fillMask);
    }
}
