package org.augment4j.transform.spatial;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.geometry.AffineGeometry;
import org.augment4j.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Check;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops a random {@code height × width} region. Albumentations' {@code RandomCrop}: {@code height}, {@code width}
 * (required), p = 1. Targets: image, mask, bboxes, keypoints. A crop larger than the image is an error.
 */
public final class RandomCrop extends SpatialTransform<RandomCrop.Position> {
    /** Where the window starts, as fractions in [0, 1) of the free space: Albumentations' {@code h_start, w_start}. */
    public record Position(double hStart, double wStart) {}

    private final int height;
    private final int width;

    public RandomCrop(int height, int width, double p) {
        super(p, Resampling.defaults());
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
    }

    public RandomCrop(int height, int width) {
        this(height, width, 1.0);
    }

    public static RandomCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        r.ignore("pad_if_needed", "pad_mode", "pad_position", "fill", "fill_mask", "border_mode");
        return new RandomCrop(size[0], size[1], r.p(1.0));
    }

    @Override
    public Position sampleParams(Sample sample, RandomGenerator rng) {
        return new Position(rng.nextDouble(), rng.nextDouble());
    }

    @Override
    protected Geometry geometry(Sample s, Position p) {
        Crops.requireFits(name(), s.height(), s.width(), height, width);
        int[] c = Crops.random(s.height(), s.width(), height, width, p.hStart(), p.wStart());
        return AffineGeometry.crop(c[0], c[1], c[2], c[3]);
    }

    @Override
    protected Map<String, Object> args() {
        return Crops.sizeArgs(height, width);
    }
}
