package org.augment4j.transform.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pillow's {@code ImageEnhance} (as torchvision's auto-augment policies use it): blends the image with a degenerate
 * image, {@code out = degenerate + factor · (image − degenerate)}, clipped. Not an Albumentations transform: augment4j's
 * own, named {@code Enhance}. Parameters: {@code kind} {@code "brightness"} (degenerate black; default),
 * {@code "color"} (its grey version, ITU-R 601 luma), {@code "contrast"} (the mean grey level, rounded for uint8) or
 * {@code "sharpness"} (the 3×3 SMOOTH filter, border pixels kept); {@code factor_range} the factor drawn uniformly,
 * ≥ 0 (default [0.1, 1.9]; 1 keeps the image, 0 gives the degenerate image), p = 0.5. Targets: image (uint8, float32;
 * 1, 3 or 4 channels, alpha kept).
 */
public final class Enhance extends PixelTransform<Enhance.Factor> {
    /** The sampled enhancement factor. */
    public record Factor(double factor) {}

    private final EnhanceKernels.Kind kind;
    private final Range factor;

    /**
     * @param kind        {@code kind}: {@code "brightness"}, {@code "color"}, {@code "contrast"} or {@code "sharpness"}
     * @param factorRange {@code factor_range}: range of the blend factor, {@code >= 0} (1 keeps the image)
     * @param p           probability of applying the transform, in [0, 1]
     */
    public Enhance(String kind, Range factorRange, double p) {
        super(p);
        this.kind = EnhanceKernels.Kind.of(Allowed.oneOf("brightness", "color", "contrast", "sharpness").check(name(), "kind", kind));
        this.factor = Check.range(name(), "factor_range", factorRange, 0, Double.MAX_VALUE);
    }

    /** A fixed factor, always applied. */
    public Enhance(String kind, double factor) {
        this(kind, Range.fixed(factor), 1.0);
    }

    static Enhance fromDict(Params r) {
        return new Enhance(r.string("kind", "brightness"), r.range("factor_range", Range.of(0.1, 1.9), Params.Scalar.FIXED), r.p(0.5));
    }

    /** The enhancement: {@code "brightness"}, {@code "color"}, {@code "contrast"} or {@code "sharpness"}. */
    public String kind() {
        return kind.id();
    }

    /** The range the blend factor is drawn from. */
    public Range factorRange() {
        return factor;
    }

    @Override
    public Factor sampleParams(Sample sample, RandomGenerator rng) {
        return new Factor(factor.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Factor f) {
        return EnhanceKernels.enhance(name(), image, kind, f.factor());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.id());
        m.put("factor_range", factor);
        return m;
    }
}
