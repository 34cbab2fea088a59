package org.augment4j.transform.crop;

import java.util.Locale;
import org.augment4j.internal.Allowed;

/**
 * Where the image sits on the padded canvas: Albumentations' {@code position} (PadIfNeeded) and {@code pad_position}
 * (Crop, CenterCrop, RandomCrop). {@code center} splits the padding evenly (the odd pixel after), {@code top_left} puts
 * all of it after the image (bottom and right), {@code random} splits it at a uniformly drawn point.
 */
public enum PadPosition {
    /** Padding split evenly before and after the image (the odd pixel after). */
    CENTER,
    /** Image at the top left: all padding below and to the right. */
    TOP_LEFT,
    /** Image at the top right: all padding below and to the left. */
    TOP_RIGHT,
    /** Image at the bottom left: all padding above and to the right. */
    BOTTOM_LEFT,
    /** Image at the bottom right: all padding above and to the left. */
    BOTTOM_RIGHT,
    /** Padding split at a uniformly drawn point, vertically and horizontally. */
    RANDOM;

    /** Parses Albumentations' name ({@code "center"}, {@code "top_left"}, ...). */
    public static PadPosition of(String transform, String param, String name) {
        return valueOf(IDS.check(transform, param, name).toUpperCase(Locale.ROOT));
    }

    /** The names allowed, as {@link #id()} writes them. */
    private static final Allowed IDS = Allowed.oneOf(java.util.Arrays.stream(values()).map(PadPosition::id).toList());

    /** The name written to pipeline files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
