package org.augment4j.compose;

import java.util.List;
import java.util.random.RandomGenerator;
import org.augment4j.Container;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.Check;

/**
 * Applies its first transform with probability {@code p}, otherwise its second, each whatever its own p;
 * Albumentations' {@code OneOrOther} (2.0.8: {@code first}, {@code second}, p = 0.5; 1.3 and pipeline files:
 * {@code transforms} of two). Unlike other containers, {@code p} chooses between the two: one of them always applies.
 */
public final class OneOrOther extends Container {

    /**
     * @param first  the transform applied with probability {@code p}
     * @param second the transform applied otherwise
     * @param p      the probability of choosing {@code first}, in [0, 1]
     */
    public OneOrOther(Transform first, Transform second, double p) {
        this(List.of(first, second), p);
    }

    /** With Albumentations' default p = 0.5. */
    public OneOrOther(Transform first, Transform second) {
        this(first, second, 0.5);
    }

    /** {@code transforms} must hold exactly two transforms: the first and the other. */
    public OneOrOther(List<? extends Transform> transforms, double p) {
        super(transforms, p);
        Check.that(transforms.size() == 2, "OneOrOther", "transforms must hold exactly 2 transforms (first, second), got " + transforms.size());
    }

    /** The transform applied with probability {@code p}. */
    public Transform first() {
        return transforms.get(0);
    }

    /** The transform applied with probability {@code 1 - p}. */
    public Transform second() {
        return transforms.get(1);
    }

    /** Always goes ahead: {@code p} chooses which transform, not whether. */
    @Override
    protected boolean gate(RandomGenerator rng) {
        return true;
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        return List.of(new Pick(rng.nextDouble() < probability() ? 0 : 1, true));
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new OneOrOther(children, p);
    }
}
