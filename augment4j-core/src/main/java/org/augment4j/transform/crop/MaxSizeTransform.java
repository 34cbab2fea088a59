package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * The shared body of {@link LongestMaxSize} and {@link SmallestMaxSize}: an aspect-keeping rescale whose factor
 * {@link MaxSize} computes from the longest or the smallest side. The new size is {@code round(side · scale)}, at least 1.
 */
public abstract class MaxSizeTransform extends SpatialTransform<MaxSizeTransform.Scale> {
    /** The sampled scale factor. */
    public record Scale(double scale) {}

    private final MaxSize size;
    private final boolean longest;

    MaxSizeTransform(MaxSize size, boolean longest, Resampling resampling, double p) {
        super(p, resampling);
        this.size = size;
        this.longest = longest;
    }

    @Override
    public final Scale sampleParams(Sample s, RandomGenerator rng) {
        return new Scale(size.scale(s.height(), s.width(), longest, rng));
    }

    @Override
    protected final Geometry geometry(Sample s, Scale p) {
        int w = s.width(), h = s.height();
        int outW = Math.max(1, (int) Math.rint(w * p.scale())), outH = Math.max(1, (int) Math.rint(h * p.scale()));
        return MaxSize.rescale(w, h, outW, outH, p.scale());
    }

    @Override
    protected final Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        size.putArgs(m);
        Interpolation.putArgs(m, resampling);
        return m;
    }
}
