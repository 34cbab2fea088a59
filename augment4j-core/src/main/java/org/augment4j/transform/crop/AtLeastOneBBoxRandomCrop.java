package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.spatial.Crops;

/**
 * Crops a random {@code height × width} window that keeps at least one bounding box: a reference box is drawn
 * uniformly, and the window's corner is drawn where the window still holds the box shrunk by {@code erosion_factor}
 * (0: the whole box; 1: any window that overlaps it). Without boxes it is a plain random crop. Albumentations'
 * {@code AtLeastOneBBoxRandomCrop}: height and width required, erosion_factor 0.0 in [0, 1], p = 1. Targets: image,
 * mask, bboxes, keypoints. Reads the sample's boxes; a window larger than the image is an error.
 */
public final class AtLeastOneBBoxRandomCrop extends SpatialTransform<CropBox> {
    private final int height;
    private final int width;
    private final double erosionFactor;

    /**
     * @param height        {@code height}: window height in pixels, {@code > 0} and at most the image's
     * @param width         {@code width}: window width in pixels, {@code > 0} and at most the image's
     * @param erosionFactor {@code erosion_factor}: how much of the reference box may be cut off, in [0, 1] (0: the whole box
     *                      stays; 1: the window need only overlap it)
     * @param p             probability of applying the transform, in [0, 1]
     */
    public AtLeastOneBBoxRandomCrop(int height, int width, double erosionFactor, double p) {
        super(p, Resampling.defaults());
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
        this.erosionFactor = Check.between(name(), "erosion_factor", erosionFactor, 0, 1);
    }

    /** A {@code height × width} window in pixels with Albumentations' defaults: erosion_factor 0, p = 1. */
    public AtLeastOneBBoxRandomCrop(int height, int width) {
        this(height, width, 0.0, 1.0);
    }

    static AtLeastOneBBoxRandomCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        return new AtLeastOneBBoxRandomCrop(size[0], size[1], r.dbl("erosion_factor", 0.0), r.p(1.0));
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        int imgH = s.height(), imgW = s.width();
        Crops.requireFits(name(), imgH, imgW, height, width);
        double minX = 0, maxX = imgW - width, minY = 0, maxY = imgH - height;
        if (s.boxes().size() > 0) {
            double[] b = s.boxes().get(rng.nextInt(s.boxes().size()));
            double x1 = b[0] * imgW, y1 = b[1] * imgH, x2 = b[2] * imgW, y2 = b[3] * imgH;
            if (erosionFactor < 1.0) {
                double ew = (x2 - x1) * (1.0 - erosionFactor), eh = (y2 - y1) * (1.0 - erosionFactor);
                minX = clip(x1 + ew - width, imgW - width);
                maxX = clip(x2 - ew, imgW - width);
                minY = clip(y1 + eh - height, imgH - height);
                maxY = clip(y2 - eh, imgH - height);
            } else {
                minX = clip(x1 - width, imgW - width);
                maxX = clip(x2, imgW - width);
                minY = clip(y1 - height, imgH - height);
                maxY = clip(y2, imgH - height);
            }
        }
        int cx = (int) Range.of(Math.min(minX, maxX), Math.max(minX, maxX)).uniform(rng);
        int cy = (int) Range.of(Math.min(minY, maxY), Math.max(minY, maxY)).uniform(rng);
        return new CropBox(cx, cy, cx + width, cy + height);
    }

    private static double clip(double v, double hi) {
        return Math.max(0.0, Math.min(hi, v));
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = Crops.sizeArgs(height, width);
        m.put("erosion_factor", erosionFactor);
        return m;
    }
}
