package org.augment4j.transform.crop;

import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;

/** Reads the {@code interpolation} / {@code mask_interpolation} pair of the resizing crops (they have no border). */
final class Interpolation {
    private Interpolation() {}

    /** {@code interpolation} (default 1, linear) and {@code mask_interpolation} (default 0, nearest). */
    static Resampling read(Params r) {
        int interp = r.integer("interpolation", 1), maskInterp = r.integer("mask_interpolation", 0);
        try {
            return new Resampling(interp, maskInterp, 0, Fill.zero(), Fill.zero());
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
