package org.augment4j.transform.distortion;

import java.util.Locale;
import org.augment4j.internal.Allowed;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;

/** Reading conventions shared by the distortions' {@code fromDict}. */
final class DistortionParams {
    private DistortionParams() {}

    /**
     * Accepts 2.x's {@code keypoint_remapping_method} ("mask" or "direct") and otherwise ignores it: keypoints here
     * always follow the exact inverse of the map (Newton's method), the more accurate of Albumentations' two ways.
     */
    static void keypointRemapping(Params r) {
        r.string("keypoint_remapping_method", "mask", Allowed.oneOf("mask", "direct"));
    }

    /**
     * The resampling settings: interpolation, mask_interpolation, border_mode, fill (1.3: value, cval) and fill_mask
     * (1.3: mask_value, cval_mask). Unlike {@link Params#resampling} it never reads {@code mode} as the border (in
     * OpticalDistortion {@code mode} is the lens model); with {@code skimageMode}, 1.3's scikit-image mode strings
     * (PiecewiseAffine) are the border when border_mode is absent: constant 0, edge 1 (replicate), symmetric 2
     * (reflect), wrap 3, reflect 4 (reflect_101).
     */
    static Resampling resampling(Params r, int defInterpolation, int defBorder, boolean skimageMode) {
        int border = r.integer("border_mode", defBorder, Allowed.BORDER_MODES);
        if (skimageMode && !r.has("border_mode") && r.has("mode")) {
            String mode = Allowed.oneOf("constant", "edge", "symmetric", "wrap", "reflect")
                    .check(r.transform(), "mode", r.string("mode", "constant").toLowerCase(Locale.ROOT));
            border = switch (mode) {
                case "constant" -> 0;
                case "edge" -> 1;
                case "symmetric" -> 2;
                case "wrap" -> 3;
                case "reflect" -> 4;
                default -> throw r.error("mode", "must be one of constant, edge, symmetric, reflect, wrap, got '" + mode + "'");
            };
        }
        int interpolation = r.integer("interpolation", defInterpolation, Allowed.INTERPOLATIONS), maskInterpolation = r.integer("mask_interpolation", 0, Allowed.INTERPOLATIONS);
        Fill fill = r.fill(Fill.zero(), "fill", "value", "cval"), fillMask = r.fill(Fill.zero(), "fill_mask", "mask_value", "cval_mask");
        int borderMode = border;
        return named(r.transform(), () -> new Resampling(interpolation, maskInterpolation, borderMode, fill, fillMask));
    }

    /** Builds resampling settings, naming the transform in a validation error. */
    static Resampling named(String transform, java.util.function.Supplier<Resampling> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(transform + ": " + e.getMessage(), e);
        }
    }
}
