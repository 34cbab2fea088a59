package org.augment4j.transform.policy;

import java.util.List;
import org.augment4j.Sample;

/**
 * The output of a batch mix ({@link MixUp}, {@link CutMix}): the mixed samples (new, owned by the caller, in batch
 * order) and, for classification, each one's weight and partner: sample {@code i}'s target is
 * {@code lambdas[i] · y[i] + (1 − lambdas[i]) · y[partners[i]]}.
 */
public record MixResult(List<Sample> samples, double[] lambdas, int[] partners) {
    /** Copies {@code samples}, {@code lambdas} and {@code partners}. */
    public MixResult {
        samples = List.copyOf(samples);
        lambdas = lambdas.clone();
        partners = partners.clone();
    }

    /** Sample {@code i}'s weight on its own label. */
    public double lambda(int i) {
        return lambdas[i];
    }

    /** The index of sample {@code i}'s partner in the batch. */
    public int partner(int i) {
        return partners[i];
    }
}
