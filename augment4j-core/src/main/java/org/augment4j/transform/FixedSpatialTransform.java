package org.augment4j.transform;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;

/** A spatial transform that samples nothing: its geometry depends only on the image size (flips, transpose). */
public abstract class FixedSpatialTransform extends SpatialTransform<NoParams> {

    /**
     * Uses the default {@link Resampling} (its geometry never resamples between pixels).
     *
     * @param p probability of applying the transform, in [0, 1]
     */
    protected FixedSpatialTransform(double p) {
        super(p, Resampling.defaults());
    }

    @Override
    public final NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
