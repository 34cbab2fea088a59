package org.augment4j.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Container;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.Check;

/**
 * Applies {@code n} of its transforms drawn uniformly at random (with or without replacement) in the order drawn, each
 * with its own {@code p}; Albumentations 2.0.8's {@code RandomOrder} (defaults n = 1, replace = false, p = 1).
 * With {@code n} equal to the number of transforms and no replacement, it applies all of them in a random order.
 *
 * <p>Without replacement, an {@code n} larger than the number of transforms is lowered to it, with a warning, as
 * Albumentations does. The draws ignore the children's {@code p}: a drawn child then applies with its own p.
 */
public final class RandomOrder extends Container {
    private static final System.Logger LOG = System.getLogger(RandomOrder.class.getName());
    private final int n;
    private final boolean replace;

    /**
     * @param transforms the transforms to draw from
     * @param n          how many to draw and apply, at least 0; without replacement, lowered to {@code transforms.size()}
     * @param replace    whether a transform may be drawn more than once
     * @param p          probability of applying the container, in [0, 1]
     */
    public RandomOrder(List<? extends Transform> transforms, int n, boolean replace, double p) {
        super(transforms, p);
        Check.nonNegative("RandomOrder", "n", n);
        if (!replace && n > transforms.size()) {
            LOG.log(System.Logger.Level.WARNING, "RandomOrder: n = " + n + " is greater than the number of transforms; using " + transforms.size());
            n = transforms.size();
        }
        this.n = n;
        this.replace = replace;
    }

    /** All the transforms, each with its own p, in a random order. */
    public RandomOrder(List<? extends Transform> transforms) {
        this(transforms, transforms.size(), false, 1.0);
    }

    /** How many transforms each application draws. */
    public int n() {
        return n;
    }

    /** Whether the draws are with replacement. */
    public boolean replace() {
        return replace;
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        int size = transforms.size();
        List<Pick> out = new ArrayList<>(n);
        if (size == 0) return out;
        if (replace) {
            for (int k = 0; k < n; k++) out.add(new Pick(rng.nextInt(size), false));
            return out;
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        for (int k = 0; k < n; k++) {            // partial Fisher-Yates: the first n of a uniform permutation
            int j = k + rng.nextInt(size - k);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
            out.add(new Pick(idx[k], false));
        }
        return out;
    }

    @Override
    protected Map<String, Object> extraArgs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("replace", replace);
        return m;
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new RandomOrder(children, n, replace, p);
    }
}
