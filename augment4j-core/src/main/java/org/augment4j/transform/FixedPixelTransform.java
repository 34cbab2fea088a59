package org.augment4j.transform;

import java.util.random.RandomGenerator;
import org.augment4j.Sample;

/** A pixel-level transform that samples nothing: the same mapping every time (Normalize, ToGray, InvertImg, Equalize). */
public abstract class FixedPixelTransform extends PixelTransform<NoParams> {

    /** @param p probability of applying the transform, in [0, 1] */
    protected FixedPixelTransform(double p) {
        super(p);
    }

    @Override
    public final NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }
}
