package org.augment4j.transform.crop;

import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;

/**
 * The padding options of Albumentations 2.x's Crop, CenterCrop and RandomCrop: {@code pad_if_needed} (default false:
 * a crop larger than the image is an error), {@code pad_position} ("center"), {@code border_mode} (0, constant),
 * {@code fill} and {@code fill_mask} (0). Albumentations 1.4 called the last three {@code pad_mode},
 * {@code pad_cval} and {@code pad_cval_mask}. The padding and the crop are one integer shift, so every border mode
 * gives exactly Albumentations' pad-then-crop pixels; with a reflecting border Albumentations 2.x also adds mirrored
 * copies of boxes and keypoints in the border, which augment4j does not.
 */
public record PadOptions(boolean padIfNeeded, PadPosition position, int borderMode, Fill fill, Fill fillMask) {

    /**
     * @throws IllegalArgumentException if {@code position} is null, {@code borderMode} is outside 0..4 or a fill is null
     */
    public PadOptions {
        if (position == null) throw new IllegalArgumentException("pad_position is required");
        new Resampling(1, 0, borderMode, fill, fillMask); // validates border_mode and fills
    }

    /** No padding: a crop larger than the image is an error. */
    public static PadOptions none() {
        return new PadOptions(false, PadPosition.CENTER, 0, Fill.zero(), Fill.zero());
    }

    /** Padding when needed, centred, with a constant zero border. */
    public static PadOptions ifNeeded() {
        return new PadOptions(true, PadPosition.CENTER, 0, Fill.zero(), Fill.zero());
    }

    /** Reads the options under their 2.x names (and 1.4's). */
    public static PadOptions read(Params r) {
        int border = r.has("border_mode") ? r.integer("border_mode", 0, Allowed.BORDER_MODES) : r.integer("pad_mode", 0, Allowed.BORDER_MODES);
        PadPosition position = PadPosition.of(r.transform(), "pad_position", r.string("pad_position", "center"));
        boolean pad = r.bool("pad_if_needed", false);
        Fill fill = r.fill(Fill.zero(), "fill", "pad_cval"), fillMask = r.fill(Fill.zero(), "fill_mask", "pad_cval_mask");
        try {
            return new PadOptions(pad, position, border, fill, fillMask);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.transform() + ": " + e.getMessage(), e);
        }
    }

    /** The border and fills as resampling settings (interpolation is unused: crops and pads never resample). */
    public Resampling resampling() {
        return new Resampling(1, 0, borderMode, fill, fillMask);
    }

    /** Adds the options to {@code to_dict} arguments under their 2.x names. */
    public void putArgs(Map<String, Object> args) {
        args.put("pad_if_needed", padIfNeeded);
        args.put("pad_position", position.id());
        args.put("border_mode", borderMode);
        args.put("fill", fill);
        args.put("fill_mask", fillMask);
    }
}
