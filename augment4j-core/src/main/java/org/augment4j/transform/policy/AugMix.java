package org.augment4j.transform.policy;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;

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
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * torchvision's {@code AugMix}: {@code mixture_width} chains (default 3) of {@code chain_depth} operations (default −1:
 * 1 to 3, drawn per chain) are applied to copies of the image and mixed, {@code out = m·image + (1 − m)·Σ wᵢ·chainᵢ}
 * with {@code (m, 1 − m) ~ Dirichlet(α, α)} and {@code w ~ Dirichlet(α, …, α)} ({@code alpha} default 1), truncated to
 * uint8 as torchvision. Operations: ShearX/Y (0–0.3), TranslateX/Y (0–1/3 of the width / height), Rotate (0–30°),
 * Posterize (4 − round(i / 2.25) bits; 0 bits, only reached at severity 10, is applied as 1), Solarize (255 → 0),
 * AutoContrast, Equalize and, with {@code all_ops} (default true), Brightness/Color/Contrast/Sharpness with
 * magnitudes 0.1–1.9 (applied, as torchvision does, as factor 1 + m), over 10 bins, at a bin drawn below
 * {@code severity} (default 3, in [1, 10]); signed magnitudes negated with odds 1/2. {@code interpolation} 0 nearest
 * (default) or 1 bilinear, fill 0. p = 1.
 *
 * <p>Labels: chains with different geometry cannot share one set of masks, boxes or keypoints, so the geometric
 * operations (shears, translations, rotation) are used only when the sample has none of them; otherwise every chain
 * draws from the pixel operations only and the labels are left as they are. Images uint8. Targets: image, mask,
 * bboxes, keypoints (unchanged).
 */
public final class AugMix extends Policy {
    private final int severity;
    private final int width;
    private final int depth;
    private final double alpha;
    private final boolean allOps;

    /**
     * As the full constructor with nearest-neighbour interpolation.
     *
     * @param severity     {@code severity}: upper bound of the magnitude bins drawn, in [1, 10]
     * @param mixtureWidth {@code mixture_width}: number of chains, {@code >= 1}
     * @param chainDepth   {@code chain_depth}: operations per chain, at most 10; {@code <= 0} draws 1 to 3 per chain
     * @param alpha        {@code alpha}: Dirichlet and Beta concentration, {@code > 0}
     * @param allOps       {@code all_ops}: whether Brightness, Color, Contrast and Sharpness are among the operations
     * @param p            probability of applying the transform, in [0, 1]
     */
    public AugMix(int severity, int mixtureWidth, int chainDepth, double alpha, boolean allOps, double p) {
        this(severity, mixtureWidth, chainDepth, alpha, allOps, 0, p);
    }

    /**
     * @param severity      {@code severity}: upper bound of the magnitude bins drawn, in [1, 10]
     * @param mixtureWidth  {@code mixture_width}: number of chains, {@code >= 1}
     * @param chainDepth    {@code chain_depth}: operations per chain, at most 10; {@code <= 0} draws 1 to 3 per chain
     * @param alpha         {@code alpha}: Dirichlet and Beta concentration, {@code > 0}
     * @param allOps        {@code all_ops}: whether Brightness, Color, Contrast and Sharpness are among the operations
     * @param interpolation {@code interpolation}: 0 nearest or 1 bilinear, for the geometric operations
     * @param p             probability of applying the transform, in [0, 1]
     */
    public AugMix(int severity, int mixtureWidth, int chainDepth, double alpha, boolean allOps, int interpolation, double p) {
        super(p, interpolation);
        Allowed.between(1, 10).check(name(), "severity", severity);
        this.severity = severity;
        this.width = Check.positive(name(), "mixture_width", mixtureWidth);
        Allowed.atMost(10).check(name(), "chain_depth", chainDepth);   // <= 0: 1 to 3 drawn
        this.depth = chainDepth;
        Check.that(Double.isFinite(alpha), name(), "alpha must be > 0, got " + alpha);
        Allowed.above(0).check(name(), "alpha", alpha);
        this.alpha = alpha;
        this.allOps = allOps;
    }

    /**
     * With torchvision's defaults: severity 3, mixture_width 3, chain_depth -1, alpha 1, all_ops true, nearest
     * interpolation, p = 1.
     */
    public AugMix() {
        this(3, 3, -1, 1.0, true, 1.0);
    }

    static AugMix fromDict(Params r) {
        return new AugMix(r.integer("severity", 3), r.integer("mixture_width", 3), r.integer("chain_depth", -1), r.dbl("alpha", 1.0),
                r.bool("all_ops", true), r.integer("interpolation", 0), r.p(1.0));
    }

    /** The operations on a {@code w × h} image; without the geometric ones when {@code geometric} is false. */
    public Map<String, PolicyOps.Op> space(int w, int h, boolean geometric) {
        Map<String, PolicyOps.Op> m = new LinkedHashMap<>();
        if (geometric) {
            PolicyOps.put(m, "ShearX", PolicyOps.linspace(0, 0.3, 10), true);
            PolicyOps.put(m, "ShearY", PolicyOps.linspace(0, 0.3, 10), true);
            PolicyOps.put(m, "TranslateX", PolicyOps.linspace(0, w / 3.0, 10), true);
            PolicyOps.put(m, "TranslateY", PolicyOps.linspace(0, h / 3.0, 10), true);
            PolicyOps.put(m, "Rotate", PolicyOps.linspace(0, 30, 10), true);
        }
        PolicyOps.put(m, "Posterize", PolicyOps.posterize(4, 4, 10), false);
        PolicyOps.put(m, "Solarize", PolicyOps.linspace(255, 0, 10), false);
        PolicyOps.put(m, "AutoContrast", null, false);
        PolicyOps.put(m, "Equalize", null, false);
        if (allOps) for (String e : List.of("Brightness", "Color", "Contrast", "Sharpness")) PolicyOps.put(m, e, PolicyOps.linspace(0.1, 1.9, 10), false);
        return m;
    }

    /** Whether the sample has no masks, boxes or keypoints, so that chains may move pixels. */
    static boolean labelFree(Sample s) {
        return s.masks().isEmpty() && s.boxes().size() == 0 && s.keypoints().size() == 0;
    }

    @Override
    public Sample applyAlways(Sample sample, RandomGenerator rng) {
        requireUint8(sample);
        List<PolicyOps.Op> ops = new ArrayList<>(space(sample.width(), sample.height(), labelFree(sample)).values());
        double[] m = Dists.dirichlet(new double[] {alpha, alpha}, rng);
        double[] a = new double[width];
        java.util.Arrays.fill(a, alpha);
        double[] w = Dists.dirichlet(a, rng);
        for (int i = 0; i < width; i++) w[i] *= m[1];
        Map<String, Mat> acc = new LinkedHashMap<>();
        List<List<Drawn>> chains = new ArrayList<>();
        try {
            for (Map.Entry<String, Mat> e : sample.images().entrySet()) {
                Mat f = new Mat();
                e.getValue().convertTo(f, CV_32F, m[0], 0);
                acc.put(e.getKey(), f);
            }
            Sample base = sample.withoutApplied();
            for (int i = 0; i < width; i++) {
                int d = depth > 0 ? depth : 1 + rng.nextInt(3);
                List<Drawn> drawn = new ArrayList<>();
                List<Transform> chain = new ArrayList<>();
                for (int k = 0; k < d; k++) {
                    PolicyOps.Op op = ops.get(rng.nextInt(ops.size()));
                    double mag = op.magnitude(rng.nextInt(severity));
                    if (op.signed() && rng.nextBoolean()) mag = -mag;
                    String name = op.name();
                    drawn.add(new Drawn(name, mag));
                    chain.add(PolicyOps.transform(name, mag, interpolation));
                }
                chains.add(drawn);
                Sample aug = chain(base, chain, rng);
                try {
                    for (Map.Entry<String, Mat> e : aug.images().entrySet()) {
                        try (Mat f = new Mat()) {
                            e.getValue().convertTo(f, CV_32F);
                            Mat dst = acc.get(e.getKey());
                            scaleAdd(f, w[i], dst, dst);
                        }
                    }
                } finally {
                    Sample.releaseReplaced(aug, sample, sample.mats());
                }
            }
            Map<String, Mat> out = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : acc.entrySet()) out.put(e.getKey(), PixelKernels.truncateToUint8(e.getValue()));
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("mixing_weight", m[0]);
            rec.put("chain_weights", java.util.Arrays.stream(w).boxed().toList());
            rec.put("ops", chains.stream().map(c -> c.stream().map(Drawn::op).toList()).toList());
            rec.put("magnitudes", chains.stream().map(c -> c.stream().map(Drawn::magnitude).toList()).toList());
            return sample.withImages(out).withApplied(new AppliedTransform(name(), rec));
        } finally {
            for (Mat f : acc.values()) f.close();
        }
    }

    @Override
    protected List<Drawn> draw(Sample sample, RandomGenerator rng) {
        throw new UnsupportedOperationException("AugMix mixes chains; see applyAlways");
    }

    @Override
    public Set<String> opNames() {
        return space(100, 100, true).keySet();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("severity", severity);
        r.put("mixture_width", width);
        r.put("chain_depth", depth);
        r.put("alpha", alpha);
        r.put("all_ops", allOps);
        return r;
    }
}
