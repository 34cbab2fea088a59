package org.augment4j;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeds and generators. The generator is {@link SplittableRandom}, whose algorithm is specified, so a seed gives the
 * same stream on every JVM. Loaders derive one generator per sample from {@code (seed, sample index)}, so results
 * never depend on thread count or scheduling.
 */
public final class Seeds {
    private Seeds() {}

    /** A generator for a seed. */
    public static RandomGenerator generator(long seed) {
        return new SplittableRandom(seed);
    }

    /** A well-mixed seed from a base seed and an index (SplitMix64 finaliser). */
    public static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
