package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;

/**
 * torchvision's {@code AutoAugment} with {@code policy "imagenet"} (the only one supported): one of its 25 sub-policies
 * drawn uniformly; each of the sub-policy's two operations applies with its own probability, at its magnitude bin of
 * 10 (torchvision's AutoAugment space: ShearX/Y 0–0.3, TranslateX/Y 0–150/331 of the size, Rotate 0–30°,
 * Brightness/Color/Contrast/Sharpness 0–0.9, Posterize 8 − round(i / 2.25) bits, Solarize 255 → 0, AutoContrast,
 * Equalize, Invert), signed ones negated with odds 1/2. p = 1. Operations as in {@link PolicyOps}; images uint8;
 * {@code interpolation} 0 nearest (default) or 1 bilinear, fill 0. Targets: image, mask, bboxes, keypoints.
 */
public final class AutoAugment extends Policy {
    /** One operation of a sub-policy: name, probability, magnitude bin (−1: none). */
    public record Step(String op, double p, int bin) {}

    /** The ImageNet policy, as torchvision lists it. */
    public static final List<List<Step>> IMAGENET = List.of(
            sub("Posterize", 0.4, 8, "Rotate", 0.6, 9), sub("Solarize", 0.6, 5, "AutoContrast", 0.6, -1),
            sub("Equalize", 0.8, -1, "Equalize", 0.6, -1), sub("Posterize", 0.6, 7, "Posterize", 0.6, 6),
            sub("Equalize", 0.4, -1, "Solarize", 0.2, 4), sub("Equalize", 0.4, -1, "Rotate", 0.8, 8),
            sub("Solarize", 0.6, 3, "Equalize", 0.6, -1), sub("Posterize", 0.8, 5, "Equalize", 1.0, -1),
            sub("Rotate", 0.2, 3, "Solarize", 0.6, 8), sub("Equalize", 0.6, -1, "Posterize", 0.4, 6),
            sub("Rotate", 0.8, 8, "Color", 0.4, 0), sub("Rotate", 0.4, 9, "Equalize", 0.6, -1),
            sub("Equalize", 0.0, -1, "Equalize", 0.8, -1), sub("Invert", 0.6, -1, "Equalize", 1.0, -1),
            sub("Color", 0.6, 4, "Contrast", 1.0, 8), sub("Rotate", 0.8, 8, "Color", 1.0, 2),
            sub("Color", 0.8, 8, "Solarize", 0.8, 7), sub("Sharpness", 0.4, 7, "Invert", 0.6, -1),
            sub("ShearX", 0.6, 5, "Equalize", 1.0, -1), sub("Color", 0.4, 0, "Equalize", 0.6, -1),
            sub("Equalize", 0.4, -1, "Solarize", 0.2, 4), sub("Solarize", 0.6, 5, "AutoContrast", 0.6, -1),
            sub("Invert", 0.6, -1, "Equalize", 1.0, -1), sub("Color", 0.6, 4, "Contrast", 1.0, 8),
            sub("Equalize", 0.8, -1, "Equalize", 0.6, -1));

    private static List<Step> sub(String a, double pa, int ba, String b, double pb, int bb) {
        return List.of(new Step(a, pa, ba), new Step(b, pb, bb));
    }

    private final String policy;

    /**
     * @param policy        {@code policy}: {@code "imagenet"}, the only one supported
     * @param interpolation {@code interpolation}: 0 nearest or 1 bilinear, for the geometric operations
     * @param p             probability of applying the transform, in [0, 1]
     */
    public AutoAugment(String policy, int interpolation, double p) {
        super(p, interpolation);
        Allowed.oneOf("imagenet").check(name(), "policy", policy);   // the only policy augment4j has
        this.policy = policy;
    }

    /** With torchvision's defaults: policy "imagenet", nearest interpolation, p = 1. */
    public AutoAugment() {
        this("imagenet", 0, 1.0);
    }

    static AutoAugment fromDict(Params r) {
        return new AutoAugment(r.string("policy", "imagenet"), r.integer("interpolation", 0), r.p(1.0));
    }

    /** The operations' magnitudes on a {@code width × height} image (10 bins). */
    public static Map<String, PolicyOps.Op> space(int width, int height) {
        Map<String, PolicyOps.Op> m = PolicyOps.standard(10, width, height, false);
        PolicyOps.put(m, "Invert", null, false);
        return m;
    }

    @Override
    protected List<Drawn> draw(Sample sample, RandomGenerator rng) {
        Map<String, PolicyOps.Op> space = space(sample.width(), sample.height());
        List<Step> chosen = IMAGENET.get(rng.nextInt(IMAGENET.size()));
        List<Drawn> out = new ArrayList<>();
        for (Step s : chosen) {
            double u = rng.nextDouble();
            boolean negate = rng.nextBoolean();
            if (u > s.p()) continue;
            PolicyOps.Op op = space.get(s.op());
            double m = s.bin() < 0 ? 0.0 : op.magnitude(s.bin());
            if (op.signed() && negate) m = -m;
            out.add(new Drawn(s.op(), m));
        }
        return out;
    }

    @Override
    public Set<String> opNames() {
        Set<String> s = new LinkedHashSet<>();
        for (List<Step> sub : IMAGENET) for (Step st : sub) s.add(st.op());
        return s;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        return m;
    }
}
