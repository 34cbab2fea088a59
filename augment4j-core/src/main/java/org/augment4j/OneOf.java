package org.augment4j;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies exactly one of its transforms, chosen with weights proportional to their {@code p}, whatever that
 * transform's own {@code p}; Albumentations' {@code OneOf} (default p = 0.5).
 */
public final class OneOf extends Container {
    /** One of {@code transforms}, drawn with weights proportional to their p, applied whatever its p; the whole with probability {@code p}. */
    public OneOf(List<? extends Transform> transforms, double p) {
        super(transforms, p);
    }

    /** As {@link #OneOf(List, double)} with Albumentations' default p = 0.5. */
    public OneOf(List<? extends Transform> transforms) {
        this(transforms, 0.5);
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        if (transforms.isEmpty()) return List.of();
        return List.of(new Pick(draw(weights(), rng), true));
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new OneOf(children, p);
    }
}
