package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops a random region that keeps every bounding box whole: each edge of the window is drawn uniformly between the
 * image border and the union of the boxes (eroded by {@code erosion_rate}, which lets the window cut into the union
 * by up to half that fraction of its size per side). Without boxes, the window keeps the image's aspect ratio and its
 * height is drawn from [(1 − erosion_rate)·H, H]. Albumentations' {@code BBoxSafeRandomCrop}: erosion_rate 0.0 in
 * [0, 1], p = 1. Targets: image, mask, bboxes, keypoints. Reads the sample's boxes.
 */
public final class BBoxSafeRandomCrop extends SpatialTransform<CropBox> {
    private final double erosionRate;

    /**
     * @param erosionRate {@code erosion_rate}: fraction of the boxes' union the window may cut into, in [0, 1]
     * @param p           probability of applying the transform, in [0, 1]
     */
    public BBoxSafeRandomCrop(double erosionRate, double p) {
        super(p, Resampling.defaults());
        this.erosionRate = Check.between(name(), "erosion_rate", erosionRate, 0, 1);
    }

    static BBoxSafeRandomCrop fromDict(Params r) {
        return new BBoxSafeRandomCrop(r.dbl("erosion_rate", 0.0), r.p(1.0));
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        return BoxSafe.window(s.boxes(), s.height(), s.width(), erosionRate, rng);
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("erosion_rate", erosionRate);
        return m;
    }
}
