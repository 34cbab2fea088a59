package org.augment4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.transform.Check;

/** Base of the containers {@link OneOf}, {@link SomeOf} and {@link Sequential}: children plus a probability. */
public abstract class Container implements Transform {
    protected final List<Transform> transforms;
    private final double p;

    protected Container(List<? extends Transform> transforms, double p) {
        this.transforms = List.copyOf(transforms);
        this.p = Check.probability(name(), p);
    }

    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public double probability() {
        return p;
    }

    @Override
    public final Sample apply(Sample sample, RandomGenerator rng) {
        return rng.nextDouble() < p ? applyAlways(sample, rng) : sample;
    }

    /** Children's probabilities normalised to sum to 1 (uniform if they are all 0), as Albumentations' selection weights. */
    protected double[] weights() {
        double[] w = transforms.stream().mapToDouble(Transform::probability).toArray();
        double sum = 0;
        for (double v : w) sum += v;
        for (int i = 0; i < w.length; i++) w[i] = sum > 0 ? w[i] / sum : 1.0 / w.length;
        return w;
    }

    /** Draws an index according to {@code w}. */
    protected static int draw(double[] w, RandomGenerator rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i];
            if (u < acc) return i;
        }
        return w.length - 1;
    }

    /**
     * Applies {@code chosen} in order ({@code always}: whatever their p), releasing intermediate matrices that a later
     * step replaced; the input's matrices belong to the caller and are never released here.
     */
    protected static Sample chain(Sample input, List<Transform> chosen, boolean always, RandomGenerator rng) {
        java.util.Set<org.bytedeco.opencv.opencv_core.Mat> owned = input.mats();
        Sample current = input;
        try {
            for (Transform t : chosen) {
                Sample next = always ? t.applyAlways(current, rng) : t.apply(current, rng);
                if (next != current) Sample.releaseReplaced(current, next, owned);
                current = next;
            }
            return current;
        } catch (RuntimeException e) {
            Sample.releaseReplaced(current, input, owned);
            throw e;
        }
    }

    /** Extra constructor arguments for {@link #toDict()}. */
    protected Map<String, Object> extraArgs() {
        return Map.of();
    }

    @Override
    public Map<String, Object> toDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("__class_fullname__", name());
        d.put("p", p);
        d.putAll(extraArgs());
        d.put("transforms", transforms.stream().map(Transform::toDict).toList());
        return d;
    }
}
