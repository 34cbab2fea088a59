package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Pads the sides of the image by fixed pixel counts. Albumentations' {@code Pad}: {@code padding} 0 — one int for all
 * sides, {@code [x, y]} (left and right by x, top and bottom by y) or {@code [left, top, right, bottom]}; fill 0,
 * fill_mask 0, border_mode 0 (constant; 1 replicate, 2 reflect, 3 wrap, 4 reflect_101), p = 1. Targets: image, mask,
 * bboxes, keypoints (shifted).
 *
 * <p>Images and masks are padded with {@code copyMakeBorder}, as Albumentations does. With a reflecting border
 * Albumentations 2.x also adds mirrored copies of boxes and keypoints that fall into the reflected border; augment4j
 * only shifts the existing labels.
 */
public final class Pad extends SpatialTransform<Pads> {
    private final int left;
    private final int top;
    private final int right;
    private final int bottom;

    /**
     * @param left       {@code padding}: pixels added on the left, {@code >= 0}
     * @param top        pixels added on top, {@code >= 0}
     * @param right      pixels added on the right, {@code >= 0}
     * @param bottom     pixels added at the bottom, {@code >= 0}
     * @param resampling {@code border_mode}, {@code fill} and {@code fill_mask} (interpolation is unused)
     * @param p          probability of applying the transform, in [0, 1]
     */
    public Pad(int left, int top, int right, int bottom, Resampling resampling, double p) {
        super(p, resampling);
        this.left = Check.nonNegative(name(), "padding (left)", left);
        this.top = Check.nonNegative(name(), "padding (top)", top);
        this.right = Check.nonNegative(name(), "padding (right)", right);
        this.bottom = Check.nonNegative(name(), "padding (bottom)", bottom);
    }

    /** {@code padding} pixels on every side, constant zero border. */
    public Pad(int padding) {
        this(padding, padding, padding, padding, Resampling.defaults(), 1.0);
    }

    static Pad fromDict(Params r) {
        int[] s = sides(r.transform(), r.numbers("padding", new double[] {0}));
        Resampling res = Interpolation.border(r);
        return new Pad(s[0], s[1], s[2], s[3], res, r.p(1.0));
    }

    /** {@code padding} as {@code {left, top, right, bottom}}. */
    static int[] sides(String transform, double[] padding) {
        for (double v : padding) {
            Check.that(v == Math.rint(v), transform, "padding must be whole pixels, got " + java.util.Arrays.toString(padding));
        }
        return switch (padding.length) {
            case 1 -> new int[] {(int) padding[0], (int) padding[0], (int) padding[0], (int) padding[0]};
            case 2 -> new int[] {(int) padding[0], (int) padding[1], (int) padding[0], (int) padding[1]};
            case 4 -> new int[] {(int) padding[0], (int) padding[1], (int) padding[2], (int) padding[3]};
            default -> throw new IllegalArgumentException(transform + ": padding must be one number, [x, y] or [left, top, right, bottom], got "
                    + java.util.Arrays.toString(padding));
        };
    }

    @Override
    public Pads sampleParams(Sample s, RandomGenerator rng) {
        return new Pads(top, bottom, left, right);
    }

    @Override
    protected Geometry geometry(Sample s, Pads p) {
        return p.geometry(s.width(), s.height());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("padding", left == top && top == right && right == bottom ? (Object) left
                : left == right && top == bottom ? List.of(left, top) : List.of(left, top, right, bottom));
        m.put("fill", resampling.fill());
        m.put("fill_mask", resampling.fillMask());
        m.put("border_mode", resampling.borderMode());
        return m;
    }
}
