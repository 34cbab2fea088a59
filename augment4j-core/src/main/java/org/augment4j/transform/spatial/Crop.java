package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
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
 * Crops the fixed region {@code [x_min, x_max) × [y_min, y_max)}. Albumentations' {@code Crop}: defaults
 * x_min = y_min = 0, x_max = y_max = 1024, p = 1. Targets: image, mask, bboxes, keypoints. A region that does not fit
 * the image is an error.
 */
public final class Crop extends SpatialTransform<NoParams> {
    private final int xMin;
    private final int yMin;
    private final int xMax;
    private final int yMax;

    public Crop(int xMin, int yMin, int xMax, int yMax, double p) {
        super(p, Resampling.defaults());
        this.xMin = Check.nonNegative(name(), "x_min", xMin);
        this.yMin = Check.nonNegative(name(), "y_min", yMin);
        Check.that(xMax > xMin, name(), "x_max must be > x_min, got x_min=" + xMin + " x_max=" + xMax);
        Check.that(yMax > yMin, name(), "y_max must be > y_min, got y_min=" + yMin + " y_max=" + yMax);
        this.xMax = xMax;
        this.yMax = yMax;
    }

    public static Crop fromDict(Params r) {
        return new Crop(r.integer("x_min", 0), r.integer("y_min", 0), r.integer("x_max", 1024), r.integer("y_max", 1024), r.p(1.0));
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    protected Geometry geometry(Sample s, NoParams params) {
        if (xMax > s.width() || yMax > s.height()) {
            throw new IllegalArgumentException(name() + ": region x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax
                    + " does not fit the " + s.width() + "x" + s.height() + " image");
        }
        return AffineGeometry.crop(xMin, yMin, xMax, yMax);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x_min", xMin);
        m.put("y_min", yMin);
        m.put("x_max", xMax);
        m.put("y_max", yMax);
        return m;
    }
}
