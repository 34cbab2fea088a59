package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Resizes to {@code height × width} with OpenCV's resize. Albumentations' {@code Resize}: {@code height},
 * {@code width} (required), {@code interpolation} (default 1, linear), {@code mask_interpolation} (default 0), p = 1.
 * Targets: image, mask (nearest), bboxes, keypoints ({@code x·sx}, scale × max(sx, sy)).
 */
public final class Resize extends SpatialTransform<NoParams> {
    private final int height;
    private final int width;

    /**
     * @param height     {@code height}: output height in pixels, {@code > 0}
     * @param width      {@code width}: output width in pixels, {@code > 0}
     * @param resampling {@code interpolation} and {@code mask_interpolation}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public Resize(int height, int width, Resampling resampling, double p) {
        super(p, resampling);
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
    }

    /** Output {@code height × width} in pixels with linear images, nearest masks, p = 1 (Albumentations' defaults). */
    public Resize(int height, int width) {
        this(height, width, Resampling.defaults(), 1.0);
    }

    static Resize fromDict(Params r) {
        int[] size = Crops.size(r);
        return new Resize(size[0], size[1], r.resampling(1, 0), r.p(1.0));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        return AffineGeometry.resize(s.width(), s.height(), width, height);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = Crops.sizeArgs(height, width);
        m.put("interpolation", resampling.interpolation());
        m.put("mask_interpolation", resampling.maskInterpolation());
        return m;
    }
}
