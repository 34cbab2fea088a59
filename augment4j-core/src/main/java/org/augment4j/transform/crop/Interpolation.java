package org.augment4j.transform.crop;

import org.augment4j.internal.Allowed;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;

/** Reads the resampling settings of the crop, resize and pad transforms, naming the transform in errors. */
final class Interpolation {
    private Interpolation() {}

    /** {@code interpolation} (default 1, linear) and {@code mask_interpolation} (default 0, nearest). */
    static Resampling read(Params r) {
        int interp = r.integer("interpolation", 1, Allowed.INTERPOLATIONS), maskInterp = r.integer("mask_interpolation", 0, Allowed.INTERPOLATIONS);
        try {
            return new Resampling(interp, maskInterp, 0, Fill.zero(), Fill.zero());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.transform() + ": " + e.getMessage(), e);
        }
    }

    /** The border of the padding transforms: {@code border_mode} (0), {@code fill} (1.3: value), {@code fill_mask} (1.3: mask_value). */
    static Resampling border(Params r) {
        return border(r, 0);
    }

    /** As {@link #border(Params)}, with {@code defBorder} when the map leaves {@code border_mode} out. */
    static Resampling border(Params r, int defBorder) {
        int border = r.integer("border_mode", defBorder, Allowed.BORDER_MODES);
        Fill fill = r.fill(Fill.zero(), "fill", "value"), fillMask = r.fill(Fill.zero(), "fill_mask", "mask_value");
        try {
            return new Resampling(1, 0, border, fill, fillMask);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.transform() + ": " + e.getMessage(), e);
        }
    }

    /** Adds the pair to {@code to_dict} arguments. */
    static void putArgs(java.util.Map<String, Object> m, Resampling r) {
        m.put("interpolation", r.interpolation());
        m.put("mask_interpolation", r.maskInterpolation());
    }
}
