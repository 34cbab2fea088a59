package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Rescales by a factor {@code 1 + u}, u drawn uniformly from {@code scale_limit}; the output size changes. Albumentations'
 * {@code RandomScale}: scale_limit (-0.1, 0.1) (a scalar x means (-x, x)), interpolation 1, mask_interpolation 0,
 * p = 0.5. Targets: image, mask, bboxes, keypoints (× scale). The new size is {@code int(side · scale)} (truncated, at
 * least 1), as Albumentations' {@code scale}.
 */
public final class RandomScale extends SpatialTransform<RandomScale.Scale> {
    /** The sampled factor (1 + u). */
    public record Scale(double scale) {}

    private final Range scaleLimit;

    /**
     * @param scaleLimit {@code scale_limit}: range of {@code u} in the factor {@code 1 + u}, with min {@code > -1}
     * @param resampling {@code interpolation} and {@code mask_interpolation} of the resize
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomScale(Range scaleLimit, Resampling resampling, double p) {
        super(p, resampling);
        this.scaleLimit = Check.range(name(), "scale_limit", scaleLimit, -1, Double.MAX_VALUE);
        Allowed.above(-1).checkRange(name(), "scale_limit", scaleLimit);   // keeps the factor 1 + limit above 0
    }

    /**
     * A symmetric {@code scale_limit} {@code [-|scaleLimit|, |scaleLimit|]} with linear images and nearest masks.
     *
     * @param scaleLimit largest relative change of the size, below 1 in magnitude
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomScale(double scaleLimit, double p) {
        this(Range.symmetric(scaleLimit), Resampling.defaults(), p);
    }

    static RandomScale fromDict(Params r) {
        return new RandomScale(r.range("scale_limit", Range.of(-0.1, 0.1), Params.Scalar.SYMMETRIC), Interpolation.read(r), r.p(0.5));
    }

    @Override
    public Scale sampleParams(Sample s, RandomGenerator rng) {
        return new Scale(1.0 + scaleLimit.uniform(rng));
    }

    @Override
    protected Geometry geometry(Sample s, Scale p) {
        int w = s.width(), h = s.height();
        int outW = Math.max(1, (int) (w * p.scale())), outH = Math.max(1, (int) (h * p.scale()));
        return MaxSize.rescale(w, h, outW, outH, p.scale());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale_limit", scaleLimit);
        Interpolation.putArgs(m, resampling);
        return m;
    }
}
