package org.augment4j.transform;

import java.util.Arrays;
import java.util.List;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A fill value for pixels that a transform creates (borders, holes): one number for every channel, or one per channel.
 * Albumentations' {@code fill} / {@code fill_mask} (1.3: {@code value}, {@code cval}, {@code mask_value}).
 */
public record Fill(double[] values) {
    private static final Fill ZERO = new Fill(new double[] {0});

    /**
     * Copies {@code values}.
     *
     * @throws IllegalArgumentException unless there are 1 to 4 values
     */
    public Fill {
        if (values.length == 0 || values.length > 4) throw new IllegalArgumentException("fill needs 1 to 4 values, got " + Arrays.toString(values));
        values = values.clone();
    }

    /** A fill of one value for every channel, or one value per channel (up to 4). */
    public static Fill of(double... values) {
        return new Fill(values);
    }

    /** The fill 0 in every channel: Albumentations' default. */
    public static Fill zero() {
        return ZERO;
    }

    /**
     * This fill as Albumentations 1.3.1 hands a number to OpenCV: {@code Scalar(v)} is {@code v} in the first channel
     * and 0 in the others, so a one-number fill colours only the first channel of a multi-channel image. Per-channel
     * fills are unchanged.
     */
    public Fill firstChannelOnly() {
        return values.length == 1 && values[0] != 0 ? new Fill(new double[] {values[0], 0, 0, 0}) : this;
    }

    /** An OpenCV scalar for this fill. */
    public Scalar scalar() {
        return Mats.scalar(values);
    }

    /** One number, or a list for per-channel values. */
    public Object toJson() {
        if (values.length == 1) return values[0] == Math.rint(values[0]) ? (Object) (long) values[0] : (Object) values[0];
        return Arrays.stream(values).boxed().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fill f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length == 1 ? String.valueOf(values[0]) : List.of(Arrays.stream(values).boxed().toArray()).toString();
    }
}
