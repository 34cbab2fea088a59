package org.augment4j.target;

import java.util.Arrays;
import java.util.Locale;

/**
 * The six keypoint formats of Albumentations: which of x, y, angle (a) and scale (s) a keypoint lists, in which order.
 * Internally every keypoint is {@code [x, y, angle_radians, scale]} in pixels.
 */
public enum KeypointFormat {
    /** {@code [x, y]}. */
    XY("xy"),
    /** {@code [y, x]}. */
    YX("yx"),
    /** {@code [x, y, angle]}. */
    XYA("xya"),
    /** {@code [x, y, scale]}. */
    XYS("xys"),
    /** {@code [x, y, angle, scale]}. */
    XYAS("xyas"),
    /** {@code [x, y, scale, angle]}. */
    XYSA("xysa");

    private final String id;

    KeypointFormat(String id) {
        this.id = id;
    }

    /** The name used in pipeline files, such as {@code xyas}. */
    public String id() {
        return id;
    }

    /** How many values a keypoint has in this format. */
    public int size() {
        return id.length();
    }

    /** Parses a format name; an unknown name is an error listing the allowed ones. */
    public static KeypointFormat of(String name) {
        for (KeypointFormat f : values()) {
            if (f.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) return f;
        }
        throw new IllegalArgumentException("unknown keypoint format '" + name + "': allowed are "
                + Arrays.stream(values()).map(KeypointFormat::id).toList());
    }

    /**
     * Converts a keypoint to internal {@code [x, y, angle_radians, scale]}. A missing angle is 0, a missing scale is 0
     * (as Albumentations 1.3).
     */
    public double[] toInternal(double[] k, boolean angleInDegrees) {
        if (k.length < size()) {
            throw new IllegalArgumentException("a keypoint in format '" + id + "' needs " + size() + " values, got " + Arrays.toString(k));
        }
        double x = 0, y = 0, a = 0, s = 0;
        for (int i = 0; i < size(); i++) {
            switch (id.charAt(i)) {
                case 'x' -> x = k[i];
                case 'y' -> y = k[i];
                case 'a' -> a = angleInDegrees ? Math.toRadians(k[i]) : k[i];
                default -> s = k[i];
            }
        }
        return new double[] {x, y, Angles.normalize(a), s};
    }

    /** Converts an internal keypoint back to this format, the angle in [0, 360) degrees or [0, 2π) radians. */
    public double[] fromInternal(double[] k, boolean angleInDegrees) {
        double[] out = new double[size()];
        double a = Angles.normalize(k[2]);
        for (int i = 0; i < size(); i++) {
            out[i] = switch (id.charAt(i)) {
                case 'x' -> k[0];
                case 'y' -> k[1];
                case 'a' -> angleInDegrees ? Math.toDegrees(a) : a;
                default -> k[3];
            };
        }
        return out;
    }
}
