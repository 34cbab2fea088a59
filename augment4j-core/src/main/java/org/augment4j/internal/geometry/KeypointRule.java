package org.augment4j.internal.geometry;

/**
 * How a spatial transform changes a keypoint's angle and scale: {@code angle' = sign·angle + offset} (radians) and
 * {@code scale' = scale·scaleFactor}. Albumentations defines these per transform (a horizontal flip gives π − a,
 * Rotate(θ) gives a + θ), so they are data of the geometry rather than derived from the pixel map.
 */
public record KeypointRule(int angleSign, double angleOffset, double scaleFactor) {
    private static final KeypointRule IDENTITY = new KeypointRule(1, 0, 1);

    /** The rule that leaves angle and scale unchanged. */
    public static KeypointRule identity() {
        return IDENTITY;
    }

    /** Adds {@code radians} to the angle and multiplies the scale by {@code scale}. */
    public static KeypointRule rotate(double radians, double scale) {
        return new KeypointRule(1, radians, scale);
    }

    /** Mirrors the angle: {@code offset − angle}. */
    public static KeypointRule mirror(double offset) {
        return new KeypointRule(-1, offset, 1);
    }

    /** The changed angle {@code sign·a + offset}, for an angle {@code a} in radians. */
    public double angle(double a) {
        return angleSign * a + angleOffset;
    }

    /** The rule that undoes this one: {@code a = sign·(a' − offset)}, {@code scale = scale' / scaleFactor}. */
    public KeypointRule inverse() {
        return new KeypointRule(angleSign, -angleSign * angleOffset, 1 / scaleFactor);
    }

    /** This rule, then {@code next}. */
    public KeypointRule then(KeypointRule next) {
        return new KeypointRule(angleSign * next.angleSign, next.angleSign * angleOffset + next.angleOffset, scaleFactor * next.scaleFactor);
    }
}
