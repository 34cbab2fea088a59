package org.augment4j.internal;

import org.augment4j.Sample;

/**
 * Not API: the parts of a {@link Sample} that only the pipeline machinery uses, the pending warp of fused geometry
 * and the geometry steps spatial transforms record. {@code Sample} keeps them package-private and hands this class an
 * {@link Access} when it is initialised, so that transforms in other packages reach them without making them public.
 */
public final class SampleInternals {
    /** What {@code Sample} hands over. */
    public interface Access {
        /** The sample's pending warp, or null. */
        PendingWarp pending(Sample sample);

        /** The sample with {@code pending} as its pending warp (null: none). */
        Sample withPending(Sample sample, PendingWarp pending);

        /** The sample with one more geometry step. */
        Sample withStep(Sample sample, GeometryStep step);
    }

    private static volatile Access access;

    private SampleInternals() {}

    /**
     * Called once, by {@code Sample}'s static initialiser.
     *
     * @throws IllegalStateException when called again
     */
    public static synchronized void install(Access a) {
        if (access != null) throw new IllegalStateException("SampleInternals is installed by Sample only");
        access = a;
    }

    /** The sample's pending warp, or null. */
    public static PendingWarp pending(Sample sample) {
        return access().pending(sample);
    }

    /** The sample with {@code pending} as its pending warp (null: none). */
    public static Sample withPending(Sample sample, PendingWarp pending) {
        return access().withPending(sample, pending);
    }

    /** The sample with one more geometry step. */
    public static Sample withStep(Sample sample, GeometryStep step) {
        return access().withStep(sample, step);
    }

    private static Access access() {
        Access a = access;
        if (a != null) return a;
        try {
            Class.forName(Sample.class.getName(), true, Sample.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access;
    }
}
