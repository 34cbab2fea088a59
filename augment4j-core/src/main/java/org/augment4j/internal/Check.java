package org.augment4j.internal;

import org.augment4j.transform.Range;

/**
 * Constructor validation that names the transform, the parameter, the value and what is allowed. The declarative checks
 * ({@link #probability}, {@link #between}, {@link #positive}, {@link #nonNegative}, {@link #range}, and every
 * {@link Allowed#check}) also record what they allow while a description runs (see {@link Allowed}); {@link #that}
 * and {@link #finite} record nothing.
 */
public final class Check {
    private Check() {}

    /**
     * A probability in [0, 1]: {@code p} of {@code transform}.
     *
     * @return {@code p}
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
     */
    public static double probability(String transform, double p) {
        Allowed.record(transform, "p", Allowed.PROBABILITY);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(transform + ": p must be in [0, 1], got " + p);
        return p;
    }

    /** A value in [lo, hi]. */
    public static double between(String transform, String param, double v, double lo, double hi) {
        Allowed.record(transform, param, Allowed.between(lo, hi));
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(transform + ": " + param + " must be in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    /**
     * A strictly positive integer: {@code param} of {@code transform}.
     *
     * @return {@code v}
     * @throws IllegalArgumentException if {@code v <= 0}
     */
    public static int positive(String transform, String param, int v) {
        Allowed.record(transform, param, Allowed.atLeast(1));
        if (v <= 0) throw new IllegalArgumentException(transform + ": " + param + " must be > 0, got " + v);
        return v;
    }

    /**
     * A non-negative integer: {@code param} of {@code transform}.
     *
     * @return {@code v}
     * @throws IllegalArgumentException if {@code v < 0}
     */
    public static int nonNegative(String transform, String param, int v) {
        Allowed.record(transform, param, Allowed.atLeast(0));
        if (v < 0) throw new IllegalArgumentException(transform + ": " + param + " must be >= 0, got " + v);
        return v;
    }

    /** A range whose bounds lie in [lo, hi] with min &lt;= max. */
    public static Range range(String transform, String param, Range r, double lo, double hi) {
        Allowed.record(transform, param, Allowed.between(lo, hi));
        if (!(r.min() >= lo && r.max() <= hi && r.min() <= r.max())) {
            throw new IllegalArgumentException(transform + ": " + param + " must be a range (min <= max) within [" + lo + ", " + hi + "], got " + r);
        }
        return r;
    }

    /** A range of finite numbers, in either order (Albumentations draws {@code uniform(a, b)} for a > b too). */
    public static Range finite(String transform, String param, Range r) {
        if (!(Double.isFinite(r.min()) && Double.isFinite(r.max()))) {
            throw new IllegalArgumentException(transform + ": " + param + " must be finite numbers, got " + r);
        }
        return r;
    }

    /** A fail-fast condition with a full message. */
    public static void that(boolean ok, String transform, String message) {
        if (!ok) throw new IllegalArgumentException(transform + ": " + message);
    }
}
