package org.augment4j.compose;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.NoParams;

/**
 * Leaves the sample as it is; Albumentations' {@code NoOp} (default p = 0.5). Targets: image, mask, bboxes, keypoints.
 * Useful as a branch of a {@code OneOf} that keeps the sample unchanged; it still appears in {@link Sample#applied()}.
 */
public final class NoOp extends BasicTransform<NoParams> {

    /** @param p probability of applying (which changes nothing but {@link Sample#applied()}), in [0, 1] */
    public NoOp(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public NoOp() {
        this(0.5);
    }

    static NoOp fromDict(Params r) {
        return new NoOp(r.p(0.5));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    public Sample apply(Sample sample, NoParams params) {
        return sample;
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
