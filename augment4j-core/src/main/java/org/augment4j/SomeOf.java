package org.augment4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Check;

/**
 * Applies {@code n} of its transforms, chosen with weights proportional to their {@code p} (with or without
 * replacement), in the order drawn, each whatever its own {@code p}; Albumentations' {@code SomeOf} (default p = 1).
 *
 * <p>This is the selection of Albumentations 1.3 (and of this library's earlier releases, which tests and saved seeds rely
 * on). Albumentations 2.0.6 changed {@code SomeOf} to draw uniformly and let each drawn child's own p decide; its
 * subclass {@code RandomOrder} (in {@code org.augment4j.compose}) follows 2.0.8.
 */
public final class SomeOf extends Container {
    private final int n;
    private final boolean replace;

    /**
     * @param transforms the candidates
     * @param n          how many to draw (at most the number of candidates without replacement)
     * @param replace    whether a candidate may be drawn more than once
     * @param p          the probability of applying the container, in [0, 1]
     */
    public SomeOf(List<? extends Transform> transforms, int n, boolean replace, double p) {
        super(transforms, p);
        this.n = Check.nonNegative("SomeOf", "n", n);
        this.replace = replace;
        Check.that(replace || n <= transforms.size(), "SomeOf", "n must be <= the number of transforms (" + transforms.size() + ") without replace, got " + n);
    }

    /** {@code n} of {@code transforms} without replacement, with Albumentations' default p = 1. */
    public SomeOf(List<? extends Transform> transforms, int n) {
        this(transforms, n, false, 1.0);
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < transforms.size(); i++) pool.add(i);
        double[] all = weights();
        List<Pick> chosen = new ArrayList<>();
        for (int k = 0; k < n && !pool.isEmpty(); k++) {
            double[] w = new double[pool.size()];
            double sum = 0;
            for (int j = 0; j < w.length; j++) sum += w[j] = all[pool.get(j)];
            for (int j = 0; j < w.length; j++) w[j] = sum > 0 ? w[j] / sum : 1.0 / w.length;
            int pick = draw(w, rng);
            int idx = replace ? pool.get(pick) : pool.remove(pick);
            chosen.add(new Pick(idx, true));
        }
        return chosen;
    }

    @Override
    protected Map<String, Object> extraArgs() {
        return Map.of("n", n, "replace", replace);
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new SomeOf(children, n, replace, p);
    }
}
