package org.augment4j.transform;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A closed numeric range {@code [min, max]} from which a parameter is sampled, Albumentations' 2-tuple. Written to
 * pipeline files as {@code [min, max]}.
 */
public record Range(double min, double max) {

    /** @throws IllegalArgumentException if a bound is NaN (bounds in either order are allowed) */
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max)) throw new IllegalArgumentException("range bounds must be numbers, got [" + min + ", " + max + "]");
    }

    /** The range {@code [min, max]}. */
    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    /** The single value {@code [v, v]}. */
    public static Range fixed(double v) {
        return new Range(v, v);
    }

    /** {@code [-v, v]}: how Albumentations reads a scalar limit. */
    public static Range symmetric(double v) {
        return new Range(-Math.abs(v), Math.abs(v));
    }

    /** A uniform sample in [min, max] (exactly min when the range is a single value). */
    public double uniform(RandomGenerator rng) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }

    /** A uniform integer in [min, max], both inclusive, as Python's {@code random.randint}. */
    public int randint(RandomGenerator rng) {
        int lo = (int) Math.round(min), hi = (int) Math.round(max);
        return lo >= hi ? lo : lo + rng.nextInt(hi - lo + 1);
    }

    /** For pipeline files: {@code [min, max]}, integers written as integers. */
    public List<Number> toList() {
        return List.of(num(min), num(max));
    }

    private static Number num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    @Override
    public String toString() {
        return "[" + num(min) + ", " + num(max) + "]";
    }
}
