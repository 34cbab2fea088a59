package org.augment4j.transform.dropout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;

/**
 * Drops a regular grid of rectangles (GridMask, Chen et al. 2020). Albumentations' {@code GridDropout} (2.x names):
 * ratio 0.5 (hole side / grid unit side, in (0, 1]), unit_size_range none (else the square unit side in pixels is drawn
 * from {@code [min, max)}, max at most the image's shorter side), holes_number_xy none (else that many units across
 * and down; it wins over unit_size_range), default units {@code max(2, side // 10)}; random_offset true (each hole at a
 * random place inside its unit) else shift_xy (0, 0) pixels for all; fill 0 (or a {@link HoleFill} mode), fill_mask
 * none (masks untouched), p = 0.5. 1.3 names are read too (unit_size_min/max, holes_number_x/y, shift_x/y, fill_value,
 * mask_fill_value); a 1.x file that leaves random_offset out gets 1.3.1's default false. Targets: image, mask, bboxes, keypoints (the labels under holes go, as in {@link CoarseDropout}).
 */
public final class GridDropout extends HoleDropout {
    private final double ratio;
    private final Range unitSizeRange;
    private final int[] holesNumberXy;
    private final int[] shiftXy;
    private final boolean randomOffset;

    /** {@code unit_size_range}: a unit side in pixels. */
    private static final Allowed UNIT_SIZES = Allowed.between(2, 100_000);

    /**
     * @param unitSizeRange null, or the range of the unit side in pixels (both at least 2)
     * @param holesNumberXy null, or {@code {units across, units down}}
     * @param shiftXy       {@code {x, y}} offset of the holes in their units when {@code randomOffset} is false
     */
    public GridDropout(double ratio, Range unitSizeRange, int[] holesNumberXy, int[] shiftXy, boolean randomOffset,
                       HoleFill fill, Fill fillMask, double p) {
        super(fill, fillMask, p);
        Allowed.interval(0, true, 1, false).check(name(), "ratio", ratio);
        this.ratio = ratio;
        this.unitSizeRange = UNIT_SIZES.checkRangeOrNull(name(), "unit_size_range", unitSizeRange);
        Check.that(holesNumberXy == null || holesNumberXy.length == 2 && holesNumberXy[0] >= 1 && holesNumberXy[1] >= 1,
                name(), "holes_number_xy must be two numbers >= 1, got " + java.util.Arrays.toString(holesNumberXy));
        Check.that(shiftXy != null && shiftXy.length == 2 && shiftXy[0] >= 0 && shiftXy[1] >= 0,
                name(), "shift_xy must be two numbers >= 0, got " + java.util.Arrays.toString(shiftXy));
        this.holesNumberXy = holesNumberXy == null ? null : holesNumberXy.clone();
        this.shiftXy = shiftXy.clone();
        this.randomOffset = randomOffset;
    }

    /** Albumentations 2.x defaults. */
    public GridDropout() {
        this(0.5, null, null, new int[] {0, 0}, true, HoleFill.zero(), null, 0.5);
    }

    static GridDropout fromDict(Params r) {
        Range unit = r.range("unit_size_range", null, Params.Scalar.FIXED);
        r.ignore("unit_size_min", "unit_size_max");
        if (unit == null && r.has("unit_size_min") && r.has("unit_size_max")) unit = Range.of(r.integer("unit_size_min", 2), r.integer("unit_size_max", 2));
        int[] holes = pair(r, "holes_number_xy", "holes_number_x", "holes_number_y");
        int[] shift = pair(r, "shift_xy", "shift_x", "shift_y");
        return new GridDropout(r.dbl("ratio", 0.5), unit, holes, shift == null ? new int[] {0, 0} : shift, r.bool("random_offset", r.byRelease(false, true)),
                HoleFill.read(r, HoleFill.zero(), "fill", "fill_value"), r.fill(null, "fill_mask", "mask_fill_value"), r.p(0.5));
    }

    private static int[] pair(Params r, String name, String x, String y) {
        double[] v = r.numbers(name, null);
        if (v != null) {
            if (v.length != 2) throw r.error(name, "must be a pair [x, y], got " + java.util.Arrays.toString(v));
            return new int[] {(int) v[0], (int) v[1]};
        }
        r.ignore(x, y);
        return r.has(x) && r.has(y) ? new int[] {r.integer(x, 0), r.integer(y, 0)} : null;
    }

    @Override
    protected int[][] holes(Sample s, RandomGenerator rng) {
        int h = s.height(), w = s.width();
        int rows, cols;
        if (holesNumberXy != null) {
            cols = holesNumberXy[0];
            rows = holesNumberXy[1];
        } else if (unitSizeRange != null) {
            Check.that(unitSizeRange.max() <= Math.min(h, w), name(), "unit_size_range " + unitSizeRange
                    + " must lie within the image's shorter side " + Math.min(h, w));
            int lo = (int) unitSizeRange.min(), hi = (int) unitSizeRange.max();
            int unit = hi > lo ? lo + rng.nextInt(hi - lo) : lo;
            rows = h / unit;
            cols = w / unit;
        } else {
            rows = h / Math.max(2, h / 10);
            cols = w / Math.max(2, w / 10);
        }
        return GridHoles.holes(h, w, Math.max(1, rows), Math.max(1, cols), ratio, randomOffset, shiftXy, rng);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratio", ratio);
        m.put("unit_size_range", unitSizeRange);
        m.put("holes_number_xy", holesNumberXy);
        m.put("shift_xy", shiftXy);
        m.put("random_offset", randomOffset);
        putFills(m);
        return m;
    }
}
