package org.augment4j.transform.spatial;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.AffineGeometry;
import org.augment4j.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops the centre {@code height × width} region. Albumentations' {@code CenterCrop}: {@code height}, {@code width}
 * (required), p = 1. Targets: image, mask, bboxes, keypoints. A crop larger than the image is an error.
 */
public final class CenterCrop extends SpatialTransform<NoParams> {
    private final int height;
    private final int width;

    public CenterCrop(int height, int width, double p) {
        super(p, Resampling.defaults());
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
    }

    public CenterCrop(int height, int width) {
        this(height, width, 1.0);
    }

    public static CenterCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        return new CenterCrop(size[0], size[1], r.p(1.0));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        Crops.requireFits(name(), s.height(), s.width(), height, width);
        int[] c = Crops.center(s.height(), s.width(), height, width);
        return AffineGeometry.crop(c[0], c[1], c[2], c[3]);
    }

    @Override
    protected Map<String, Object> args() {
        return Crops.sizeArgs(height, width);
    }
}
