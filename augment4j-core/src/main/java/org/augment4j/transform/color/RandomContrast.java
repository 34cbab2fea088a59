package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Changes contrast: {@code v·alpha}. Albumentations 1.3's {@code RandomContrast} (removed in 2.x, where it is
 * {@code RandomBrightnessContrast} with {@code brightness_limit = 0}): {@code limit} the range of {@code alpha − 1} (default
 * {@code [-0.2, 0.2]}; a scalar {@code x} means {@code [-x, x]}), p = 0.5. Targets: image. Same kernel as
 * {@link RandomBrightnessContrast} with {@code beta = 0}.
 */
public final class RandomContrast extends PixelTransform<RandomBrightnessContrast.AlphaBeta> {
    private final Range limit;

    /**
     * @param limit {@code limit}: range of {@code alpha − 1}, within [-1, 1]
     * @param p     probability of applying the transform, in [0, 1]
     */
    public RandomContrast(Range limit, double p) {
        super(p);
        this.limit = Check.range(name(), "limit", limit, -1, 1);
    }

    /** With Albumentations 1.3's defaults: limit [-0.2, 0.2], p = 0.5. */
    public RandomContrast() {
        this(Range.symmetric(0.2), 0.5);
    }

    static RandomContrast fromDict(Params r) {
        return new RandomContrast(r.range("limit", Range.symmetric(0.2), Params.Scalar.SYMMETRIC), r.p(0.5));
    }

    @Override
    public RandomBrightnessContrast.AlphaBeta sampleParams(Sample sample, RandomGenerator rng) {
        return new RandomBrightnessContrast.AlphaBeta(1 + limit.uniform(rng), 0);
    }

    @Override
    protected Mat applyToImage(Mat image, RandomBrightnessContrast.AlphaBeta ab) {
        return RandomBrightnessContrast.apply(image, ab.alpha(), ab.beta(), true);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", limit);
        return m;
    }
}
