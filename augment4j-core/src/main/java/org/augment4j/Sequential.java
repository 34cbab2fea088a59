package org.augment4j;

import java.util.List;
import java.util.random.RandomGenerator;

/** Applies all its transforms in order, each with its own {@code p}; Albumentations' {@code Sequential} (default p = 0.5). */
public final class Sequential extends Container {
    /** All of {@code transforms} in order, each with its own p; the whole with probability {@code p}. */
    public Sequential(List<? extends Transform> transforms, double p) {
        super(transforms, p);
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        return all(transforms.size(), false);
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new Sequential(children, p);
    }
}
