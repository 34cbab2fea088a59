package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.spatial.Crops;

/**
 * {@link BBoxSafeRandomCrop}'s window (every box kept whole), then resized to {@code height × width}. Albumentations'
 * {@code RandomSizedBBoxSafeCrop}: height and width required, erosion_rate 0.0 in [0, 1], interpolation 1,
 * mask_interpolation 0, p = 1. Targets: image, mask, bboxes, keypoints (× scale). Reads the sample's boxes.
 */
public final class RandomSizedBBoxSafeCrop extends SpatialTransform<CropBox> {
    private final int height;
    private final int width;
    private final double erosionRate;

    /**
     * @param height      {@code height}: output height in pixels, {@code > 0}
     * @param width       {@code width}: output width in pixels, {@code > 0}
     * @param erosionRate {@code erosion_rate}: fraction of the boxes' union the window may cut into, in [0, 1]
     * @param resampling  {@code interpolation} and {@code mask_interpolation} of the resize
     * @param p           probability of applying the transform, in [0, 1]
     */
    public RandomSizedBBoxSafeCrop(int height, int width, double erosionRate, Resampling resampling, double p) {
        super(p, resampling);
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
        this.erosionRate = Check.between(name(), "erosion_rate", erosionRate, 0, 1);
    }

    /**
     * Output {@code height × width} in pixels with Albumentations' defaults: erosion_rate 0, linear images, nearest masks,
     * p = 1.
     */
    public RandomSizedBBoxSafeCrop(int height, int width) {
        this(height, width, 0.0, Resampling.defaults(), 1.0);
    }

    static RandomSizedBBoxSafeCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        return new RandomSizedBBoxSafeCrop(size[0], size[1], r.dbl("erosion_rate", 0.0), Interpolation.read(r), r.p(1.0));
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        return BoxSafe.window(s.boxes(), s.height(), s.width(), erosionRate, rng);
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry().then(AffineGeometry.resize(p.width(), p.height(), width, height));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = Crops.sizeArgs(height, width);
        m.put("erosion_rate", erosionRate);
        Interpolation.putArgs(m, resampling);
        return m;
    }
}
