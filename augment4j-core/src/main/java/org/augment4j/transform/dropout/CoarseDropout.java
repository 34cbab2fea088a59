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
 * Cuts rectangular holes: Albumentations' {@code CoarseDropout} (2.x names): num_holes_range (1, 2),
 * hole_height_range and hole_width_range (0.1, 0.2) — fractions of the image size when below 1, pixels otherwise —,
 * fill 0 (or {@code "random"}, {@code "random_uniform"}, {@code "inpaint_telea"}, {@code "inpaint_ns"}: see
 * {@link HoleFill}), fill_mask none (masks untouched), p = 0.5. 1.3 names (max_holes, max_height, max_width, min_holes,
 * min_height, min_width, fill_value, mask_fill_value) are read too; a 1.x file that gives neither name of a range gets
 * 1.3.1's default: max_holes, max_height, max_width 8 (pixels), each min_* equal to its max_*. Targets: image, mask (when fill_mask is set),
 * keypoints (those in a hole are dropped), bboxes (dropped when nothing, or less than min_area / min_visibility, is
 * left visible).
 */
public class CoarseDropout extends HoleDropout {
    private final Range numHoles;
    private final Range holeHeight;
    private final Range holeWidth;

    /**
     * @param numHoles   {@code num_holes_range}: range of the number of holes, within [0, 100000]
     * @param holeHeight {@code hole_height_range}: range of hole heights, fractions of the image height when below 1, else
     *                   pixels; {@code > 0}
     * @param holeWidth  {@code hole_width_range}: range of hole widths, as {@code holeHeight}
     * @param fill       {@code fill}: what fills the holes in images
     * @param fillMask   {@code fill_mask}: what fills the holes in masks, or null to leave masks untouched
     * @param p          probability of applying the transform, in [0, 1]
     */
    public CoarseDropout(Range numHoles, Range holeHeight, Range holeWidth, HoleFill fill, Fill fillMask, double p) {
        super(fill, fillMask, p);
        this.numHoles = Check.range(name(), "num_holes_range", numHoles, 0, 100_000);
        this.holeHeight = Check.range(name(), "hole_height_range", holeHeight, 1e-9, 100_000);
        this.holeWidth = Check.range(name(), "hole_width_range", holeWidth, 1e-9, 100_000);
    }

    /**
     * As the {@link HoleFill} constructor, with a constant image fill.
     *
     * @param numHoles   {@code num_holes_range}: range of the number of holes, within [0, 100000]
     * @param holeHeight {@code hole_height_range}: range of hole heights, fractions of the image height when below 1, else pixels
     * @param holeWidth  {@code hole_width_range}: range of hole widths, as {@code holeHeight}
     * @param fill       {@code fill}: the constant that fills the holes in images
     * @param fillMask   {@code fill_mask}: what fills the holes in masks, or null to leave masks untouched
     * @param p          probability of applying the transform, in [0, 1]
     */
    public CoarseDropout(Range numHoles, Range holeHeight, Range holeWidth, Fill fill, Fill fillMask, double p) {
        this(numHoles, holeHeight, holeWidth, HoleFill.of(fill), fillMask, p);
    }

    /** Albumentations 2.x defaults. */
    public CoarseDropout() {
        this(Range.of(1, 2), Range.of(0.1, 0.2), Range.of(0.1, 0.2), Fill.zero(), null, 0.5);
    }

    static CoarseDropout fromDict(Params r) {
        Range holes = r.range("num_holes_range", null, Params.Scalar.FIXED);
        Range hh = r.range("hole_height_range", null, Params.Scalar.FIXED);
        Range hw = r.range("hole_width_range", null, Params.Scalar.FIXED);
        boolean v13 = r.byRelease(true, false); // 1.3.1's defaults: max_holes = max_height = max_width = 8 (pixels)
        if (holes == null && (r.has("max_holes") || v13)) {
            int max = r.integer("max_holes", 8);
            holes = Range.of(r.integer("min_holes", max), max);
        }
        if (hh == null && (r.has("max_height") || v13)) {
            double max = r.dbl("max_height", 8);
            hh = Range.of(r.dbl("min_height", max), max);
        }
        if (hw == null && (r.has("max_width") || v13)) {
            double max = r.dbl("max_width", 8);
            hw = Range.of(r.dbl("min_width", max), max);
        }
        r.ignore("min_holes", "min_height", "min_width");
        return new CoarseDropout(holes == null ? Range.of(1, 2) : holes, hh == null ? Range.of(0.1, 0.2) : hh,
                hw == null ? Range.of(0.1, 0.2) : hw, HoleFill.read(r, HoleFill.zero(), "fill", "fill_value"), r.fill(null, "fill_mask", "mask_fill_value"), r.p(0.5));
    }

    @Override
    protected int[][] holes(Sample s, RandomGenerator rng) {
        int n = numHoles.randint(rng);
        int[][] holes = new int[n][];
        for (int i = 0; i < n; i++) {
            int hh = Math.min(s.height(), size(holeHeight, s.height(), rng));
            int hw = Math.min(s.width(), size(holeWidth, s.width(), rng));
            int y1 = rng.nextInt(s.height() - hh + 1);
            int x1 = rng.nextInt(s.width() - hw + 1);
            holes[i] = new int[] {x1, y1, x1 + hw, y1 + hh};
        }
        return holes;
    }

    /** A hole side: pixels for a range of whole numbers >= 1, otherwise a fraction of the image side. */
    private static int size(Range r, int side, RandomGenerator rng) {
        boolean pixels = r.min() >= 1 && r.min() == Math.rint(r.min()) && r.max() == Math.rint(r.max());
        int v = pixels ? r.randint(rng) : (int) (r.uniform(rng) * side);
        return Math.max(1, v);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_holes_range", numHoles);
        m.put("hole_height_range", holeHeight);
        m.put("hole_width_range", holeWidth);
        putFills(m);
        return m;
    }
}
