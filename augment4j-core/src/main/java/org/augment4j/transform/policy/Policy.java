package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.AppliedTransform;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Base of the augmentation policies: a probability, a draw of operations (torchvision's op names with signed
 * magnitudes), each made a transform of this project by {@link PolicyOps#transform} and applied in order, so masks,
 * boxes and keypoints follow the geometric ones. The application records the policy itself in {@link Sample#applied()}
 * ({@code ops} and {@code magnitudes}), followed by each operation's own entry. Images must be uint8 (torchvision's
 * Posterize and Equalize are uint8-only, and the magnitudes are in uint8 units). Every policy takes torchvision's
 * {@code interpolation} for its geometric operations as an OpenCV code: 0 nearest (default) or 1 bilinear; fill is 0.
 */
public abstract class Policy implements Transform {
    /** One drawn operation: torchvision's name and its signed magnitude. */
    public record Drawn(String op, double magnitude) {}

    private final double p;
    /** OpenCV interpolation of the geometric operations: 0 nearest (torchvision's default) or 1 linear (bilinear). */
    protected final int interpolation;

    /**
     * @param p             probability of applying the policy, in [0, 1]
     * @param interpolation {@code interpolation}: 0 nearest or 1 bilinear, for the geometric operations
     */
    protected Policy(double p, int interpolation) {
        this.p = Check.probability(name(), p);
        Allowed.flags(new int[] {0, 1}, "INTER_NEAREST", "INTER_LINEAR").check(name(), "interpolation", interpolation);
        this.interpolation = interpolation;
    }

    /** The interpolation of the geometric operations: 0 nearest or 1 bilinear. */
    public int interpolation() {
        return interpolation;
    }

    @Override
    public final double probability() {
        return p;
    }

    @Override
    public final Sample apply(Sample sample, RandomGenerator rng) {
        return rng.nextDouble() < p ? applyAlways(sample, rng) : sample;
    }

    @Override
    public Sample applyAlways(Sample sample, RandomGenerator rng) {
        requireUint8(sample);
        List<Drawn> drawn = draw(sample, rng);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("ops", drawn.stream().map(Drawn::op).toList());
        rec.put("magnitudes", drawn.stream().map(Drawn::magnitude).toList());
        List<Transform> ops = new ArrayList<>();
        for (Drawn d : drawn) ops.add(PolicyOps.transform(d.op(), d.magnitude(), interpolation));
        return chain(sample.withApplied(new AppliedTransform(name(), rec)), ops, rng);
    }

    /** The operations of one application, in order (those that a per-operation probability skipped left out). */
    protected abstract List<Drawn> draw(Sample sample, RandomGenerator rng);

    /** Every operation name this policy can draw. */
    public abstract Set<String> opNames();

    /** Constructor arguments for {@code to_dict}, without {@code p}. */
    protected abstract Map<String, Object> args();

    /**
     * Fails unless every image of {@code sample} is uint8 (the magnitudes are in uint8 units).
     *
     * @throws IllegalArgumentException naming the first float image
     */
    protected final void requireUint8(Sample sample) {
        for (Map.Entry<String, Mat> e : sample.images().entrySet()) {
            if (Mats.isFloat(e.getValue())) {
                throw new IllegalArgumentException(name() + ": needs uint8 images (its magnitudes are uint8 units), got " + e.getKey() + " "
                        + Mats.describe(e.getValue()));
            }
        }
    }

    /** Applies {@code ops} always, in order, releasing intermediates (never the input's matrices). */
    static Sample chain(Sample input, List<Transform> ops, RandomGenerator rng) {
        return org.augment4j.Container.chain(input, ops, true, rng);
    }

    @Override
    public final Map<String, Object> toDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("__class_fullname__", name());
        d.put("p", p);
        d.putAll(args());
        d.put("interpolation", interpolation);
        return d;
    }

    @Override
    public String toString() {
        return toDict().toString();
    }
}
