package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.List;
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
 * Crops the box given in the sample's metadata under {@code cropping_bbox_key} ({@code [x_min, y_min, x_max, y_max]}
 * in pascal_voc pixels, as {@link Sample#withMetadata}), each edge moved by a random shift of up to
 * {@code max_part_shift} of the box's size: {@code [height part, width part]}. Albumentations'
 * {@code RandomCropNearBBox}: max_part_shift (0, 0.3) in [0, 1] (a scalar x means (0, x)), cropping_bbox_key
 * "cropping_bbox", p = 1. Maps naming 1.3.1's {@code cropping_box_key}, and 1.x files not naming 2.x's key, read
 * max_part_shift as 1.3.1 did: default (0.3, 0.3), a scalar x meaning (x, x). Targets: image, mask, bboxes,
 * keypoints. The box and window are clipped to the image; an empty window falls back to a centred crop of the box's
 * size. A missing metadata box is an error.
 */
public final class RandomCropNearBBox extends SpatialTransform<CropBox> {
    private final Range maxPartShift;
    private final String croppingBboxKey;

    /**
     * @param maxPartShift    {@code max_part_shift}: largest shift of each edge as a fraction of the box's size, [height part,
     *                        width part], within [0, 1]
     * @param croppingBboxKey {@code cropping_bbox_key}: metadata key of the box to crop, non-empty
     * @param p               probability of applying the transform, in [0, 1]
     */
    public RandomCropNearBBox(Range maxPartShift, String croppingBboxKey, double p) {
        super(p, Resampling.defaults());
        this.maxPartShift = Check.range(name(), "max_part_shift", maxPartShift, 0, 1);
        Check.that(croppingBboxKey != null && !croppingBboxKey.isEmpty(), name(), "cropping_bbox_key must be a non-empty string");
        this.croppingBboxKey = croppingBboxKey;
    }

    static RandomCropNearBBox fromDict(Params r) {
        boolean v13 = r.has("cropping_box_key") || r.byRelease(true, false) && !r.has("cropping_bbox_key");
        String key = v13 ? r.string("cropping_box_key", "cropping_bbox") : r.string("cropping_bbox_key", "cropping_bbox");
        r.raw("cropping_bbox_key");
        Range shift = r.range("max_part_shift", v13 ? Range.of(0.3, 0.3) : Range.of(0, 0.3), v13 ? Params.Scalar.FIXED : Params.Scalar.UPPER, 0);
        return new RandomCropNearBBox(shift, key, r.p(1.0));
    }

    @Override
    public CropBox sampleParams(Sample s, RandomGenerator rng) {
        int w = s.width(), h = s.height();
        int[] b = clip(box(s), w, h);
        int hShift = (int) Math.rint((b[3] - b[1]) * maxPartShift.min());
        int wShift = (int) Math.rint((b[2] - b[0]) * maxPartShift.max());
        int x1 = b[0] - RandomCropFromBorders.randint(rng, -wShift, wShift);
        int x2 = b[2] + RandomCropFromBorders.randint(rng, -wShift, wShift);
        int y1 = b[1] - RandomCropFromBorders.randint(rng, -hShift, hShift);
        int y2 = b[3] + RandomCropFromBorders.randint(rng, -hShift, hShift);
        int[] c = clip(new int[] {x1, y1, x2, y2}, w, h);
        if (c[0] == c[2] || c[1] == c[3]) {
            int[] center = Crops.center(h, w, Math.max(1, b[3] - b[1]), Math.max(1, b[2] - b[0]));
            return new CropBox(center[0], center[1], center[2], center[3]);
        }
        return new CropBox(c[0], c[1], c[2], c[3]);
    }

    /** The cropping box from the metadata, in whole pixels (outward). */
    private int[] box(Sample s) {
        Object v = s.metadata().get(croppingBboxKey);
        double[] d = null;
        if (v instanceof double[] a) d = a;
        if (v instanceof int[] a) d = java.util.Arrays.stream(a).asDoubleStream().toArray();
        if (v instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number)) d = l.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        if (d == null || d.length < 4) {
            throw new IllegalArgumentException(name() + " needs the sample metadata '" + croppingBboxKey
                    + "': [x_min, y_min, x_max, y_max] in pixels (Sample.withMetadata), got " + v);
        }
        return new int[] {(int) Math.floor(d[0]), (int) Math.floor(d[1]), (int) Math.ceil(d[2]), (int) Math.ceil(d[3])};
    }

    /** Albumentations' {@code _clip_bbox}: mins into [0, size], maxes into [min, size]. */
    private static int[] clip(int[] b, int w, int h) {
        int x1 = Math.max(0, Math.min(w, b[0])), y1 = Math.max(0, Math.min(h, b[1]));
        return new int[] {x1, y1, Math.max(x1, Math.min(w, b[2])), Math.max(y1, Math.min(h, b[3]))};
    }

    @Override
    protected Geometry geometry(Sample s, CropBox p) {
        return p.geometry();
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_part_shift", maxPartShift);
        m.put("cropping_bbox_key", croppingBboxKey);
        return m;
    }
}
