package org.augment4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Check;

/**
 * Base of the containers ({@link OneOf}, {@link SomeOf}, {@link Sequential} and those of
 * {@code org.augment4j.compose}): children plus a probability.
 *
 * <p>An application runs in three steps, each a hook a subclass may override: {@link #gate} (does it go ahead, normally
 * a draw against {@code p}), {@link #choose} (which children, in which order, each applied whatever its own p or with
 * it), and {@link #applyPicks} (apply them, normally one after the other). The steps go through a {@link Step}, so that
 * {@code ReplayCompose} can record the decisions and replay them on another sample.
 */
public abstract class Container implements Transform {
    /** The children, in order; unmodifiable. */
    protected final List<Transform> transforms;
    private final double p;

    /**
     * One child to apply.
     *
     * @param index  its index in {@link #transforms()}
     * @param always true to apply it whatever its own p (OneOf), false to let its p decide (Sequential)
     */
    public record Pick(int index, boolean always) {}

    /**
     * How a container (or {@link Compose}) takes its decisions and applies its children. {@link #plain} draws and applies
     * as usual; {@code ReplayCompose} passes steps that record the decisions, or play recorded ones back.
     */
    public interface Step {
        /** Whether the container goes ahead; {@code decide} draws against p as usual. */
        default boolean proceeds(BooleanSupplier decide) {
            return decide.getAsBoolean();
        }

        /** The children to apply, in order; {@code choose} draws them as usual. */
        default List<Pick> picks(Supplier<List<Pick>> choose) {
            return choose.get();
        }

        /** Applies child {@code index} ({@code always}: whatever its own p). */
        Sample apply(int index, Transform child, Sample sample, boolean always);
    }

    /** The usual step: children drawn and applied with {@code rng}. */
    public static Step plain(RandomGenerator rng) {
        return (index, child, sample, always) -> always ? child.applyAlways(sample, rng) : child.apply(sample, rng);
    }

    /**
     * @param transforms the children, in order (copied)
     * @param p          the probability of applying the container, in [0, 1]
     */
    protected Container(List<? extends Transform> transforms, double p) {
        this.transforms = List.copyOf(transforms);
        this.p = Check.probability(name(), p);
    }

    /** The children, in order; unmodifiable. */
    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public double probability() {
        return p;
    }

    @Override
    public final Sample apply(Sample sample, RandomGenerator rng) {
        return applyWith(sample, rng, false, plain(rng));
    }

    @Override
    public Sample applyAlways(Sample sample, RandomGenerator rng) {
        return applyWith(sample, rng, true, plain(rng));
    }

    /**
     * Applies through {@code step}: goes ahead when {@code always} or the {@link #gate} says so, chooses children, applies
     * them. {@link #apply} and {@link #applyAlways} are this with {@link #plain}.
     */
    public final Sample applyWith(Sample sample, RandomGenerator rng, boolean always, Step step) {
        if (!step.proceeds(() -> always || gate(rng))) return sample;
        List<Pick> picks = step.picks(() -> choose(sample, rng));
        return applyPicks(sample, picks, step);
    }

    /** Whether an application that is not forced goes ahead: a draw against {@code p}. */
    protected boolean gate(RandomGenerator rng) {
        return rng.nextDouble() < p;
    }

    /** The children to apply, in order. May read the sample, never changes it. */
    protected abstract List<Pick> choose(Sample sample, RandomGenerator rng);

    /** Applies the picked children through {@code step}; by default one after the other. */
    public Sample applyPicks(Sample sample, List<Pick> picks, Step step) {
        return chain(sample, picks, transforms, step);
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

    /** {@code Pick(i, always)} for every index in order. */
    protected static List<Pick> all(int n, boolean always) {
        List<Pick> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Pick(i, always));
        return out;
    }

    /**
     * Applies {@code chosen} in order ({@code always}: whatever their p), releasing intermediate matrices that a later
     * step replaced; the input's matrices belong to the caller and are never released here.
     */
    public static Sample chain(Sample input, List<Transform> chosen, boolean always, RandomGenerator rng) {
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) picks.add(new Pick(i, always));
        return chain(input, picks, chosen, plain(rng));
    }

    /** Applies the picked children of {@code children} through {@code step}, releasing intermediates as {@link #chain(Sample, List, boolean, RandomGenerator)}. */
    protected static Sample chain(Sample input, List<Pick> picks, List<Transform> children, Step step) {
        java.util.Set<org.bytedeco.opencv.opencv_core.Mat> owned = input.mats();
        Sample current = input;
        try {
            for (Pick pick : picks) {
                Sample next = step.apply(pick.index(), children.get(pick.index()), current, pick.always());
                if (next != current) Sample.releaseReplaced(current, next, owned);
                current = next;
            }
            return current;
        } catch (RuntimeException e) {
            Sample.releaseReplaced(current, input, owned);
            throw e;
        }
    }

    /** This container with other children (the same number) and probability {@code p}, everything else equal. */
    protected abstract Container copy(List<Transform> children, double p);

    /** This container with other children (the same number), everything else equal. */
    protected final Container withTransforms(List<Transform> children) {
        return copy(children, p);
    }

    /** This container with probability {@code p}, children and everything else equal. */
    @Override
    public Container withP(double p) {
        return copy(transforms, p);
    }

    /**
     * A container's parameters other than {@code p} are set when it is built; {@code with("p", v)} is {@link #withP}.
     *
     * @throws IllegalArgumentException for any other parameter
     */
    @Override
    public Container with(String parameter, Object value) {
        if ("p".equals(parameter) && value instanceof Number n) return withP(n.doubleValue());
        throw new IllegalArgumentException(name() + ".with(" + parameter + "): a container takes only p here (a number); build it with its other parameters");
    }

    /** A copy whose children follow {@code semantics} (itself when no child changes). */
    @Override
    public Container withSemantics(Semantics semantics) {
        List<Transform> children = transforms.stream().map(t -> t.withSemantics(semantics)).toList();
        for (int i = 0; i < children.size(); i++) if (children.get(i) != transforms.get(i)) return withTransforms(children);
        return this;
    }

    /** Extra constructor arguments for {@link #toDict()}. */
    protected Map<String, Object> extraArgs() {
        return Map.of();
    }

    @Override
    public Map<String, Object> toDict() {
        return toDict(transforms.stream().map(Transform::toDict).toList());
    }

    /** The {@code to_dict} map with {@code children} in place of the children's own maps (how replays annotate them). */
    public Map<String, Object> toDict(List<?> children) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("__class_fullname__", name());
        d.put("p", p);
        d.putAll(extraArgs());
        d.put("transforms", children);
        return d;
    }
}
