package org.augment4j.transform.crop;

import java.util.Locale;

/**
 * Where the image sits on the padded canvas: Albumentations' {@code position} (PadIfNeeded) and {@code pad_position}
 * (Crop, CenterCrop, RandomCrop). {@code center} splits the padding evenly (the odd pixel after), {@code top_left} puts
 * all of it after the image (bottom and right), {@code random} splits it at a uniformly drawn point.
 */
public enum PadPosition {
    CENTER, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, RANDOM;

    /** Parses Albumentations' name ({@code "center"}, {@code "top_left"}, ...). */
    public static PadPosition of(String transform, String param, String name) {
        for (PadPosition p : values()) if (p.id().equals(name)) return p;
        throw new IllegalArgumentException(transform + ": " + param + " must be one of center, top_left, top_right, bottom_left, "
                + "bottom_right, random, got '" + name + "'");
    }

    /** The name written to pipeline files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
