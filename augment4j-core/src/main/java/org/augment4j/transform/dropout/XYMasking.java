package org.augment4j.transform.dropout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;

/**
 * SpecAugment-style stripes: {@code num_masks_x} full-height stripes of width {@code mask_x_length} (time masking) and
 * {@code num_masks_y} full-width stripes of height {@code mask_y_length} (frequency masking), each at a random place.
 * Albumentations' {@code XYMasking} (2.x): num_masks_x, num_masks_y, mask_x_length, mask_y_length all 0 — a number is
 * that fixed value, a {@code [min, max]} pair a range drawn per application (counts) or per stripe (lengths), in
 * pixels; a count above 0 needs a positive length; with the defaults nothing is cut —, fill 0 (or a {@link HoleFill} mode), fill_mask none (masks
 * untouched), p = 0.5 (1.4 names fill_value, mask_fill_value are read too). A length larger than the image side is an
 * error when applied. Targets: image, mask, bboxes, keypoints (the labels under stripes go, as in {@link CoarseDropout}).
 */
public final class XYMasking extends HoleDropout {
    private final Range numMasksX;
    private final Range numMasksY;
    private final Range maskXLength;
    private final Range maskYLength;

    /**
     * @param numMasksX   {@code num_masks_x}: range of the number of full-height stripes, within [0, 100000]
     * @param numMasksY   {@code num_masks_y}: range of the number of full-width stripes, within [0, 100000]
     * @param maskXLength {@code mask_x_length}: range of the vertical stripes' width in pixels; positive when stripes are cut
     * @param maskYLength {@code mask_y_length}: range of the horizontal stripes' height in pixels; positive when stripes are cut
     * @param fill        {@code fill}: what fills the stripes in images
     * @param fillMask    {@code fill_mask}: what fills them in masks, or null to leave masks untouched
     * @param p           probability of applying the transform, in [0, 1]
     */
    public XYMasking(Range numMasksX, Range numMasksY, Range maskXLength, Range maskYLength, HoleFill fill, Fill fillMask, double p) {
        super(fill, fillMask, p);
        this.numMasksX = Check.range(name(), "num_masks_x", numMasksX, 0, 100_000);
        this.numMasksY = Check.range(name(), "num_masks_y", numMasksY, 0, 100_000);
        this.maskXLength = Check.range(name(), "mask_x_length", maskXLength, 0, 1_000_000);
        this.maskYLength = Check.range(name(), "mask_y_length", maskYLength, 0, 1_000_000);
        Check.that(numMasksX.max() == 0 || maskXLength.max() > 0, name(), "num_masks_x " + numMasksX + " asks for stripes but mask_x_length is " + maskXLength);
        Check.that(numMasksY.max() == 0 || maskYLength.max() > 0, name(), "num_masks_y " + numMasksY + " asks for stripes but mask_y_length is " + maskYLength);
    }

    static XYMasking fromDict(Params r) {
        Range zero = Range.fixed(0);
        return new XYMasking(r.range("num_masks_x", zero, Params.Scalar.FIXED), r.range("num_masks_y", zero, Params.Scalar.FIXED),
                r.range("mask_x_length", zero, Params.Scalar.FIXED), r.range("mask_y_length", zero, Params.Scalar.FIXED),
                HoleFill.read(r, HoleFill.zero(), "fill", "fill_value"), r.fill(null, "fill_mask", "mask_fill_value"), r.p(0.5));
    }

    @Override
    protected int[][] holes(Sample s, RandomGenerator rng) {
        int h = s.height(), w = s.width();
        Check.that(maskXLength.max() <= w, name(), "mask_x_length " + maskXLength + " exceeds the image width " + w);
        Check.that(maskYLength.max() <= h, name(), "mask_y_length " + maskYLength + " exceeds the image height " + h);
        List<int[]> holes = new ArrayList<>();
        if (maskXLength.max() > 0) {
            for (int i = 0, n = numMasksX.randint(rng); i < n; i++) {
                int len = maskXLength.randint(rng);
                int x = rng.nextInt(w - len + 1);
                holes.add(new int[] {x, 0, x + len, h});
            }
        }
        if (maskYLength.max() > 0) {
            for (int i = 0, n = numMasksY.randint(rng); i < n; i++) {
                int len = maskYLength.randint(rng);
                int y = rng.nextInt(h - len + 1);
                holes.add(new int[] {0, y, w, y + len});
            }
        }
        return holes.toArray(int[][]::new);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_masks_x", numMasksX);
        m.put("num_masks_y", numMasksY);
        m.put("mask_x_length", maskXLength);
        m.put("mask_y_length", maskYLength);
        putFills(m);
        return m;
    }
}
