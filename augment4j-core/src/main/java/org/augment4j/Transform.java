package org.augment4j;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A transform or a composition of transforms. Implementations are immutable and thread-safe: all randomness comes
 * from the generator handed in, so one instance can serve many threads.
 */
public interface Transform {
    /**
     * Applies this transform with probability {@link #probability()}.
     *
     * @param sample the input; never modified
     * @param rng    the source of every random choice
     * @return the output sample (the input itself when nothing was applied)
     */
    Sample apply(Sample sample, RandomGenerator rng);

    /** Applies this transform whatever its probability, as Albumentations' {@code force_apply}. */
    Sample applyAlways(Sample sample, RandomGenerator rng);

    /** The probability {@code p} of applying, in [0, 1]. */
    double probability();

    /** The Albumentations name, such as {@code HorizontalFlip}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The Albumentations {@code to_dict} form of this transform: {@code __class_fullname__}, {@code p} and its parameters. */
    Map<String, Object> toDict();

    /**
     * This transform with the behaviour of the given Albumentations release where releases differ (see
     * {@link Semantics}); a transform that means the same in every release returns itself, a container returns a copy
     * whose children follow the given semantics.
     */
    default Transform withSemantics(Semantics semantics) {
        return this;
    }

    /**
     * This transform with probability {@code p} (Albumentations' {@code p=}), everything else unchanged: a new instance,
     * this one stays as it is. {@code A.Blur().withP(1)} is Python's {@code A.Blur(p=1)}.
     *
     * @throws IllegalArgumentException when {@code p} is not in [0, 1]
     */
    default Transform withP(double p) {
        return with("p", p);
    }

    /**
     * This transform with one parameter changed, named as Albumentations names it: {@code A.Blur().with("blur_limit", 9)}
     * is Python's {@code A.Blur(blur_limit=9)}. The value takes the forms a pipeline file allows (a number for a
     * symmetric range, a {@code Range} or a two-element list, an array, an enum such as
     * {@link org.augment4j.transform.Interpolation}) and gets the checks and messages a pipeline file gets; every other
     * parameter and the release semantics stay. A new instance; this one stays as it is. Chain calls to change several.
     *
     * @throws IllegalArgumentException for an unknown parameter (listing the known ones), a bad value (naming it), or a
     *                                  transform that is not in the registry (a user's own class: use its constructor)
     */
    default Transform with(String parameter, Object value) {
        return org.augment4j.serial.TransformRegistry.with(this, parameter, value);
    }
}
