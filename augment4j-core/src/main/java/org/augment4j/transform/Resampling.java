package org.augment4j.transform;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

import org.augment4j.internal.Allowed;

/**
 * How a spatial transform samples pixels: OpenCV interpolation codes for images and masks, OpenCV border mode, and the
 * fill values for constant borders. The codes are the integers Albumentations writes to pipeline files
 * (interpolation 0 nearest, 1 linear, 2 cubic, 3 area, 4 lanczos4; border 0 constant, 1 replicate, 2 reflect, 3 wrap,
 * 4 reflect_101).
 */
public record Resampling(int interpolation, int maskInterpolation, int borderMode, Fill fill, Fill fillMask) {

    /** @throws IllegalArgumentException if a code is outside 0..4 or a fill is null */
    public Resampling {
        Allowed.INTERPOLATIONS.check(null, "interpolation", interpolation);
        Allowed.INTERPOLATIONS.check(null, "mask_interpolation", maskInterpolation);
        Allowed.BORDER_MODES.check(null, "border_mode", borderMode);
        if (fill == null || fillMask == null) throw new IllegalArgumentException("fill and fill_mask are required");
    }

    /** Linear images, nearest masks, constant zero border. */
    public static Resampling defaults() {
        return new Resampling(INTER_LINEAR, INTER_NEAREST, BORDER_CONSTANT, Fill.zero(), Fill.zero());
    }

    /** The given image interpolation and border mode, with nearest-neighbour masks and zero fills. */
    public static Resampling of(int interpolation, int borderMode) {
        return new Resampling(interpolation, INTER_NEAREST, borderMode, Fill.zero(), Fill.zero());
    }

    /** These settings with fill {@code f} for images and {@code fm} for masks. */
    public Resampling withFill(Fill f, Fill fm) {
        return new Resampling(interpolation, maskInterpolation, borderMode, f, fm);
    }

    /** Adds these settings to a transform's {@code to_dict} arguments, under Albumentations 2.x names. */
    public void putArgs(java.util.Map<String, Object> args) {
        args.put("interpolation", interpolation);
        args.put("mask_interpolation", maskInterpolation);
        args.put("border_mode", borderMode);
        args.put("fill", fill);
        args.put("fill_mask", fillMask);
    }

    /** These settings with both fills as Albumentations 1.3.1 hands them to OpenCV (see {@link Fill#firstChannelOnly()}). */
    public Resampling withFirstChannelFills() {
        return withFill(fill.firstChannelOnly(), fillMask.firstChannelOnly());
    }

    /** These settings with mask interpolation {@code mi} (an OpenCV code, 0..4). */
    public Resampling withMaskInterpolation(int mi) {
        return new Resampling(interpolation, mi, borderMode, fill, fillMask);
    }
}
