package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;

/**
 * torchvision's {@code RandAugment}: {@code num_ops} operations (default 2) drawn uniformly with replacement from
 * Identity, ShearX/Y (0–0.3), TranslateX/Y (0–150/331 of the width / height, pixels), Rotate (0–30°),
 * Brightness/Color/Contrast/Sharpness (0–0.9, factor 1 ± m), Posterize (8 − round(i / ((bins − 1) / 4)) bits), Solarize
 * (threshold 255 → 0), AutoContrast, Equalize; each at bin {@code magnitude} (default 9) of {@code num_magnitude_bins}
 * (default 31) linearly spaced magnitudes, signed ones negated with odds 1/2. So magnitude 9 of 31 bins rotates by
 * ±9/30 · 30 = ±9°. p = 1 (torchvision always applies). Operations as in {@link PolicyOps}; images uint8; {@code interpolation}
 * 0 nearest (default) or 1 bilinear, fill 0. Targets: image, mask, bboxes, keypoints.
 */
public final class RandAugment extends Policy {
    private final int numOps;
    private final int magnitude;
    private final int bins;
    private final Set<String> only; // null: every operation (a narrower set is for tests of the geometric plumbing)

    /**
     * @param numOps           {@code num_ops}: operations applied, {@code >= 0}
     * @param magnitude        {@code magnitude}: the magnitude bin, in [0, numMagnitudeBins)
     * @param numMagnitudeBins {@code num_magnitude_bins}: number of magnitude bins, {@code >= 2}
     * @param interpolation    {@code interpolation}: 0 nearest or 1 bilinear, for the geometric operations
     * @param p                probability of applying the transform, in [0, 1]
     */
    public RandAugment(int numOps, int magnitude, int numMagnitudeBins, int interpolation, double p) {
        this(numOps, magnitude, numMagnitudeBins, interpolation, p, null);
    }

    /**
     * As the full constructor with nearest-neighbour interpolation.
     *
     * @param numOps           {@code num_ops}: operations applied, {@code >= 0}
     * @param magnitude        {@code magnitude}: the magnitude bin, in [0, numMagnitudeBins)
     * @param numMagnitudeBins {@code num_magnitude_bins}: number of magnitude bins, {@code >= 2}
     * @param p                probability of applying the transform, in [0, 1]
     */
    public RandAugment(int numOps, int magnitude, int numMagnitudeBins, double p) {
        this(numOps, magnitude, numMagnitudeBins, 0, p, null);
    }

    RandAugment(int numOps, int magnitude, int numMagnitudeBins, int interpolation, double p, Set<String> only) {
        super(p, interpolation);
        this.numOps = Check.nonNegative(name(), "num_ops", numOps);
        Allowed.atLeast(2).check(name(), "num_magnitude_bins", numMagnitudeBins);
        Allowed.between(0, numMagnitudeBins - 1).check(name(), "magnitude", magnitude);   // [0, num_magnitude_bins - 1]
        this.magnitude = magnitude;
        this.bins = numMagnitudeBins;
        this.only = only;
    }

    /** With torchvision's defaults: num_ops 2, magnitude 9, num_magnitude_bins 31, nearest interpolation, p = 1. */
    public RandAugment() {
        this(2, 9, 31, 1.0);
    }

    static RandAugment fromDict(Params r) {
        return new RandAugment(r.integer("num_ops", 2), r.integer("magnitude", 9), r.integer("num_magnitude_bins", 31),
                r.integer("interpolation", 0), r.p(1.0));
    }

    /** The search space on a {@code width × height} image. */
    public Map<String, PolicyOps.Op> space(int width, int height) {
        Map<String, PolicyOps.Op> s = PolicyOps.standard(bins, width, height, true);
        if (only != null) s.keySet().retainAll(only);
        return s;
    }

    @Override
    protected List<Drawn> draw(Sample sample, RandomGenerator rng) {
        List<PolicyOps.Op> ops = new ArrayList<>(space(sample.width(), sample.height()).values());
        List<Drawn> out = new ArrayList<>();
        for (int k = 0; k < numOps; k++) {
            PolicyOps.Op op = ops.get(rng.nextInt(ops.size()));
            double m = op.magnitude(magnitude);
            if (op.signed() && rng.nextBoolean()) m = -m;
            out.add(new Drawn(op.name(), m));
        }
        return out;
    }

    @Override
    public Set<String> opNames() {
        return space(100, 100).keySet();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_ops", numOps);
        m.put("magnitude", magnitude);
        m.put("num_magnitude_bins", bins);
        return m;
    }
}
