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
    protected final HoleFill fill;
    protected final Fill fillMask;

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
