package org.augment4j.target;

/** Angle helpers. */
public final class Angles {
    private Angles() {}

    private static final double TWO_PI = 2 * Math.PI;

    /** The angle in radians brought into [0, 2π). */
    public static double normalize(double radians) {
        double a = radians % TWO_PI;
        if (a < 0) a += TWO_PI;
        return a >= TWO_PI ? 0 : a;
    }
}
