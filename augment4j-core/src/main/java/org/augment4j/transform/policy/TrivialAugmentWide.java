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
 * torchvision's {@code TrivialAugmentWide}: one operation drawn uniformly from Identity, ShearX/Y (0–0.99),
 * TranslateX/Y (0–32 px), Rotate (0–135°), Brightness/Color/Contrast/Sharpness (0–0.99, factor 1 ± m), Posterize
 * (8 − round(i / ((bins − 1) / 6)) bits), Solarize (threshold 255 → 0), AutoContrast, Equalize, at a magnitude bin drawn
 * uniformly from {@code num_magnitude_bins} (default 31), signed ones negated with odds 1/2. p = 1 (torchvision always
 * applies). Operations as in {@link PolicyOps}; images uint8; {@code interpolation} 0 nearest (default)
 * or 1 bilinear, fill 0. Targets: image, mask,
 * bboxes, keypoints.
 */
public final class TrivialAugmentWide extends Policy {
    private final int bins;
    private final Set<String> only;

    /**
     * @param numMagnitudeBins {@code num_magnitude_bins}: number of magnitude bins, {@code >= 2}
     * @param interpolation    {@code interpolation}: 0 nearest or 1 bilinear, for the geometric operations
     * @param p                probability of applying the transform, in [0, 1]
     */
    public TrivialAugmentWide(int numMagnitudeBins, int interpolation, double p) {
        this(numMagnitudeBins, interpolation, p, null);
    }

    /**
     * As the full constructor with nearest-neighbour interpolation.
     *
     * @param numMagnitudeBins {@code num_magnitude_bins}: number of magnitude bins, {@code >= 2}
     * @param p                probability of applying the transform, in [0, 1]
     */
    public TrivialAugmentWide(int numMagnitudeBins, double p) {
        this(numMagnitudeBins, 0, p, null);
    }

    TrivialAugmentWide(int numMagnitudeBins, int interpolation, double p, Set<String> only) {
        super(p, interpolation);
        Allowed.atLeast(2).check(name(), "num_magnitude_bins", numMagnitudeBins);
        this.bins = numMagnitudeBins;
        this.only = only;
    }

    /** With torchvision's defaults: num_magnitude_bins 31, nearest interpolation, p = 1. */
    public TrivialAugmentWide() {
        this(31, 1.0);
    }

    static TrivialAugmentWide fromDict(Params r) {
        return new TrivialAugmentWide(r.integer("num_magnitude_bins", 31), r.integer("interpolation", 0), r.p(1.0));
    }

    /** The search space (it does not depend on the image size). */
    public Map<String, PolicyOps.Op> space() {
        Map<String, PolicyOps.Op> m = new LinkedHashMap<>();
        PolicyOps.put(m, "Identity", null, false);
        PolicyOps.put(m, "ShearX", PolicyOps.linspace(0, 0.99, bins), true);
        PolicyOps.put(m, "ShearY", PolicyOps.linspace(0, 0.99, bins), true);
        PolicyOps.put(m, "TranslateX", PolicyOps.linspace(0, 32, bins), true);
        PolicyOps.put(m, "TranslateY", PolicyOps.linspace(0, 32, bins), true);
        PolicyOps.put(m, "Rotate", PolicyOps.linspace(0, 135, bins), true);
        for (String e : List.of("Brightness", "Color", "Contrast", "Sharpness")) PolicyOps.put(m, e, PolicyOps.linspace(0, 0.99, bins), true);
        PolicyOps.put(m, "Posterize", PolicyOps.posterize(8, 6, bins), false);
        PolicyOps.put(m, "Solarize", PolicyOps.linspace(255, 0, bins), false);
        PolicyOps.put(m, "AutoContrast", null, false);
        PolicyOps.put(m, "Equalize", null, false);
        if (only != null) m.keySet().retainAll(only);
        return m;
    }

    @Override
    protected List<Drawn> draw(Sample sample, RandomGenerator rng) {
        List<PolicyOps.Op> ops = new ArrayList<>(space().values());
        PolicyOps.Op op = ops.get(rng.nextInt(ops.size()));
        double m = op.magnitudes() == null ? 0.0 : op.magnitudes()[rng.nextInt(bins)];
        if (op.signed() && rng.nextBoolean()) m = -m;
        return List.of(new Drawn(op.name(), m));
    }

    @Override
    public Set<String> opNames() {
        return space().keySet();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_magnitude_bins", bins);
        return m;
    }
}
