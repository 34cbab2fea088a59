package org.augment4j.transform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.AppliedTransform;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.Check;
import org.augment4j.internal.Records;

/**
 * A single transform: samples parameters (a record {@code P}), then applies them deterministically.
 *
 * <p>Subclasses hold the sampling; the pure kernels live in helper classes beside them. Subclasses are immutable.
 *
 * @param <P> the record of sampled parameters
 */
public abstract class BasicTransform<P extends Record> implements Transform {
    private final double p;

    /**
     * @param p probability of applying the transform, in [0, 1] (Albumentations' {@code p})
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    protected BasicTransform(double p) {
        this.p = Check.probability(name(), p);
    }

    @Override
    public final double probability() {
        return p;
    }

    @Override
    public final Sample apply(Sample sample, RandomGenerator rng) {
        return rng.nextDouble() < p ? applyAlways(sample, rng) : sample;
    }

    @Override
    public final Sample applyAlways(Sample sample, RandomGenerator rng) {
        if (acceptsPendingPixels()) return run(sample, sampleParams(sample, rng));
        return GeometryFusion.withPixels(sample, real -> run(real, sampleParams(real, rng)));
    }

    /**
     * Applies with parameters sampled as usual and then overridden by {@code forced} (Albumentations' recorded names),
     * whatever {@code p} says: how {@code --replay} and golden {@code forced_params} pin a transform.
     */
    public final Sample applyForced(Sample sample, RandomGenerator rng, Map<String, Object> forced) {
        if (acceptsPendingPixels()) return run(sample, Records.override(sampleParams(sample, rng), forced, name()));
        return GeometryFusion.withPixels(sample, real -> run(real, Records.override(sampleParams(real, rng), forced, name())));
    }

    /**
     * Whether this transform may run on a sample whose pixels wait in a {@link org.augment4j.internal.PendingWarp}: true only for transforms
     * that read nothing but size, labels and metadata before moving them (see {@link GeometryFusion}). Others get the
     * pixels resampled first.
     */
    protected boolean acceptsPendingPixels() {
        return false;
    }

    private Sample run(Sample sample, P params) {
        Sample out = apply(sample, params);
        return out.withApplied(new AppliedTransform(name(), Records.toMap(params)));
    }

    /** Samples this application's parameters; may read the sample (size, labels) but never changes it. */
    public abstract P sampleParams(Sample sample, RandomGenerator rng);

    /** Applies the given parameters to every target this transform acts on. Deterministic. */
    public abstract Sample apply(Sample sample, P params);

    /** The constructor arguments under Albumentations' names, in its order (without {@code p}). */
    protected abstract Map<String, Object> args();

    @Override
    public final Map<String, Object> toDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("__class_fullname__", name());
        d.put("p", p);
        for (Map.Entry<String, Object> e : args().entrySet()) d.put(e.getKey(), Records.jsonValue(e.getValue()));
        return d;
    }

    @Override
    public String toString() {
        return toDict().toString();
    }
}
