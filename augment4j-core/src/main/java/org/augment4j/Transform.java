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
}
