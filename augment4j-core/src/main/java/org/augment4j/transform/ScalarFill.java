package org.augment4j.transform;

import org.augment4j.Semantics;

/**
 * How a one-number fill colours a multi-channel image, by release. Albumentations 1.3.1 hands the number to OpenCV
 * as it is, and OpenCV reads it as {@code Scalar(v, 0, 0, 0)}: only the first channel gets {@code v} (an RGB border
 * filled with 7 is (7, 0, 0)). 2.x fills every channel. Per-channel fills mean the same in both.
 */
public enum ScalarFill {
    /** Albumentations 2.x: a number fills every channel. */
    EVERY_CHANNEL,
    /** Albumentations 1.3.1: a number fills the first channel, the others get 0. */
    FIRST_CHANNEL;

    /**
     * The fill behaviour of the given release semantics: {@link #FIRST_CHANNEL} for 1.3.1, {@link #EVERY_CHANNEL} otherwise.
     */
    public static ScalarFill of(Semantics semantics) {
        return semantics == Semantics.ALBUMENTATIONS_1_3 ? FIRST_CHANNEL : EVERY_CHANNEL;
    }

    /** The settings a warp or pad uses for the {@code declared} ones (image and mask fills alike). */
    public Resampling apply(Resampling declared) {
        return this == FIRST_CHANNEL ? declared.withFirstChannelFills() : declared;
    }
}
